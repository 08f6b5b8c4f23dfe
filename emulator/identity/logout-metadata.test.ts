import { describe, expect, it } from 'vitest';
import { TENANT_ID } from '../config';
import { demo } from '../test-support/demo';
import { authorizeUrl, pkce, responseParams, signIn, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const root = () => `${emulator.current.url}/${TENANT_ID}`;

describe('logout', () => {
  it('ends the session, clears the cookie and goes back with state', async () => {
    const { cookie } = await signIn(emulator.current.url, demo.users.megan);
    const target = 'http://localhost:5173/redirect.html';
    const response = await fetch(
      `${root()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent(target)}&state=bye%20now&logout_hint=${encodeURIComponent(demo.users.megan)}&id_token_hint=not.a.token`,
      { redirect: 'manual', headers: { Cookie: cookie ?? '' } },
    );
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${target}?state=bye%20now`);
    expect(response.headers.get('set-cookie')).toContain('emulator_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0');
    const silent = await fetch(authorizeUrl(emulator.current.url, { prompt: 'none', code_challenge: pkce().challenge, code_challenge_method: 'S256' }), {
      redirect: 'manual',
      headers: { Cookie: cookie ?? '' },
    });
    expect(responseParams(silent).get('error')).toBe('login_required');
  });

  it('matches post_logout_redirect_uri like redirect URIs (port ignored on loopback)', async () => {
    const ok = await fetch(`${root()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('http://127.0.0.1:4174/redirect.html')}`, { redirect: 'manual' });
    expect(ok.status).toBe(302);
    expect(ok.headers.get('location')).toBe('http://127.0.0.1:4174/redirect.html');
    const bad = await fetch(`${root()}/oauth2/v2.0/logout?post_logout_redirect_uri=${encodeURIComponent('https://evil.example/')}`, { redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('location')).toBeNull();
    expect(await bad.text()).toContain('AADSTS50011');
  });

  it('shows a signed-out page without post_logout_redirect_uri', async () => {
    const response = await fetch(`${root()}/oauth2/v2.0/logout`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('You signed out of your account');
  });
});

describe('metadata', () => {
  it('serves an Entra-shaped openid-configuration with the emulator endpoints', async () => {
    const response = await fetch(`${root()}/v2.0/.well-known/openid-configuration`);
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    const config = (await response.json()) as Record<string, unknown>;
    expect(config).toMatchObject({
      issuer: `${root()}/v2.0`,
      authorization_endpoint: `${root()}/oauth2/v2.0/authorize`,
      token_endpoint: `${root()}/oauth2/v2.0/token`,
      end_session_endpoint: `${root()}/oauth2/v2.0/logout`,
      jwks_uri: `${root()}/discovery/v2.0/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      response_modes_supported: ['query', 'fragment'],
    });
  });

  it('publishes the signing key as a JWKS', async () => {
    const keys = (await (await fetch(`${root()}/discovery/v2.0/keys`)).json()) as { keys: Record<string, string>[] };
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', e: 'AQAB', kid: emulator.current.state.key.kid });
    expect(keys.keys[0]?.n?.length).toBeGreaterThan(300);
  });

  it('accepts only POST on the token endpoint and GET on metadata', async () => {
    expect((await fetch(`${root()}/oauth2/v2.0/token`)).status).toBe(405);
    const post = await fetch(`${root()}/discovery/v2.0/keys`, { method: 'POST' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET');
  });

  it('carries request-id and echoes client-request-id on identity answers', async () => {
    const response = await fetch(`${root()}/discovery/v2.0/keys`, { headers: { 'client-request-id': 'abc-123' } });
    expect(response.headers.get('client-request-id')).toBe('abc-123');
    expect(response.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});
