import { useMsal } from '@azure/msal-react';
import { useCallback } from 'react';
import { signInScopes } from './access-token';
import { useAuthSettings } from './auth-settings';

/** Redirects to Entra, and back to the very address the person asked for. */
export function useSignIn() {
  const { instance } = useMsal();
  const { graphScopes } = useAuthSettings();
  return useCallback(
    () => instance.loginRedirect({ scopes: signInScopes(graphScopes), redirectStartPage: window.location.href }),
    [instance, graphScopes],
  );
}

export function useSignOut() {
  const { instance } = useMsal();
  return useCallback(() => instance.logoutRedirect({ account: instance.getActiveAccount() }), [instance]);
}
