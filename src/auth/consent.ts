import { InteractionRequiredAuthError, type AuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { useMsal } from '@azure/msal-react';
import { useCallback } from 'react';
import { useAuthSettings } from './auth-settings';

/**
 * Permissions asked for when they are needed, not at sign-in (incremental consent, docs/graph-contract.md §9.1):
 * looking people up needs User.Read.All, and groups GroupMember.Read.All. Refusing them leaves the rest of the
 * console working; the caller explains the refusal.
 */
export type ConsentResult = { granted: true } | { granted: false; code?: string; message: string };

/** The Graph resource of the configured scopes (`https://graph.microsoft.com/`), so national clouds keep theirs. */
function graphResourcePrefix(graphScopes: readonly string[]): string {
  const scoped = graphScopes.find((scope) => scope.includes('/'));
  return scoped ? scoped.slice(0, scoped.lastIndexOf('/') + 1) : 'https://graph.microsoft.com/';
}

/** The scopes a people lookup needs: users always, groups only when group owners are looked up. */
export function lookupScopes(graphScopes: readonly string[], options: { groups?: boolean } = {}): string[] {
  const prefix = graphResourcePrefix(graphScopes);
  return [`${prefix}User.Read.All`, ...(options.groups ? [`${prefix}GroupMember.Read.All`] : [])];
}

/** AADSTS65004 (declined), AADSTS65001 (admin consent needed) and the like, from an MSAL error's message. */
export function refusalOf(error: unknown): { code?: string; message: string } {
  const authError = error as Partial<AuthError> | undefined;
  const text = [authError?.errorMessage, authError?.message].find((part) => part) ?? String(error);
  const code = /AADSTS\d+/.exec(text)?.[0] ?? (authError?.errorCode || undefined);
  if (authError?.errorCode === 'popup_window_error' || authError?.errorCode === 'empty_window_error') {
    return { code, message: 'The browser blocked the consent window. Allow pop-ups for this site and try again.' };
  }
  if (authError?.errorCode === 'user_cancelled') return { code, message: 'The consent window was closed before the permission was granted.' };
  return { code, message: text };
}

/** A token for `scopes` silently when consent was given before, else a consent pop-up (the page and dialog stay). */
export async function requestScopes(instance: IPublicClientApplication, scopes: string[]): Promise<ConsentResult> {
  const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
  if (!account) return { granted: false, message: 'You are signed out. Sign in again to continue.' };
  try {
    await instance.acquireTokenSilent({ scopes, account });
    return { granted: true };
  } catch (error) {
    if (!(error instanceof InteractionRequiredAuthError)) return { granted: false, ...refusalOf(error) };
  }
  try {
    await instance.acquireTokenPopup({ scopes, account });
    return { granted: true };
  } catch (error) {
    return { granted: false, ...refusalOf(error) };
  }
}

/** `ask(options)` asks for the lookup scopes and answers whether they were granted, and the scopes. */
export function useLookupConsent() {
  const { instance } = useMsal();
  const { graphScopes } = useAuthSettings();
  return useCallback(
    async (options: { groups?: boolean } = {}) => {
      const scopes = lookupScopes(graphScopes, options);
      return { scopes, result: await requestScopes(instance, scopes) };
    },
    [instance, graphScopes],
  );
}
