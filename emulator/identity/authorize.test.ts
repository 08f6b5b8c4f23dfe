import { describe, expect, it } from 'vitest';
import { TENANT_ID } from '../config';
import { authorizeUrl, pkce, responseParams, signIn, tokenRequest, useEmulator } from '../test-support/harness';
import { demo } from '../test-support/demo';

const emulator = useEmulator();

function pkceParams() {
  const { challenge } = pkce();
  return { code_challenge: challenge, code_challenge_method: 'S256' };
}

async function authorize(params: Record<string, string>, cookie?: string) {
  return fetch(authorizeUrl(emulator.current.url, { ...pkceParams(), ...params }), {
    redirect: 'manual',
    headers: cookie === undefined ? {} : { Cookie: cookie },
  });
}

describe('sign-in page', () => {
  it('shows an accessible page with one button per demo user when nobody is signed in', async () => {
    const response = await authorize({});
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(html).toMatch(/<button type="submit" name="username" value="megan.bowen@contoso.example" aria-describedby="account-0">Megan Bowen<\/button>/);
    // An inline empty icon, so browsers do not ask for /favicon.ico (a 404 in every sign-in's console).
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(html).toContain('<span class="username" id="account-0">megan.bowen@contoso.example</span>');
    expect(html).toContain('>Alex Wilber</button>');
    expect(html).toContain('>Diego Siciliani</button>');
    // Self-contained: no script, nothing fetched from elsewhere (the only link is the inline empty icon).
    expect(html.replace('<link rel="icon" href="data:,">', '')).not.toMatch(/<script|<link|https?:\/\/(?!localhost)[a-z]/i);
  });

  it('signs the picked user in when the page posts back, setting the session cookie', async () => {
    const page = await (await authorize({ state: 'from-page' })).text();
    const form = new URLSearchParams();
    for (const [, name, value] of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
      form.set(name ?? '', (value ?? '').replaceAll('&amp;', '&'));
    }
    form.set('username', demo.users.alex);
    const response = await fetch(`${emulator.current.url}/${TENANT_ID}/oauth2/v2.0/authorize`, {
      method: 'POST',
      body: form,
      redirect: 'manual',
    });
    expect(response.status).toBe(302);
    expect(responseParams(response).get('state')).toBe('from-page');
    expect(responseParams(response).get('code')).toBeTruthy();
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^emulator_session=[\w-]+; Path=\/; HttpOnly; SameSite=Lax$/);
  });

  it('signs in without the page with login_hint, and answers in the fragment by default of MSAL', async () => {
    const response = await authorize({ login_hint: demo.users.megan });
    expect(response.status).toBe(302);
    const location = response.headers.get('location') ?? '';
    expect(location.startsWith('http://localhost:5173/redirect.html#code=')).toBe(true);
    expect(responseParams(response).get('state')).toBe('state-123');
  });

  it('answers in the query with response_mode=query', async () => {
    const response = await authorize({ login_hint: demo.users.megan, response_mode: 'query' });
    expect(response.headers.get('location')).toMatch(/^http:\/\/localhost:5173\/redirect\.html\?code=/);
  });

  it('shows the page again with prompt=login even with a session', async () => {
    const { cookie } = await signIn(emulator.current.url, demo.users.megan);
    const response = await authorize({ prompt: 'login' }, cookie);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('>Megan Bowen</button>');
  });

  it('offers the page with a notice for an unknown login_hint', async () => {
    const response = await authorize({ login_hint: 'nobody@contoso.example' });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('There is no demo account &#39;nobody@contoso.example&#39;');
  });
});

describe('prompt=none', () => {
  it('returns a code silently with the session cookie', async () => {
    const { cookie } = await signIn(emulator.current.url, demo.users.megan);
    expect(cookie).toBeDefined();
    const response = await authorize({ prompt: 'none', login_hint: demo.users.megan }, cookie);
    expect(response.status).toBe(302);
    expect(responseParams(response).get('code')).toBeTruthy();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('answers error=login_required without a session, with state', async () => {
    const response = await authorize({ prompt: 'none' });
    const params = responseParams(response);
    expect(response.status).toBe(302);
    expect(params.get('error')).toBe('login_required');
    expect(params.get('error_description')).toContain('AADSTS50058');
    expect(params.get('state')).toBe('state-123');
  });

  it('answers login_required when the session belongs to someone else than login_hint', async () => {
    const { cookie } = await signIn(emulator.current.url, demo.users.megan);
    const response = await authorize({ prompt: 'none', login_hint: demo.users.alex }, cookie);
    expect(responseParams(response).get('error')).toBe('login_required');
  });

  it('reuses the session without prompt (single sign-on)', async () => {
    const { cookie } = await signIn(emulator.current.url, demo.users.alex);
    const response = await authorize({}, cookie);
    expect(response.status).toBe(302);
    expect(responseParams(response).get('code')).toBeTruthy();
  });
});

describe('request validation', () => {
  it('shows an error page, never a redirect, for an unknown client_id or redirect_uri', async () => {
    const cases: Record<string, string>[] = [
      { client_id: '11111111-1111-1111-1111-111111111111' },
      { redirect_uri: 'https://evil.example/redirect.html' },
      { redirect_uri: 'http://localhost:5173/other.html' },
      { redirect_uri: 'http://localhost:5173/redirect.html?x=1' },
    ];
    for (const params of cases) {
      const response = await authorize(params);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toMatch(/AADSTS(700016|50011)/);
    }
  });

  it('ignores the port of localhost and 127.0.0.1 redirect URIs, like Entra', async () => {
    for (const redirect_uri of ['http://localhost:4174/redirect.html', 'http://127.0.0.1:5173/redirect.html', 'http://localhost/redirect.html']) {
      const response = await authorize({ login_hint: demo.users.megan, redirect_uri });
      expect(response.status).toBe(302);
      expect(response.headers.get('location')?.startsWith(`${redirect_uri}#code=`)).toBe(true);
    }
  });

  it.each([
    [{ response_type: 'token' }, 'unsupported_response_type'],
    [{ code_challenge: '' }, 'invalid_request'],
    [{ code_challenge_method: 'plain' }, 'invalid_request'],
    [{ scope: 'openid api://other/read' }, 'invalid_scope'],
    [{ prompt: 'sometimes' }, 'invalid_request'],
    [{ response_mode: 'form_post' }, 'invalid_request'],
  ])('sends %o back to the redirect URI as %s', async (params, error) => {
    const response = await authorize({ login_hint: demo.users.megan, ...params });
    expect(response.status).toBe(302);
    const answer = responseParams(response);
    expect(answer.get('error')).toBe(error);
    expect(answer.get('error_description')).toMatch(/^AADSTS\d+/);
    expect(answer.get('state')).toBe('state-123');
  });

  it('answers an unknown tenant with an error page', async () => {
    const response = await fetch(`${emulator.current.url}/common/oauth2/v2.0/authorize`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('AADSTS90002');
  });

  it('logs the sign-in with the user and the grant type', async () => {
    emulator.current.state.requests.clear();
    const { tokens } = await signIn(emulator.current.url, demo.users.diego);
    expect(tokens.access_token).toBeTruthy();
    const log = emulator.current.state.requests.list();
    expect(log.map((r) => [r.method, r.status, r.username])).toEqual([
      ['GET', 302, demo.users.diego],
      ['POST', 200, demo.users.diego],
    ]);
    expect(log[1]?.grantType).toBe('authorization_code');
    await tokenRequest(emulator.current.url, { grant_type: 'password' });
    expect(emulator.current.state.requests.list().at(-1)?.status).toBe(400);
  });
});
