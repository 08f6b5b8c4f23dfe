import type { IPublicClientApplication } from '@azure/msal-browser';
import { MsalProvider } from '@azure/msal-react';
import { FluentProvider } from '@fluentui/react-components';
import { Suspense, lazy } from 'react';
import { AuthGate } from '../auth/auth-gate';
import { AuthSettingsProvider } from '../auth/auth-settings';
import type { AppConfig } from '../config/app-config';
import { PendingPage } from './pending-page';
import { Shell } from './shell';
import { useSystemTheme } from './use-system-theme';

// What only signed-in people see loads after sign-in, in chunks of its own: the first page stays small.
const loadSignedInApp = () => import('./signed-in-app');
/** For someone already signed in (a reload, a bookmark): fetches the pages' code while MSAL settles, not after. */
export const preloadSignedInApp = () => void loadSignedInApp();
const SignedInApp = lazy(() => loadSignedInApp().then((module) => ({ default: module.SignedInApp })));
const AccountMenu = lazy(() => import('../auth/account-menu').then((module) => ({ default: module.AccountMenu })));

export function App({ config, msal }: { config: AppConfig; msal: IPublicClientApplication }) {
  const theme = useSystemTheme();

  return (
    <FluentProvider theme={theme} style={{ background: 'transparent' }}>
      <MsalProvider instance={msal}>
        <AuthSettingsProvider graphScopes={config.graphScopes}>
          <Shell accountMenu={<AccountMenu />}>
            <AuthGate>
              <Suspense fallback={<PendingPage />}>
                <SignedInApp config={config} />
              </Suspense>
            </AuthGate>
          </Shell>
        </AuthSettingsProvider>
      </MsalProvider>
    </FluentProvider>
  );
}
