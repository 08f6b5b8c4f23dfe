import { InteractionRequiredAuthError, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { createAccessTokenProvider, signInScopes } from './access-token';

const scopes = ['https://graph.microsoft.com/EntitlementManagement.ReadWrite.All'];
const account = { homeAccountId: 'megan', username: 'megan.bowen@contoso.example' };

function fakeMsal(acquireTokenSilent: () => Promise<unknown>) {
  const instance = {
    getActiveAccount: vi.fn(() => account),
    getAllAccounts: vi.fn(() => [account]),
    acquireTokenSilent: vi.fn(acquireTokenSilent),
    acquireTokenRedirect: vi.fn(async () => undefined),
  };
  return instance;
}

describe('createAccessTokenProvider', () => {
  it('returns the silently acquired token and passes forceRefresh through', async () => {
    const msal = fakeMsal(async () => ({ accessToken: 'token-1' }));
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    await expect(getToken({ forceRefresh: true })).resolves.toBe('token-1');
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ scopes, account, forceRefresh: true });
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('redirects once, however many calls need interaction at the same time', async () => {
    const msal = fakeMsal(async () => {
      throw new InteractionRequiredAuthError('login_required', 'correlation-1');
    });
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    const settled = vi.fn();
    void getToken().then(settled, settled);
    void getToken().then(settled, settled);
    await vi.waitFor(() => expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1));
    void getToken().then(settled, settled);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(msal.acquireTokenRedirect).toHaveBeenCalledTimes(1);
    expect(msal.acquireTokenRedirect).toHaveBeenCalledWith(expect.objectContaining({ scopes, account }));
    // The page is leaving: nobody gets an error to flash on screen.
    expect(settled).not.toHaveBeenCalled();
  });

  it('passes other failures on without redirecting', async () => {
    const msal = fakeMsal(async () => {
      throw new Error('network down');
    });
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    await expect(getToken()).rejects.toThrow('network down');
    expect(msal.acquireTokenRedirect).not.toHaveBeenCalled();
  });

  it('reuses the last token while it has more than five minutes left, without asking MSAL again', async () => {
    let issued = 0;
    const msal = fakeMsal(async () => ({ accessToken: `token-${++issued}`, expiresOn: new Date(Date.now() + 60 * 60_000) }));
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    await expect(getToken()).resolves.toBe('token-1');
    await expect(getToken()).resolves.toBe('token-1');
    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(1);
    // Other scopes are another token.
    await expect(getToken({ scopes: ['User.Read.All'] })).resolves.toBe('token-2');
    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it('asks MSAL again when forced (a 401) and keeps what it gave', async () => {
    let issued = 0;
    const msal = fakeMsal(async () => ({ accessToken: `token-${++issued}`, expiresOn: new Date(Date.now() + 60 * 60_000) }));
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    await getToken();
    await expect(getToken({ forceRefresh: true })).resolves.toBe('token-2');
    expect(msal.acquireTokenSilent).toHaveBeenLastCalledWith({ scopes, account, forceRefresh: true });
    await expect(getToken()).resolves.toBe('token-2');
    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it('asks MSAL again once the token has five minutes or less left', async () => {
    let issued = 0;
    const msal = fakeMsal(async () => ({ accessToken: `token-${++issued}`, expiresOn: new Date(Date.now() + 5 * 60_000) }));
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    await expect(getToken()).resolves.toBe('token-1');
    await expect(getToken()).resolves.toBe('token-2');
    expect(msal.acquireTokenSilent).toHaveBeenCalledTimes(2);
  });

  it('keeps nothing when MSAL gives no expiry', async () => {
    let issued = 0;
    const msal = fakeMsal(async () => ({ accessToken: `token-${++issued}`, expiresOn: null }));
    const getToken = createAccessTokenProvider(msal as unknown as IPublicClientApplication, scopes);
    await getToken();
    await expect(getToken()).resolves.toBe('token-2');
  });

  it('asks for the OpenID scopes and Graph at sign-in', () => {
    expect(signInScopes(scopes)).toEqual(['openid', 'profile', 'offline_access', ...scopes]);
  });
});
