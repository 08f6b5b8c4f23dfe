import { request, type Page } from '@playwright/test';
import { advanceClocks, demoUsers, expect, signIn, test } from './fixtures';
import { emulatorUrl } from './ports';

/** Short enough to be obviously passed by a clock move; MSAL renews 5 s before the end (demo/demo-config.ts). */
const tokenLifetime = 600;

/** The bearer tokens the page sends to Graph, in order. */
function recordBearers(page: Page): string[] {
  const bearers: string[] = [];
  page.on('request', (sent) => {
    const authorization = sent.headers()['authorization'];
    if (authorization?.startsWith('Bearer ') && sent.url().includes('/v1.0/')) bearers.push(authorization.slice('Bearer '.length));
  });
  return bearers;
}

/** What Graph answers a catalogs read with `token`, at the emulator's time. */
async function graphStatusWith(token: string | undefined): Promise<number> {
  const api = await request.newContext({ baseURL: emulatorUrl });
  try {
    const response = await api.get('/v1.0/identityGovernance/entitlementManagement/catalogs', { headers: { Authorization: `Bearer ${token}` } });
    return response.status();
  } finally {
    await api.dispose();
  }
}

test.describe('sign-in through the real MSAL against the emulator', () => {
  test('a catalog owner signs in with the user picker, sees the account menu and signs out', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Catalog Upload Console' })).toBeVisible();
    await signIn(page, demoUsers.owner);
    await expect(page.getByRole('table', { name: 'Catalogs' }).getByRole('link', { name: 'Building Access' })).toBeVisible();

    await page.getByRole('button', { name: 'Account: Megan Bowen' }).click();
    await expect(page.getByRole('menu')).toContainText(demoUsers.owner.username);
    await page.getByRole('menuitem', { name: 'Sign out' }).click();

    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(new URL(page.url()).pathname).toBe('/');
    await expect(page.getByRole('button', { name: /^Account:/ })).toHaveCount(0);
  });

  test('a deep link survives sign-in', async ({ page, browser }) => {
    await page.goto('/');
    await signIn(page);
    await page.getByRole('link', { name: 'Building Access' }).click();
    await page.getByRole('link', { name: 'Badge Access Data' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeVisible();
    const deepLink = page.url();

    const fresh = await browser.newContext();
    const other = await fresh.newPage();
    await other.goto(deepLink);
    await signIn(other);
    await expect(other.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeVisible();
    expect(other.url()).toBe(deepLink);
    await fresh.close();
  });

  test('an expired access token is renewed with the refresh token, with no user action', async ({ page, emulator }) => {
    const bearers = recordBearers(page);
    await emulator.setTokenLifetime(tokenLifetime);
    await page.clock.install();
    await page.goto('/');
    await signIn(page);
    await expect(page.getByRole('link', { name: 'Building Access' })).toBeVisible();
    const firstToken = bearers.at(-1);
    expect(firstToken, 'the catalogs were read with a bearer token').toBeDefined();

    await test.step('the token outlives its lifetime, for the browser and for the emulator', async () => {
      await emulator.clearRequests();
      await advanceClocks(page, emulator, tokenLifetime + 1);
    });

    await test.step('the next page reads Graph with a renewed token', async () => {
      await page.getByRole('link', { name: 'Building Access' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Building Access' })).toBeVisible();
      const requests = await emulator.requests();
      expect(requests.filter((r) => r.grantType === 'refresh_token' && r.status === 200).length).toBeGreaterThan(0);
      expect(requests.filter((r) => r.path.includes('/authorize'))).toHaveLength(0);
      expect(requests.filter((r) => r.path.startsWith('/v1.0/') && r.status === 401)).toHaveLength(0);
      expect(bearers.at(-1)).not.toBe(firstToken);
    });

    await test.step('the first token is really expired: the emulator refuses it now', async () => {
      expect(await graphStatusWith(firstToken)).toBe(401);
    });
  });

  test('a revoked refresh token is recovered silently through the hidden iframe', async ({ page, emulator, expectConsole, allowFailedRequests }) => {
    // Chromium's warning about the sandbox MSAL itself gives its hidden iframe (allow-scripts allow-same-origin).
    expectConsole(/^warning: An iframe which has both allow-scripts and allow-same-origin/);
    // The revoked refresh token: the token endpoint's invalid_grant, which sends MSAL to the iframe.
    allowFailedRequests(/^400 POST \S+\/oauth2\/v2\.0\/token(\?\S*)?$/);
    const bearers = recordBearers(page);
    await emulator.setTokenLifetime(tokenLifetime);
    await page.clock.install();
    await page.goto('/');
    await signIn(page);
    await expect(page.getByRole('link', { name: 'Building Access' })).toBeVisible();
    const firstToken = bearers.at(-1);

    await test.step('the refresh token is revoked and the access token outlives its lifetime', async () => {
      await emulator.revoke(demoUsers.owner.username, 'refresh-tokens');
      await emulator.clearRequests();
      await advanceClocks(page, emulator, tokenLifetime + 1);
    });

    await test.step('the refresh fails, and a prompt=none authorize in the hidden iframe gets new tokens', async () => {
      await page.getByRole('link', { name: 'Building Access' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Building Access' })).toBeVisible();
      const requests = await emulator.requests();
      expect(requests.some((r) => r.grantType === 'refresh_token' && r.status === 400)).toBe(true);
      expect(requests.some((r) => r.path.endsWith('/authorize') && r.query.includes('prompt=none'))).toBe(true);
      expect(requests.some((r) => r.grantType === 'authorization_code' && r.status === 200)).toBe(true);
      expect(requests.filter((r) => r.path.startsWith('/v1.0/') && r.status === 401)).toHaveLength(0);
      expect(bearers.at(-1)).not.toBe(firstToken);
      await expect(page.getByRole('button', { name: 'Sign in' })).toHaveCount(0);
    });

    await test.step('the first token is really expired: the emulator refuses it now', async () => {
      expect(await graphStatusWith(firstToken)).toBe(401);
    });
  });

  test('tokens stay out of localStorage and the address bar', async ({ page }) => {
    await page.goto('/');
    await signIn(page);
    await expect(page.getByRole('link', { name: 'Building Access' })).toBeVisible();
    const stored = await page.evaluate(() => ({
      local: JSON.stringify({ ...window.localStorage }),
      session: Object.keys(window.sessionStorage).join(' '),
    }));
    expect(stored.local).not.toMatch(/accesstoken|refreshtoken|idtoken|eyJ/i);
    expect(stored.session).toMatch(/accesstoken/i);
    expect(page.url()).not.toMatch(/code=|token/);
  });

  test('an unknown address shows the not-found page', async ({ page }) => {
    await page.goto('/no/such/page');
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'catalogs' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Catalogs' })).toBeVisible();
  });
});

test.describe('configuration', () => {
  test('a broken config.json shows what is wrong and how to fix it', async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ clientId: 'abc', authority: 'http://x' }) }),
    );
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'The console is not configured' })).toBeVisible();
    const problems = page.getByRole('list', { name: 'Configuration problems' });
    await expect(problems).toContainText('clientId: must be the application (client) ID');
    await expect(problems).toContainText('authority: must be an https:// address');
  });

  test('a missing config.json says so', async ({ page, allowFailedRequests }) => {
    allowFailedRequests(/^404 GET \S+\/config\.json$/);
    await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('/');
    await expect(page.getByRole('list', { name: 'Configuration problems' })).toContainText('the server answered 404');
  });
});
