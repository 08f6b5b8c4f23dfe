import { useAccount, useMsal } from '@azure/msal-react';
import {
  Avatar,
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { SignOutRegular } from '@fluentui/react-icons';
import { useSignOut } from './use-sign-in';

const useStyles = makeStyles({
  who: { display: 'flex', flexDirection: 'column', padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}` },
  trigger: {
    color: 'inherit',
    // Fluent's transparent button turns its text brand blue on hover and press: unreadable on the brand header.
    // The same selectors as Fluent's, so these replace its colours rather than compete with them.
    ':hover': { color: tokens.colorNeutralForegroundOnBrand, backgroundColor: tokens.colorBrandBackgroundHover },
    ':hover:active,:active:focus-visible': {
      color: tokens.colorNeutralForegroundOnBrand,
      backgroundColor: tokens.colorBrandBackgroundPressed,
    },
  },
});

/** Who is signed in, and the way out. */
export function AccountMenu() {
  const styles = useStyles();
  const { instance } = useMsal();
  const account = useAccount(instance.getActiveAccount() ?? undefined);
  const signOut = useSignOut();
  if (!account) return null;
  const name = account.name ?? account.username;

  return (
    // Inline: the open menu stays inside the header landmark instead of a portal outside every landmark.
    <Menu inline>
      <MenuTrigger disableButtonEnhancement>
        <Button
          appearance="transparent"
          className={styles.trigger}
          icon={<Avatar name={name} size={28} color="colorful" />}
          aria-label={`Account: ${name}`}
        >
          {name}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>Signed in as</MenuGroupHeader>
            <div className={styles.who}>
              <Text weight="semibold">{name}</Text>
              <Text size={200}>{account.username}</Text>
            </div>
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<SignOutRegular />} onClick={() => void signOut()}>
            Sign out
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
