import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useIsAuthenticated } from '@azure/msal-react';
import { Suspense, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2, color: tokens.colorNeutralForeground1 },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    height: '48px',
    padding: `0 ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': { left: tokens.spacingHorizontalL, top: '52px', zIndex: 10, backgroundColor: tokens.colorNeutralBackground1, padding: tokens.spacingHorizontalS },
  },
  main: { maxWidth: '1280px', margin: '0 auto', padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}` },
});

/** Header with the product name and, once signed in, the account menu; then the page. */
export function Shell({ accountMenu, children }: { accountMenu: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  const isAuthenticated = useIsAuthenticated();
  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.header}>
        <Text weight="semibold" size={400}>
          Catalog Upload Console
        </Text>
        {isAuthenticated && <Suspense>{accountMenu}</Suspense>}
      </header>
      <main id="main" className={styles.main}>
        {children}
      </main>
    </div>
  );
}
