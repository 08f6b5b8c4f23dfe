import { InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import type { AccessTokenProvider } from '../graph/graph-client';
import type { SignInAgain } from './sign-in-again';

/** Scopes every sign-in asks for, so the person consents to Graph up front. */
export function signInScopes(graphScopes: string[]) {
  return ['openid', 'profile', 'offline_access', ...graphScopes];
}

/** A token is reused while it has more than this left; MSAL renews it (the same margin as its own default) after that. */
const reuseMarginMs = 5 * 60_000;

/**
 * Graph tokens, silently whenever MSAL can (cache, refresh token, hidden iframe). When MSAL says interaction is
 * required while work is held (files uploading, src/auth/sign-in-again.ts), the call waits until the person signs in
 * again in a popup, and tries again. Otherwise it redirects, once, however many calls are waiting: a second redirect
 * would fail with interaction_in_progress.
 */
export function createAccessTokenProvider(
  instance: IPublicClientApplication,
  graphScopes: string[],
  /** Waits while MSAL handles an interaction (src/auth/idle-gate.ts). */
  whenIdle: () => Promise<void> = () => Promise.resolve(),
  signInAgain?: SignInAgain,
): AccessTokenProvider {
  let redirecting: Promise<never> | undefined;
  /**
   * The last token per account and scopes, in memory only: asking MSAL for every upload attempt cost each next upload
   * its start (bench/README.md, issue 15), although MSAL would only have answered from its own cache.
   */
  const lastTokens = new Map<string, { accessToken: string; expiresAt: number }>();

  const getToken: AccessTokenProvider = async ({ forceRefresh = false, scopes = graphScopes } = {}) => {
    if (redirecting) return redirecting;
    await whenIdle();
    if (redirecting) return redirecting;
    const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
    if (!account) throw new Error('You are signed out. Sign in again to continue.');
    const key = `${account.homeAccountId} ${scopes.join(' ')}`;
    const last = lastTokens.get(key);
    if (!forceRefresh && last && last.expiresAt - Date.now() > reuseMarginMs) return last.accessToken;
    try {
      const result = await instance.acquireTokenSilent({ scopes, account, forceRefresh });
      if (result.expiresOn) lastTokens.set(key, { accessToken: result.accessToken, expiresAt: result.expiresOn.getTime() });
      else lastTokens.delete(key);
      return result.accessToken;
    } catch (error) {
      if (!(error instanceof InteractionRequiredAuthError)) throw error;
      if (signInAgain?.held && !redirecting) {
        await signInAgain.waitForSignIn();
        return getToken({ forceRefresh, scopes });
      }
      redirecting ??= instance
        .acquireTokenRedirect({ scopes, account, redirectStartPage: window.location.href })
        // The page is navigating away: whoever waits for a token waits for the page to unload.
        .then(() => new Promise<never>(() => {}));
      return redirecting;
    }
  };
  return getToken;
}
