import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import type { JSONWebKeySet } from 'jose';
import { describe, expect, it } from 'vitest';
import { CLIENT_ID, TENANT_ID } from '../config';
import { demo } from '../test-support/demo';
import { authorizeUrl, graph, graphScope, pkce, redirectUri, responseParams, signIn, tokenRequest, useEmulator } from '../test-support/harness';
import type { TokenResponse } from '../test-support/harness';

let clock = Date.parse('2026-08-20T10:00:00Z');
const emulator = useEmulator({ now: () => new Date(clock) });
const catalogsPath = '/v1.0/identityGovernance/entitlementManagement/catalogs';

async function code(scope = `openid profile offline_access ${graphScope}`) {
  const { verifier, challenge } = pkce();
  const response = await fetch(
    authorizeUrl(emulator.current.url, { login_hint: demo.users.megan, scope, code_challenge: challenge, code_challenge_method: 'S256' }),
    { redirect: 'manual' },
  );
  return { code: responseParams(response).get('code') ?? '', verifier, scope };
}

async function redeem(c: { code: string; verifier: string; scope: string }, overrides: Record<string, string> = {}) {
  return tokenRequest(emulator.current.url, {
    grant_type: 'authorization_code',
    code: c.code,
    redirect_uri: redirectUri,
    code_verifier: c.verifier,
    scope: c.scope,
    ...overrides,
  });
}

async function refresh(refreshToken: string, scope?: string) {
  return tokenRequest(emulator.current.url, { grant_type: 'refresh_token', refresh_token: refreshToken, ...(scope === undefined ? {} : { scope }) });
}

async function expectOAuthError(response: Response, error: string, aadsts: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  const body = (await response.json()) as Record<string, unknown>;
  expect(body.error).toBe(error);
  expect(body.error_description).toContain(aadsts);
  expect(body.error_codes).toEqual([Number(aadsts.slice(6))]);
  expect(body).toHaveProperty('timestamp');
  expect(body).toHaveProperty('trace_id');
  expect(body).toHaveProperty('correlation_id');
}

