import { TENANT_ID } from '../config';
import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { sendJson } from '../http/context';
import { idTokenIssuer } from './tokens';

/** The v2.0 discovery document, shaped like Entra's, listing only what the emulator does. */
export function handleOpenIdConfiguration(ctx: RequestContext): void {
  const root = `${ctx.origin}/${TENANT_ID}`;
  sendJson(ctx, 200, {
    token_endpoint: `${root}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['none'],
    jwks_uri: `${root}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: idTokenIssuer(ctx.origin),
    request_uri_parameter_supported: false,
    authorization_endpoint: `${root}/oauth2/v2.0/authorize`,
    http_logout_supported: true,
    frontchannel_logout_supported: false,
    end_session_endpoint: `${root}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'nonce', 'name', 'preferred_username', 'oid', 'tid', 'ver'],
    code_challenge_methods_supported: ['S256'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'microsoftonline.com',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
  });
}

/** JWKS: the one signing key of this run, for access tokens and id tokens alike. */
export function handleKeys(ctx: RequestContext, state: EmulatorState): void {
  const { kty, n, e } = state.key.publicJwk;
  sendJson(ctx, 200, { keys: [{ kty, use: 'sig', kid: state.key.kid, n, e, issuer: idTokenIssuer(ctx.origin) }] });
}
