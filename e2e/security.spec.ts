import type { Page } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** Building Access › Badge Access Data › the active session with four files. */
const { buildingAccess } = demo.catalogs;
const catalogUrl = appUrl.catalog(buildingAccess);
const resourcePath = `/v1.0/identityGovernance/entitlementManagement/catalogs/${buildingAccess}/resources/${demo.resources.badge}`;
const resourceUrl = appUrl.resource(buildingAccess, demo.resources.badge);
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(buildingAccess, demo.resources.badge, sessionId);

/** What people paste into filter boxes to break out of a string literal. */
const injections = ["'", "') or true", '%27', "' or size gt 0 or name eq '"];

/** Every OData string literal in an expression, unescaped (`''` is one quote inside a literal). */
function stringLiterals(expression: string): string[] {
  return [...expression.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
}

/** The decoded query of the last Graph request to a path ending with `pathEnd` that carried a filter. */
async function lastFilteredQuery(emulator: EmulatorControl, pathEnd: string) {
  const sent = (await emulator.requests()).filter((r) => r.path.endsWith(pathEnd) && r.query.includes('filter')).at(-1);
  expect(sent, `a filtered request to …${pathEnd}`).toBeDefined();
  expect(sent?.status, 'Graph parsed the filter').toBe(200);
  return decodeURIComponent(sent?.query ?? '');
}

test.describe('OData injection through the filter boxes', () => {
  test('the files name filter sends each attempt as one quoted literal, and matches no file', async ({ page, emulator }) => {
    await page.goto(sessionUrl);
    await signIn(page);
    await expect(page.getByText('4 files in the session')).toBeVisible();

    for (const attempt of injections) {
      await emulator.clearRequests();
      await page.getByRole('textbox', { name: 'File name' }).fill(attempt);
      await page.getByRole('button', { name: 'Apply filters' }).click();
      await expect(page.getByRole('heading', { name: 'No files match these filters' })).toBeVisible();
      await expect(page.getByText('0 files match the filters (of 4 in the session)')).toBeVisible();
      await expect(page.getByRole('table', { name: 'Files' })).toHaveCount(0);

      const query = await lastFilteredQuery(emulator, `/uploadSessions/${sessionId}`);
      const quoted = `'${attempt.replaceAll("'", "''")}'`;
      expect(query).toBe(`$expand=files($filter=name eq ${quoted};$orderby=uploadedDateTime desc)`);
      const filter = /\$filter=(.*);\$orderby=/.exec(query)?.[1] ?? '';
      expect(stringLiterals(filter), 'one literal holding exactly what was typed').toEqual([attempt]);
      expect(filter.replace(quoted, '<literal>')).toBe('name eq <literal>');
    }

    // The same box still finds a real name with a quote in it.
    await page.getByRole('textbox', { name: 'File name' }).fill("O'Brien badge export.csv");
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByRole('table', { name: 'Files' }).locator('tbody tr')).toHaveText([/^O'Brien badge export\.csv/]);
  });

  test('the catalogs search filters in the browser: nothing reaches Graph, and no catalog matches', async ({ page, emulator }) => {
    await page.goto('/');
    await signIn(page);
    const table = page.getByRole('table', { name: 'Catalogs' });
    await expect(table.getByRole('link', { name: 'Building Access' })).toBeVisible();
    await emulator.clearRequests();

    const search = page.getByRole('searchbox', { name: 'Search catalogs by name' });
    for (const attempt of injections) {
      await search.fill(attempt);
      await expect(page.getByRole('heading', { name: 'No catalog matches' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^0 of \d+ catalogs$/ })).toBeVisible();
      await expect(table).toHaveCount(0);
      expect(new URL(page.url()).searchParams.get('q')).toBe(attempt);
    }
    await search.fill('build');
    await expect(table.getByRole('link')).toHaveText(['Building Access']);

    const graph = (await emulator.requests()).filter((r) => r.path.startsWith('/v1.0/') || r.path.startsWith('/beta/'));
    // A catalog link under the pointer may be preloaded (its fixed custom-resources filter); the search never is sent.
    const queries = graph.map((r) => decodeURIComponent(r.query).replace("$filter=originSystem eq 'CustomDataProvidedResource'", ''));
    for (const query of queries) expect(query).not.toMatch(/filter|search/i);
  });

  test('a review instance id hand-edited into the address reaches Graph as one literal', async ({ page, emulator }) => {
    const attempt = "' or status eq 'active";
    await page.goto(`${resourceUrl}?review=${encodeURIComponent(attempt)}`);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'No upload sessions match these filters' })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Upload sessions' })).toHaveCount(0);

    const query = await lastFilteredQuery(emulator, `${resourcePath}/uploadSessions`);
    const filter = /\$filter=(.*?)&/.exec(query)?.[1] ?? '';
    expect(filter).toBe(`referenceId eq '${attempt.replaceAll("'", "''")}'`);
    expect(stringLiterals(filter)).toEqual([attempt]);
  });

  test('review IDs pasted in the new session dialog are checked before any filter is sent', async ({ page, emulator }) => {
    await page.goto(resourceUrl);
    await signIn(page);
    await page.getByRole('button', { name: 'New upload session' }).click();
    const dialog = page.getByRole('dialog', { name: 'New upload session' });
    await dialog.getByRole('tab', { name: 'Enter IDs' }).click();
    await emulator.clearRequests();
    for (const attempt of injections) {
      await dialog.getByLabel('Access review ID').fill(attempt);
      await dialog.getByLabel('Review instance ID').fill(attempt);
      await dialog.getByRole('button', { name: 'Create session' }).click();
      await expect(dialog.getByText('Enter an object ID like')).toHaveCount(2);
    }
    const sent = (await emulator.requests()).filter((r) => r.path.endsWith('/uploadSessions'));
    expect(sent, 'no lookup and no create for text that is not an object ID').toEqual([]);
  });
});

