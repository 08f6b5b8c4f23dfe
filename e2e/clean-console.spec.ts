import { appUrl, demo, expect, signIn, test } from './fixtures';

/** The clean-console fixture (e2e/fixtures.ts) itself, and the favicon every page names. */
test.describe('clean console', () => {
  test('both HTML pages name an SVG favicon that is served, so no browser asks for a missing /favicon.ico', async ({ page, request }) => {
    for (const path of ['/', '/redirect.html']) {
      const html = await (await request.get(path)).text();
      const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml"/.exec(html)?.[1];
      expect(href, `${path} names its icon`).toBe('/favicon.svg');
      const icon = await request.get(href!);
      expect(icon.status()).toBe(200);
      expect(await icon.text()).toContain('<svg');
    }
    await page.goto('/');
    await expect(page.locator('link[rel="icon"]')).toHaveAttribute('href', '/favicon.svg');
  });

  test('a session page, its resource and a client-side visit between them log nothing', async ({ page }) => {
    // The fixture fails this test on any console error or warning, or any failed request.
    await page.goto(appUrl.resource(demo.catalogs.buildingAccess, demo.resources.badge));
    await signIn(page);
    await page.getByRole('table', { name: 'Upload sessions' }).getByRole('link').first().click();
    await expect(page.getByText(/files? in the session$/)).toBeVisible();
    await page.goto(appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, demo.sessions.big));
    await expect(page.getByText('2,500 files in the session')).toBeVisible();
  });

  test('declared noise passes: an expected console error and an allowed 404', async ({ page, expectConsole, allowFailedRequests }) => {
    expectConsole(/^error: deliberate$/);
    allowFailedRequests(/^404 GET \S+\/no-such-file$/);
    await page.goto('/');
    await page.evaluate(async () => {
      console.error('deliberate');
      await fetch('/no-such-file');
    });
  });

  test('undeclared noise fails the test', async ({ page }) => {
    // Expected to fail, in the fixture's check after the body: were the fixture blind, this test would pass and be reported.
    test.fail();
    await page.goto('/');
    await page.evaluate(() => console.warn('undeclared warning'));
  });
});
