import { APP_DISPLAY_NAME, CLIENT_ID, TENANT_DISPLAY_NAME } from '../config';
import { tokenLifetime } from '../emulator-state';
import type { EmulatorState } from '../emulator-state';
import { readFormBody } from '../http/body';
import type { RequestContext } from '../http/context';
import { sendJson } from '../http/context';
import type { User } from '../store/types';
import { refreshTokenLifetimeMs, s256 } from './grants';
import { sendOAuthError } from './oauth-error';
import { resolveScopes, ScopeError, scpClaim } from './scopes';
import type { ScopeGrant } from './scopes';
import { clientInfo, idTokenIssuer, signAccessToken, signIdToken } from './tokens';

class OAuthFailure extends Error {
  constructor(
    readonly error: string,
    description: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(description);
  }
}

const invalidGrant = (description: string) => new OAuthFailure('invalid_grant', description);

/** POST /{tenant}/oauth2/v2.0/token: authorization_code (with PKCE) and refresh_token grants. */
export async function handleToken(ctx: RequestContext, state: EmulatorState): Promise<void> {
  const form = await readFormBody(ctx);
  const grantType = form.get('grant_type') ?? '';
  ctx.notes.grantType = grantType;
  try {
    const required = (name: string) => {
      const value = form.get(name);
      if (value === null || value === '') {
        throw new OAuthFailure('invalid_request', `AADSTS900144: The request body must contain the following parameter: '${name}'.`);
      }
      return value;
    };
    const clientId = required('client_id');
    if (clientId !== CLIENT_ID) {
      throw new OAuthFailure('unauthorized_client', `AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${TENANT_DISPLAY_NAME}'.`);
    }
    if (grantType === 'authorization_code') {
      const { user, grant, nonce } = redeemCode(state, required('code'), required('redirect_uri'), required('code_verifier'));
      return await sendTokens(ctx, state, user, grant, nonce, grant.oidc.includes('offline_access'));
    }
    if (grantType === 'refresh_token') {
      const { user, grant } = redeemRefreshToken(state, required('refresh_token'), form.get('scope'));
      return await sendTokens(ctx, state, user, grant, undefined, true);
    }
    throw new OAuthFailure('unsupported_grant_type', `AADSTS70003: The app requested an unsupported grant type '${grantType}'.`);
  } catch (error) {
    if (error instanceof OAuthFailure) return sendOAuthError(ctx, 400, error.error, error.message, {}, error.extra);
    throw error;
  }
}

function grantFor(scope: string): ScopeGrant {
  try {
    return resolveScopes(scope);
  } catch (error) {
    if (error instanceof ScopeError) throw new OAuthFailure('invalid_scope', error.message);
    throw error;
  }
}

function userOf(state: EmulatorState, userId: string): User {
  const user = state.store.userById(userId);
  if (!user) throw invalidGrant('AADSTS50034: The user account does not exist in the directory.');
  return user;
}

function redeemCode(state: EmulatorState, value: string, redirectUri: string, verifier: string) {
  const { code, problem } = state.grants.redeemCode(value);
  if (problem === 'redeemed') {
    throw invalidGrant('AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.');
  }
  if (problem === 'expired') throw invalidGrant('AADSTS70008: The provided authorization code or refresh token has expired due to inactivity.');
  if (!code) throw invalidGrant('AADSTS9002313: Invalid request. Request is malformed or invalid: the authorization code is unknown.');
  if (code.redirectUri !== redirectUri) {
    throw invalidGrant("AADSTS70000: The provided value for the 'redirect_uri' is not valid. It must exactly match the redirect URI used to obtain the authorization code.");
  }
  if (s256(verifier) !== code.codeChallenge) {
    throw invalidGrant('AADSTS501481: The Code_Verifier does not match the code_challenge supplied in the authorization request.');
  }
  const user = userOf(state, code.userId);
  const grant = grantFor(code.scope);
  requireConsent(state, user, grant);
  return { user, grant, nonce: code.nonce };
}

/** The directory scopes need the user's consent (identity/consent.ts): MSAL then tries a silent, then an interactive authorize. */
function requireConsent(state: EmulatorState, user: User, grant: ScopeGrant): void {
  const missing = state.consents.missing(user.id, grant.graph);
  if (missing.length === 0) return;
  throw new OAuthFailure(
    'invalid_grant',
    `AADSTS65001: The user or administrator has not consented to use the application with ID '${CLIENT_ID}' named '${APP_DISPLAY_NAME}' for ${missing.join(', ')}. Send an interactive authorization request for this user and resource.`,
    { suberror: 'consent_required' },
  );
}

/** Like Entra's multi-resource refresh tokens: any Graph scope may be asked for, not only those of the sign-in. */
function redeemRefreshToken(state: EmulatorState, value: string, scope: string | null) {
  const { grant: refresh, problem } = state.grants.refreshGrant(value);
  if (problem === 'expired') {
    throw invalidGrant(`AADSTS700084: The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${refreshTokenLifetimeMs / 3600_000} hours, which cannot be extended.`);
  }
  if (!refresh) {
    throw invalidGrant('AADSTS70000: The provided refresh token is not valid: it was revoked, or already redeemed (refresh tokens rotate).');
  }
  if (refresh.clientId !== CLIENT_ID) throw invalidGrant('AADSTS700005: The refresh token was issued to a different client.');
  const grant = grantFor(scope ?? refresh.scope);
  const user = userOf(state, refresh.userId);
  requireConsent(state, user, grant);
  state.grants.consumeRefreshToken(value);
  return { user, grant };
}

async function sendTokens(
  ctx: RequestContext,
  state: EmulatorState,
  user: User,
  grant: ScopeGrant,
  nonce: string | undefined,
  withRefreshToken: boolean,
): Promise<void> {
  const now = state.options.now();
  const lifetime = tokenLifetime(state);
  ctx.notes.username = user.userPrincipalName;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: grant.echoed.join(' '),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: await signAccessToken(state.key, user, scpClaim(grant), lifetime, now),
  };
  if (withRefreshToken) {
    body.refresh_token = state.grants.issueRefreshToken({ clientId: CLIENT_ID, userId: user.id, scope: grant.echoed.join(' ') });
    body.refresh_token_expires_in = refreshTokenLifetimeMs / 1000;
  }
  body.id_token = await signIdToken(state.key, user, idTokenIssuer(ctx.origin), nonce, now);
  body.client_info = clientInfo(user);
  sendJson(ctx, 200, body, { Pragma: 'no-cache' });
}
