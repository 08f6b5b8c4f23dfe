import { InteractionRequiredAuthError, ServerError, type IPublicClientApplication } from '@azure/msal-browser';
import { describe, expect, it, vi } from 'vitest';
import { lookupScopes, refusalOf, requestScopes } from './consent';

const account = { homeAccountId: 'h', environment: 'e', tenantId: 't', username: 'megan@contoso.example', localAccountId: 'l' };

function fakeMsal(silent: () => Promise<unknown>, popup: () => Promise<unknown>) {
  const instance = {
    getActiveAccount: () => account,
    getAllAccounts: () => [account],
    acquireTokenSilent: vi.fn(silent),
    acquireTokenPopup: vi.fn(popup),
  };
  return instance as typeof instance & IPublicClientApplication;
}

describe('incremental consent (docs/graph-contract.md §9.1)', () => {
  it('asks for User.Read.All, and GroupMember.Read.All only for groups, on the configured Graph resource', () => {
    expect(lookupScopes(['https://graph.microsoft.com/EntitlementManagement.ReadWrite.All'])).toEqual(['https://graph.microsoft.com/User.Read.All']);
    expect(lookupScopes(['https://graph.microsoft.us/EntitlementManagement.ReadWrite.All'], { groups: true })).toEqual([
      'https://graph.microsoft.us/User.Read.All',
      'https://graph.microsoft.us/GroupMember.Read.All',
    ]);
  });

  it('takes a token silently when consent was given before, without a pop-up', async () => {
    const msal = fakeMsal(async () => ({ accessToken: 'x' }), async () => ({ accessToken: 'y' }));
    expect(await requestScopes(msal, ['User.Read.All'])).toEqual({ granted: true });
    expect(msal.acquireTokenSilent).toHaveBeenCalledWith({ scopes: ['User.Read.All'], account });
    expect(msal.acquireTokenPopup).not.toHaveBeenCalled();
  });

  it('opens the consent pop-up when interaction is required, and reports a refusal with its AADSTS code', async () => {
    const msal = fakeMsal(
      async () => Promise.reject(new InteractionRequiredAuthError('consent_required', 'correlation-1', 'AADSTS65001: consent needed')),
      async () => Promise.reject(new ServerError('access_denied', 'correlation-1', 'AADSTS65004: User declined to consent to access the app.')),
    );
    expect(await requestScopes(msal, ['User.Read.All'])).toEqual({ granted: false, code: 'AADSTS65004', message: expect.stringContaining('User declined to consent') });
    expect(msal.acquireTokenPopup).toHaveBeenCalledWith({ scopes: ['User.Read.All'], account });
  });

  it('explains a blocked pop-up', () => {
    expect(refusalOf({ errorCode: 'popup_window_error', errorMessage: 'Error opening popup window.' })).toEqual({
      code: 'popup_window_error',
      message: 'The browser blocked the consent window. Allow pop-ups for this site and try again.',
    });
  });
});
