import type { IPublicClientApplication } from '@azure/msal-browser';
import { MsalProvider, useIsAuthenticated, useMsal } from '@azure/msal-react';
import { FluentProvider } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { AuthGate } from '../auth/auth-gate';
import { AuthSettingsProvider } from '../auth/auth-settings';
import { PageTitle } from '../components/use-page-title';
import type { AppConfig } from '../config/app-config';
import { PendingPage } from './pending-page';
import { Shell } from './shell';
import { useSystemTheme } from './use-system-theme';

// What only signed-in people see loads after sign-in, in chunks of its own: the first page stays small.
let signedInApp: typeof import('./signed-in-app') | undefined;
const loadSignedInApp = async () => (signedInApp ??= await import('./signed-in-app'));
const LazySignedInApp = lazy(async () => ({ default: (await loadSignedInApp()).SignedInApp }));

/**
 * For someone already signed in (a reload, a bookmark), before the first render: React reveals what a lazy component
 * suspended at most every 300 ms, a wait the pages need not start with.
 */
export const preloadSignedInApp = loadSignedInApp;
const AccountMenu = lazy(() => import('../auth/account-menu').then((module) => ({ default: module.AccountMenu })));

/**
 * The sign-in page, or the signed-in app. An account in the cache (a reload, a bookmark) starts the app at once, so
 * the page's code arrives while MSAL settles; its layout shows the page only once MSAL is idle (AuthGate).
 */
function Pages({ config }: { config: AppConfig }) {
  const { instance } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  if (!isAuthenticated && instance.getAllAccounts().length === 0) {
    return (
      <>
        <PageTitle name="Sign in" />
        <AuthGate />
      </>
    );
  }
  const SignedInApp = signedInApp?.SignedInApp ?? LazySignedInApp;
  return (
    <Suspense fallback={<PendingPage />}>
      <SignedInApp config={config} />
    </Suspense>
  );
}

export function App({ config, msal }: { config: AppConfig; msal: IPublicClientApplication }) {
  const theme = useSystemTheme();

  return (
    <FluentProvider theme={theme} style={{ background: 'transparent' }}>
      <MsalProvider instance={msal}>
        <AuthSettingsProvider graphScopes={config.graphScopes}>
          <Shell accountMenu={<AccountMenu />}>
            <Pages config={config} />
          </Shell>
        </AuthSettingsProvider>
      </MsalProvider>
    </FluentProvider>
  );
}
