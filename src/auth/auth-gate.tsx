import { InteractionStatus } from '@azure/msal-browser';
import { useIsAuthenticated, useMsal } from '@azure/msal-react';
import { Spinner } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SignInPage } from './sign-in-page';

/**
 * Renders the signed-in app only once MSAL is idle (or getting a token) and has an account, so no Graph call starts
 * while a redirect is being handled (which is what causes interaction_in_progress errors).
 */
export function AuthGate({ children }: { children?: ReactNode }) {
  const { inProgress } = useMsal();
  const isAuthenticated = useIsAuthenticated();
  // A token asked for in a pop-up (consent to a permission, src/auth/consent.ts; signing in again over uploads)
  // keeps the page: unmounting it would drop its dialogs and the upload queue. Graph calls wait through the idle gate.
  if (isAuthenticated && (inProgress === InteractionStatus.None || inProgress === InteractionStatus.AcquireToken)) return <>{children}</>;
  if (inProgress === InteractionStatus.None) return <SignInPage />;
  const label = inProgress === InteractionStatus.Logout ? 'Signing out…' : 'Signing in…';
  return <Spinner label={label} style={{ marginTop: '20vh' }} />;
}