describe('authorization code with PKCE', () => {
  it('returns the tokens MSAL needs, with CORS for the app origin', async () => {
    const response = await redeem(await code());
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const tokens = (await response.json()) as TokenResponse & Record<string, unknown>;
    expect(tokens.token_type).toBe('Bearer');
    expect(tokens.expires_in).toBe(3600);
    expect(tokens.ext_expires_in).toBe(3600);
    expect(tokens.scope.split(' ').sort()).toEqual([graphScope, 'offline_access', 'openid', 'profile'].sort());
    expect(tokens.refresh_token).toBeTruthy();
    expect(JSON.parse(Buffer.from(tokens.client_info, 'base64url').toString())).toEqual({
      uid: emulator.current.state.store.userByName(demo.users.megan)?.id,
      utid: TENANT_ID,
    });
  });

  it('signs an id_token with the nonce and the account claims', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    const claims = decodeJwt(tokens.id_token);
    expect(claims).toMatchObject({
      aud: CLIENT_ID,
      iss: `${emulator.current.url}/${TENANT_ID}/v2.0`,
      tid: TENANT_ID,
      nonce: 'nonce-456',
      preferred_username: demo.users.megan,
      name: 'Megan Bowen',
    });
    expect(claims.oid).toBeTruthy();
    expect(claims.sub).toBeTruthy();
    expect(claims.sub).not.toBe(claims.oid);
    expect(claims.exp).toBe((claims.iat ?? 0) + 3600);
    expect(claims.nbf).toBe(claims.iat);
  });

  it('signs a Graph access token that verifies against the published keys', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    const jwks = (await (await fetch(`${emulator.current.url}/${TENANT_ID}/discovery/v2.0/keys`)).json()) as JSONWebKeySet;
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, createLocalJWKSet(jwks), { currentDate: new Date(clock) });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: jwks.keys[0]?.kid });
    expect(payload).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${TENANT_ID}/`,
      tid: TENANT_ID,
      preferred_username: demo.users.megan,
      name: 'Megan Bowen',
      scp: 'EntitlementManagement.ReadWrite.All',
    });
    expect(typeof payload.oid).toBe('string');
  });

  it('accepts a code once only', async () => {
    const c = await code();
    expect((await redeem(c)).status).toBe(200);
    await expectOAuthError(await redeem(c), 'invalid_grant', 'AADSTS54005');
  });

  it('rejects a wrong code_verifier, and the code is used up', async () => {
    const c = await code();
    await expectOAuthError(await redeem(c, { code_verifier: pkce().verifier }), 'invalid_grant', 'AADSTS501481');
    await expectOAuthError(await redeem(c), 'invalid_grant', 'AADSTS54005');
  });

  it('rejects another redirect_uri, unknown codes and expired codes', async () => {
    await expectOAuthError(await redeem(await code(), { redirect_uri: 'http://localhost:4174/redirect.html' }), 'invalid_grant', 'AADSTS70000');
    await expectOAuthError(await redeem({ code: 'nope', verifier: 'x', scope: 'openid' }), 'invalid_grant', 'AADSTS9002313');
    const c = await code();
    clock += 11 * 60_000;
    await expectOAuthError(await redeem(c), 'invalid_grant', 'AADSTS70008');
  });

  it('rejects missing parameters, an unknown client and unknown grant types', async () => {
    await expectOAuthError(await redeem(await code(), { code_verifier: '' }), 'invalid_request', 'AADSTS900144');
    await expectOAuthError(await redeem(await code(), { client_id: 'someone-else' }), 'unauthorized_client', 'AADSTS700016');
    await expectOAuthError(await tokenRequest(emulator.current.url, { grant_type: 'client_credentials' }), 'unsupported_grant_type', 'AADSTS70003');
  });
});

describe('refresh tokens', () => {
  it('rotate: the new one works, the used one is rejected', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    const first = await refresh(tokens.refresh_token ?? '', graphScope);
    expect(first.status).toBe(200);
    const renewed = (await first.json()) as TokenResponse;
    expect(renewed.refresh_token).toBeTruthy();
    expect(renewed.refresh_token).not.toBe(tokens.refresh_token);
    await expectOAuthError(await refresh(tokens.refresh_token ?? '', graphScope), 'invalid_grant', 'AADSTS70000');
    expect((await refresh(renewed.refresh_token ?? '', graphScope)).status).toBe(200);
  });

  it('redeem a Graph scope after a sign-in with OIDC scopes only (multi-resource)', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan, 'openid profile offline_access');
    expect(tokens.scope).toBe('openid profile offline_access');
    expect(decodeJwt(tokens.access_token).scp).toBe('openid profile offline_access');
    const denied = await graph(emulator.current.url, catalogsPath, tokens.access_token);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('accessDenied');

    const response = await refresh(tokens.refresh_token ?? '', `${graphScope} openid profile offline_access`);
    const graphTokens = (await response.json()) as TokenResponse;
    expect(graphTokens.scope).toBe(`${graphScope} openid profile offline_access`);
    expect(decodeJwt(graphTokens.access_token).scp).toBe('EntitlementManagement.ReadWrite.All');
    expect((await graph(emulator.current.url, catalogsPath, graphTokens.access_token)).status).toBe(200);
  });

  it('grant the registered scope for .default and echo bare scope names as asked', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.alex);
    const viaDefault = (await (await refresh(tokens.refresh_token ?? '', 'https://graph.microsoft.com/.default offline_access')).json()) as TokenResponse;
    expect(viaDefault.scope).toBe(`${graphScope} offline_access`);
    expect(decodeJwt(viaDefault.access_token).scp).toBe('EntitlementManagement.ReadWrite.All');
    const bare = (await (await refresh(viaDefault.refresh_token ?? '', 'EntitlementManagement.Read.All')).json()) as TokenResponse;
    expect(bare.scope).toBe('EntitlementManagement.Read.All');
    expect(decodeJwt(bare.access_token).scp).toBe('EntitlementManagement.Read.All');
  });

  it('refuse unknown scopes without using up the refresh token', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.alex);
    await expectOAuthError(await refresh(tokens.refresh_token ?? '', 'https://graph.microsoft.com/Mail.Send'), 'invalid_scope', 'AADSTS70011');
    expect((await refresh(tokens.refresh_token ?? '')).status).toBe(200);
  });

  it('are revoked by /_emulator/revoke', async () => {
    const { tokens, cookie } = await signIn(emulator.current.url, demo.users.diego);
    const revoke = await fetch(`${emulator.current.url}/_emulator/revoke`, {
      method: 'POST',
      body: JSON.stringify({ username: demo.users.diego, what: 'refresh-tokens' }),
    });
    expect(revoke.status).toBe(200);
    expect(((await revoke.json()) as { revokedRefreshTokens: number }).revokedRefreshTokens).toBeGreaterThanOrEqual(1);
    await expectOAuthError(await refresh(tokens.refresh_token ?? ''), 'invalid_grant', 'AADSTS70000');
    // The browser session survives a refresh-token revocation: the silent iframe still works.
    const silent = await fetch(authorizeUrl(emulator.current.url, { prompt: 'none', ...pkceChallenge() }), {
      redirect: 'manual',
      headers: { Cookie: cookie ?? '' },
    });
    expect(responseParams(silent).get('code')).toBeTruthy();
    await fetch(`${emulator.current.url}/_emulator/revoke`, { method: 'POST', body: JSON.stringify({ username: demo.users.diego }) });
    const afterRevokingAll = await fetch(authorizeUrl(emulator.current.url, { prompt: 'none', ...pkceChallenge() }), {
      redirect: 'manual',
      headers: { Cookie: cookie ?? '' },
    });
    expect(responseParams(afterRevokingAll).get('error')).toBe('login_required');
  });

  it('expire after 24 hours, as Entra SPA refresh tokens do', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    clock += 24 * 3600_000;
    await expectOAuthError(await refresh(tokens.refresh_token ?? ''), 'invalid_grant', 'AADSTS700084');
  });
});

function pkceChallenge() {
  return { code_challenge: pkce().challenge, code_challenge_method: 'S256' };
}

describe('token lifetime', () => {
  it('follows /_emulator/token-lifetime, and Graph rejects the token once expired', async () => {
    const set = await fetch(`${emulator.current.url}/_emulator/token-lifetime`, { method: 'POST', body: JSON.stringify({ seconds: 30 }) });
    expect(set.status).toBe(200);
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    expect(tokens.expires_in).toBe(30);
    expect(decodeProtectedHeader(tokens.access_token).kid).toBeTruthy();
    expect((await graph(emulator.current.url, catalogsPath, tokens.access_token)).status).toBe(200);
    clock += 31_000;
    const expired = await graph(emulator.current.url, catalogsPath, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('InvalidAuthenticationToken');
    expect(expired.body.error.message).toContain('expired');
    await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
    expect((await signIn(emulator.current.url, demo.users.megan)).tokens.expires_in).toBe(3600);
  });
});
