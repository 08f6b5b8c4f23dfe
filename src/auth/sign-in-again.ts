import { BrowserAuthError, type IPublicClientApplication } from '@azure/msal-browser';

export interface SignInAgainState {
  /** A token needed interaction while work was held: the person is asked to sign in again. */
  needed: boolean;
  /** The popup is open. */
  signingIn: boolean;
  /** Why the last sign-in attempt failed (the popup was closed, say). */
  error?: unknown;
}

/** MSAL's codes for a popup the browser did not open: then, and only then, the page redirects instead. */
const popupBlockedCodes = new Set(['popup_window_error', 'empty_window_error']);

/**
 * Sign-in lost while work is under way (files uploading) must not drop the work: instead of redirecting, Graph calls
 * that need a token wait, the page offers "Sign in again to continue", and a popup signs the person in while the page
 * and its queue stay. Only when the browser blocks the popup does it fall back to a redirect.
 */
export function createSignInAgain(
  instance: IPublicClientApplication,
  scopes: string[],
  startPage: () => string = () => window.location.href,
) {
  let holds = 0;
  let state: SignInAgainState = { needed: false, signingIn: false };
  let waiting: (() => void)[] = [];
  const listeners = new Set<() => void>();
  const set = (change: Partial<SignInAgainState>) => {
    state = { ...state, ...change };
    for (const listener of listeners) listener();
  };

  return {
    /** Marks work that a redirect would lose; returns the release. While any is held, lost sign-in asks instead. */
    hold(): () => void {
      holds++;
      let released = false;
      return () => {
        if (released) return;
        released = true;
        holds--;
      };
    },
    get held() {
      return holds > 0;
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getSnapshot: () => state,
    /** For the token provider: asks the person, and resolves once they signed in again. */
    waitForSignIn(): Promise<void> {
      if (!state.needed) set({ needed: true });
      return new Promise((resolve) => waiting.push(resolve));
    },
    /** The popup (from a click: browsers block popups opened otherwise). */
    async signIn(): Promise<void> {
      if (state.signingIn) return;
      set({ signingIn: true, error: undefined });
      const account = instance.getActiveAccount() ?? instance.getAllAccounts()[0];
      try {
        const result = await instance.acquireTokenPopup({ scopes, account, loginHint: account?.username });
        if (result.account) instance.setActiveAccount(result.account);
        set({ needed: false, signingIn: false });
        for (const resolve of waiting) resolve();
        waiting = [];
      } catch (error) {
        set({ signingIn: false, error });
        if (error instanceof BrowserAuthError && popupBlockedCodes.has(error.errorCode)) {
          // The page leaves: what was queued is in the upload journal, which the session page shows on return.
          await instance.acquireTokenRedirect({ scopes, account, redirectStartPage: startPage() });
        }
      }
    },
  };
}

export type SignInAgain = ReturnType<typeof createSignInAgain>;