/** Where a token must never show: localStorage, the address bar (any frame, any navigation), the console. */
function watchForLeaks(page: Page) {
  const sent = new Set<string>();
  const places: string[] = [];
  page.on('request', (request) => {
    const authorization = request.headers()['authorization'];
    if (authorization?.startsWith('Bearer ')) sent.add(authorization.slice('Bearer '.length));
  });
  page.on('response', async (response) => {
    if (!response.url().includes('/oauth2/v2.0/token') || !response.ok()) return;
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    for (const key of ['access_token', 'refresh_token', 'id_token']) if (typeof body[key] === 'string') sent.add(body[key]);
  });
  page.on('framenavigated', (frame) => places.push(`address: ${frame.url()}`));
  page.on('console', (message) => places.push(`console: ${message.text()}`));
  const sampleLocalStorage = async () =>
    places.push(`localStorage: ${await page.evaluate(() => JSON.stringify({ ...window.localStorage }))}`);
  return { sent, places, sampleLocalStorage };
}

test.describe('tokens stay in sessionStorage', () => {
  test('no token in localStorage, the address bar or the console during a whole visit', async ({ page }) => {
    const { sent, places, sampleLocalStorage } = watchForLeaks(page);

    await page.goto(catalogUrl);
    await signIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Building Access' })).toBeVisible();
    await sampleLocalStorage();
    await page.getByRole('link', { name: 'Badge Access Data' }).click();
    await expect(page.getByRole('table', { name: 'Upload sessions' })).toBeVisible();
    await sampleLocalStorage();
    await page.goto(sessionUrl);
    await expect(page.getByText('4 files in the session')).toBeVisible();
    await page.getByRole('button', { name: 'Size', exact: true }).click();
    await expect(page.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending');
    await page.getByRole('textbox', { name: 'File name' }).fill("O'Brien badge export.csv");
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect(page.getByText('1 file matches the filters')).toBeVisible();
    await sampleLocalStorage();

    // The check can fail: the tokens the browser really sent are where MSAL keeps them, in sessionStorage.
    const bearer = [...sent].filter((token) => token.split('.').length === 3);
    expect(bearer.length, 'Graph calls carried a bearer token').toBeGreaterThan(0);
    const sessionStorage = await page.evaluate(() => JSON.stringify({ ...window.sessionStorage }));
    for (const token of bearer) expect(sessionStorage).toContain(token);

    await page.getByRole('button', { name: 'Account: Megan Bowen' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
    await sampleLocalStorage();

    expect(sent.size, 'access, id and refresh tokens were seen').toBeGreaterThanOrEqual(3);
    expect(places.some((place) => place.startsWith('address: '))).toBe(true);
    for (const token of sent) {
      // The whole token, or its signature (the part no two tokens share), anywhere.
      const tail = token.split('.').at(-1)!;
      for (const place of places) {
        expect(place.includes(token) || (tail.length >= 20 && place.includes(tail)), `a token in ${place.slice(0, 120)}`).toBe(false);
      }
    }
    for (const place of places) expect(place, 'nothing shaped like a JWT').not.toMatch(/eyJ[\w-]{10,}\.eyJ[\w-]{10,}\./);
  });
});
