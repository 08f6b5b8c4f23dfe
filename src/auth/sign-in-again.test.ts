import { BrowserAuthError, InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { createAccessTokenProvider } from './access-token';
import { createSignInAgain } from './sign-in-again';

const scopes = ['https://graph.microsoft.com/EntitlementManagement.ReadWrite.All'];
const account = { homeAccountId: 'megan', username: 'megan.bowen@contoso.example' };

function fakeMsal() {
  let signedIn = false;
  return {
    getActiveAccount: vi.fn(() => account),
    getAllAccounts: vi.fn(() => [account]),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async () => {
      if (!signedIn) throw new InteractionRequiredAuthError('login_required', 'correlation-1');
      return { accessToken: 'token-2' };
    }),
    acquireTokenPopup: vi.fn(async () => {
      signedIn = true;
      return { account, accessToken: 'token-2' };
    }),
    acquireTokenRedirect: vi.fn(async () => undefined),
  };
}

const asMsal = (msal: ReturnType<typeof fakeMsal>) => msal as unknown as IPublicClientApplication;

describe('signing in again while work is held', () => {
  it('a token call that needs interaction waits for the popup, then gets its token; nothing redirects', async () => {
    const msal = fakeMsal();
    const signInAgain = createSignInAgain(asMsal(msal), scopes);
    const getToken = createAccessTokenProvider(asMsal(msal), scopes, undefined, signInAgain);
    const release = signInAgain.hold();
    const token = getToken();
    await vi.waitFor(() => expect(signInAgain.getSnapshot().needed).toBe(true));
    await signInAgain.signIn();
    await expect(token).resolves.toBe('token-2');
    expect(signInAgain.getSnapshot()).toMatchObject({ needed: false, signingIn: false });
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith(expect.objectContaining({ scopes, account }));
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
    release();
  });

  it('without held work, interaction still redirects as before', async () => {
    const msal = fakeMsal();
    const signInAgain = createSignInAgain(asMsal(msal), scopes);
    const getToken = createAccessTokenProvider(asMsal(msal), scopes, undefined, signInAgain);
    const release = signInAgain.hold();
    release();
    release();
    void getToken();
    await vi.waitFor(() => expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1));
    expect(signInAgain.getSnapshot().needed).toBe(false);
  });

  it('a blocked popup falls back to a redirect back to this page; a closed one keeps asking', async () => {
    const msal = fakeMsal();
    const signInAgain = createSignInAgain(asMsal(msal), scopes, () => 'https://app.example/session');
    signInAgain.hold();
    void signInAgain.waitForSignIn();
    msal.acquireTokenPopup.mockRejectedValueOnce(new BrowserAuthError('user_cancelled', 'correlation-1'));
    await signInAgain.signIn();
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
    expect(signInAgain.getSnapshot()).toMatchObject({ needed: true, error: expect.any(BrowserAuthError) });
    msal.acquireTokenPopup.mockRejectedValueOnce(new BrowserAuthError('popup_window_error', 'correlation-1'));
    await signInAgain.signIn();
    expect(msal.acquireTokenRedirect).toHaveBeenCalledWith(expect.objectContaining({ redirectStartPage: 'https://app.example/session' }));
  });
});
