import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** Building Access › Badge Access Data › its active session with four files. */
const catalogUrl = appUrl.catalog(demo.catalogs.buildingAccess);
const resourceUrl = appUrl.resource(demo.catalogs.buildingAccess, demo.resources.badge);
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, demo.sessions.badgeActive);
/** The complete session with 2,500 generated files. */
const completeSessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, demo.sessions.big);

/** Written only by `npm run screenshots` (e2e/screenshots.config.ts); the README shows them. */
const screenshotsDir = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));

interface Shot {
  name: string;
  url: string;
  signedIn: boolean;
  ready: (page: Page) => Locator;
  /** Scrolled to the top of the window: the part of a long page the picture is about. */
  scrollTo?: (page: Page) => Locator;
  /** A phone's screen instead of the desktop window. */
  phone?: boolean;
}

/** The phone pictures: an iPhone 12–15's CSS width. */
const phoneViewport = { width: 390, height: 844 };

const pages: Shot[] = [
  { name: 'landing', url: '/', signedIn: false, ready: (p) => p.getByRole('button', { name: 'Sign in' }) },
  { name: 'catalogs', url: '/', signedIn: true, ready: (p) => p.getByRole('table', { name: 'Catalogs' }) },
  { name: 'catalog', url: catalogUrl, signedIn: true, ready: (p) => p.getByText(/\d+ complete/).first() },
  {
    name: 'resource',
    url: resourceUrl,
    signedIn: true,
    ready: (p) => p.getByRole('navigation', { name: 'Upload sessions pages' }).getByText(/^Showing 1–20 of \d+ sessions$/),
  },
  { name: 'session', url: sessionUrl, signedIn: true, ready: (p) => p.getByText('4 files in the session') },
  {
    name: 'session-files',
    url: sessionUrl,
    signedIn: true,
    ready: (p) => p.getByText('4 files in the session'),
    scrollTo: (p) => p.getByRole('heading', { level: 2, name: 'Files', exact: true }),
  },
  { name: 'session-complete', url: completeSessionUrl, signedIn: true, ready: (p) => p.getByText('2,500 files in the session') },
  { name: 'catalog-phone', url: catalogUrl, signedIn: true, ready: (p) => p.getByText(/\d+ complete/).first(), phone: true },
  { name: 'session-phone', url: sessionUrl, signedIn: true, ready: (p) => p.getByText('4 files in the session'), phone: true },
  {
    name: 'session-files-phone',
    url: sessionUrl,
    signedIn: true,
    ready: (p) => p.getByText('4 files in the session'),
    scrollTo: (p) => p.getByRole('heading', { level: 2, name: 'Files', exact: true }),
    phone: true,
  },
];

/** Nothing still on its way: no skeleton, no busy table, no "Updating…" spinner. */
async function settled(page: Page) {
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText('Updating…')).toHaveCount(0);
  await page.evaluate(() => document.fonts.ready);
  // Away from every control, so no hover state shows.
  await page.mouse.move(0, 0);
}

test.use({ viewport: { width: 1280, height: 800 } });

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`screenshots, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    for (const shot of pages) {
      test(`${shot.name}-${colorScheme}.png`, async ({ page }) => {
        if (shot.phone) await page.setViewportSize(phoneViewport);
        await page.goto(shot.url);
        if (shot.signedIn) await signIn(page);
        await expect(shot.ready(page)).toBeVisible();
        if (shot.scrollTo) await shot.scrollTo(page).evaluate((element) => element.scrollIntoView());
        await settled(page);
        const screenshot = await page.screenshot({
          path: `${screenshotsDir}${shot.name}-${colorScheme}.png`,
          animations: 'disabled',
          caret: 'hide',
        });
        expect(screenshot.byteLength).toBeGreaterThan(10_000);
      });
    }
  });
}
