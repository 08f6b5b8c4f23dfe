import { beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { authorizeUrl, graph, graphScope, pkce, redirectUri, responseParams, signIn, tokenRequest, useEmulator } from '../test-support/harness';

/** Incremental consent to the directory scopes (docs/graph-contract.md §9.1): the console asks only when a look-up starts. */
const emulator = useEmulator();
const users = 'https://graph.microsoft.com/User.Read.All';
const groups = 'https://graph.microsoft.com/GroupMember.Read.All';
const base = () => emulator.current.url;
const control = async (path: string, body?: unknown) =>
  fetch(`${base()}/_emulator/${path}`, body === undefined ? { method: 'POST' } : { method: 'POST', body: JSON.stringify(body) });

async function authorize(params: Record<string, string>, cookie?: string) {
  const { challenge } = pkce();
  const response = await fetch(authorizeUrl(base(), { code_challenge: challenge, code_challenge_method: 'S256', ...params }), {
    redirect: 'manual',
    headers: cookie === undefined ? {} : { Cookie: cookie },
  });
  return responseParams(response);
}

const refresh = (refreshToken: string, scope: string) => tokenRequest(base(), { grant_type: 'refresh_token', refresh_token: refreshToken, scope, redirect_uri: redirectUri });

beforeEach(async () => {
  await control('reset');
});

describe('consent to the directory scopes', () => {
  it('is not given by a refresh token: invalid_grant with suberror consent_required, and the token is kept', async () => {
    const { tokens } = await signIn(base(), demo.users.megan);
    const refused = await refresh(tokens.refresh_token as string, `${users} offline_access`);
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: string; suberror: string; error_codes: number[] };
    expect(body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
    expect((await refresh(tokens.refresh_token as string, graphScope)).status).toBe(200);
  });

  it('cannot be asked silently (prompt=none: consent_required), and is given by an interactive authorize', async () => {
    const { cookie, tokens } = await signIn(base(), demo.users.megan);
    const silent = await authorize({ prompt: 'none', scope: `openid ${users}` }, cookie);
    expect(silent.get('error')).toBe('consent_required');
    expect(silent.get('error_description')).toMatch(/^AADSTS65001/);
    // The interactive sign-in asking for the scope: the emulated user accepts.
    const { tokens: withUsers } = await signIn(base(), demo.users.megan, `openid offline_access ${users} ${groups}`);
    expect(withUsers.scope).toBe(`openid offline_access ${users} ${groups}`);
    expect((await graph(base(), '/v1.0/users?$top=1', withUsers.access_token)).status).toBe(200);
    expect((await graph(base(), '/v1.0/groups?$top=1', withUsers.access_token)).status).toBe(200);
    // From then on silent requests and refresh tokens get it too.
    expect((await authorize({ prompt: 'none', scope: `openid ${users}` }, cookie)).get('code')).not.toBeNull();
    expect((await refresh(tokens.refresh_token as string, users)).status).toBe(200);
    const state = (await (await fetch(`${base()}/_emulator/consent`)).json()) as { username: string; granted: string[] }[];
    expect(state.find((s) => s.username === demo.users.megan)?.granted.sort()).toEqual(['GroupMember.Read.All', 'User.Read.All']);
  });

  it('is refused by a user a test made refuse: access_denied AADSTS65004, while the rest of the sign-in works', async () => {
    const set = await control('consent', { username: demo.users.alex, refuse: true });
    expect(await set.json()).toEqual({ username: demo.users.alex, granted: [], refuses: true });
    const refused = await authorize({ login_hint: demo.users.alex, scope: `openid ${users}` });
    expect(refused.get('error')).toBe('access_denied');
    expect(refused.get('error_description')).toMatch(/^AADSTS65004/);
    expect(refused.get('state')).toBe('state-123');
    const { tokens } = await signIn(base(), demo.users.alex);
    expect((await graph(base(), '/v1.0/users', tokens.access_token)).status).toBe(403);
    // prompt=consent asks again even after consent: a refusing user refuses then too.
    await control('consent', { username: demo.users.alex, granted: ['User.Read.All'] });
    expect((await authorize({ login_hint: demo.users.alex, scope: `openid ${users}`, prompt: 'consent' })).get('error')).toBe('access_denied');
    expect((await refresh(tokens.refresh_token as string, users)).status).toBe(200);
  });

  it('is set by the control (granted replaces, refuse false accepts again) and cleared by a reset', async () => {
    await control('consent', { username: demo.users.diego, refuse: true, granted: ['User.Read.All'] });
    await control('consent', { username: demo.users.diego, refuse: false });
    const { tokens } = await signIn(base(), demo.users.diego, `openid offline_access ${users}`);
    expect(tokens.scope).toContain('User.Read.All');
    await control('reset');
    expect((await refresh(tokens.refresh_token as string, users)).status).toBe(400);
    expect((await control('consent', { username: demo.users.diego, granted: ['Mail.Read'] })).status).toBe(400);
    expect((await control('consent', { username: 'nobody@contoso.example' })).status).toBe(404);
  });
});
