import { Badge, Button, MessageBar, MessageBarBody, MessageBarTitle, Tooltip, makeStyles, type ButtonProps } from '@fluentui/react-components';
import type { CatalogAccess } from '../graph/catalog-roles';
import { GraphError } from '../graph/graph-error';
import { ErrorMessage } from './error-message';

/** What the console says about catalog roles, in one place for every page and action. */

export const notOwnerOrReader =
  'You are not an owner or reader of this catalog. Ask an Identity Governance Administrator for the catalog owner role.';

/** A read Graph refused: the person has no role on the catalog (docs/graph-contract.md §4). */
export const isAccessDenied = (error: unknown): error is GraphError => error instanceof GraphError && error.status === 403;

/** Why a reader cannot do it, said on the disabled control. */
export const readerCannot = (what: string) =>
  `Catalog readers can see everything here but cannot ${what}: only catalog owners can. Ask a catalog owner or an Identity Governance Administrator for the catalog owner role.`;

/** A change Graph refused with 403: said once, in plain words; trying again cannot help. */
export const explainActionDenied = (error: GraphError) =>
  error.status === 403
    ? 'Microsoft Graph refused: only catalog owners (or an Identity Governance Administrator) can make this change, and you are not one of them on this catalog. Trying again will not help; ask a catalog owner for the owner role.'
    : undefined;

const useStyles = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

const badges = {
  owner: { label: 'Owner', color: 'brand' },
  reader: { label: 'Reader', color: 'informative' },
  none: { label: 'No access', color: 'danger' },
} as const;

/**
 * The person's role on the catalog, beside the page's title. `denied`: Graph refused to show the page (403), whatever
 * the role query said. An unknown role (a directory role may be what grants access, §9.3) shows no badge.
 */
export function RoleBadge({ access, denied = false }: { access: CatalogAccess; denied?: boolean }) {
  const styles = useStyles();
  const kind = denied ? 'none' : access === 'owner' || access === 'reader' ? access : undefined;
  if (!kind) return null;
  const badge = badges[kind];
  return (
    <Badge appearance="tint" color={badge.color} size="large">
      <span className={styles.hidden}>Your role on this catalog: </span>
      {badge.label}
    </Badge>
  );
}

/** An owner action shown to a reader: visible, focusable, disabled, and saying why. */
export function ReaderBlockedButton({ reason, children, icon, appearance }: Pick<ButtonProps, 'icon' | 'appearance'> & { reason: string; children: string }) {
  return (
    <Tooltip content={reason} relationship="description">
      <Button icon={icon} appearance={appearance} disabledFocusable>
        {children}
      </Button>
    </Tooltip>
  );
}

/** In place of a panel readers cannot use. */
export function ReaderNotice({ title, children }: { title: string; children: string }) {
  return (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A page Graph refused to show (403): one kind message with the code and request id, no retry. */
export function NoAccessMessage({ title, error }: { title: string; error: unknown }) {
  return <ErrorMessage title={title} error={error} explain={() => notOwnerOrReader} />;
}
