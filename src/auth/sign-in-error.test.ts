import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import { describe, expect, it } from 'vitest';
import { describeSignInFailure, rememberRedirectFailure, takeRedirectFailure } from './sign-in-error';

const now = () => new Date('2026-12-02T04:05:06Z');
const entraText =
  'AADSTS70008: The provided authorization code or refresh token has expired due to inactivity. Trace ID: 1f2e3d4c-aaaa-bbbb-cccc-000000000001 Correlation ID: 9a8b7c6d-0000-1111-2222-333333333333 Timestamp: 2026-12-02 04:05:01Z';

describe('describeSignInFailure', () => {
  it("reads the AADSTS code, trace id, correlation id and time out of Entra's description", () => {
    const failure = describeSignInFailure(new InteractionRequiredAuthError('invalid_grant', 'msal-corr', entraText), now);
    expect(failure.message).toBe('Microsoft Entra ID refused the sign-in: The provided authorization code or refresh token has expired due to inactivity.');
    expect(failure.facts).toEqual({
      code: 'AADSTS70008 (invalid_grant)',
      ids: [
        { label: 'Trace ID', value: '1f2e3d4c-aaaa-bbbb-cccc-000000000001' },
        { label: 'Correlation ID', value: '9a8b7c6d-0000-1111-2222-333333333333' },
      ],
      time: '2026-12-02 04:05:01Z',
    });
  });

  it('reads the words out of the description MSAL wraps a token error in', () => {
    const wrapped = `Error(s): 70008 - Timestamp: 2026-12-02 04:05:01Z - Description: ${entraText} - Correlation ID: 9a8b7c6d-0000-1111-2222-333333333333 - Trace ID: 1f2e3d4c-aaaa-bbbb-cccc-000000000001`;
    const failure = describeSignInFailure(new ServerError('invalid_request', 'msal-corr', wrapped), now);
    expect(failure.message).toBe('Microsoft Entra ID refused the sign-in: The provided authorization code or refresh token has expired due to inactivity.');
    expect(failure.facts.code).toBe('AADSTS70008 (invalid_request)');
    expect(failure.facts.ids.map((id) => id.value)).toEqual(['1f2e3d4c-aaaa-bbbb-cccc-000000000001', '9a8b7c6d-0000-1111-2222-333333333333']);
    expect(failure.facts.time).toBe('2026-12-02 04:05:01Z');
  });

  it("falls back to MSAL's code, its correlation id and the time here when Entra said nothing", () => {
    const failure = describeSignInFailure(new ServerError('server_error', 'corr-1'), now);
    expect(failure.facts).toEqual({ code: 'server_error', ids: [{ label: 'Correlation ID', value: 'corr-1' }], time: '2026-12-02T04:05:06.000Z' });
    expect(failure.message).toBe('The sign-in did not complete.');
  });

  it('says what a browser-side MSAL error is, with its code', () => {
    const failure = describeSignInFailure(new AuthError('popup_window_error', 'corr-2', 'Error opening popup window.'), now);
    expect(failure.facts.code).toBe('popup_window_error');
    expect(failure.message).toBe('The sign-in did not complete: Error opening popup window.');
  });

  it('keeps a redirect failure for the sign-in page, once', () => {
    const error = new ServerError('access_denied', 'c', 'AADSTS65004: User declined to consent.');
    rememberRedirectFailure(error);
    expect(takeRedirectFailure()).toBe(error);
    expect(takeRedirectFailure()).toBeUndefined();
  });
});
