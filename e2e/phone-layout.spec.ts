import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { appUrl, demo, expect, signIn, test } from './fixtures';

const catalogId = demo.catalogs.buildingAccess;

interface PhonePage {
  name: string;
  url: string;
  ready: (page: Page) => Locator;
  /** The table and the header of the column that must stay readable. */
  table: string;
  nameColumn: string;
}

const pages: PhonePage[] = [
  { name: 'catalogs', url: '/', ready: (p) => p.getByRole('table', { name: 'Catalogs' }), table: 'Catalogs', nameColumn: 'Name' },
  {
    name: 'catalog',
    url: appUrl.catalog(catalogId),
    ready: (p) => p.getByText(/\d+ complete/).first(),
    table: 'Custom data provided resources',
    nameColumn: 'Name',
  },
  {
    name: 'resource',
    url: appUrl.resource(catalogId, demo.resources.badge),
    ready: (p) => p.getByRole('navigation', { name: 'Upload sessions pages' }).getByText(/^Showing 1–20 of \d+ sessions$/),
    table: 'Upload sessions',
    nameColumn: 'Created',
  },
  {
    name: 'session with files',
    url: appUrl.session(catalogId, demo.resources.badge, demo.sessions.badgeActive),
    ready: (p) => p.getByText('4 files in the session'),
    table: 'Files',
    nameColumn: 'Name',
  },
];

/** Nothing wider than the window: the page itself never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.scrollingElement?.scrollWidth ?? 0,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, 'the page scrolls sideways').toBeLessThanOrEqual(innerWidth);
}

async function columnWidth(page: Page, table: string, column: string) {
  const header = page.getByRole('table', { name: table }).getByRole('columnheader', { name: column });
  return (await header.boundingBox())?.width ?? 0;
}

for (const viewport of [
  { width: 360, height: 740 },
  { width: 390, height: 844 },
]) {
  test.describe(`phone layout at ${viewport.width} px`, () => {
    test.use({ viewport });

    for (const shown of pages) {
      test(`${shown.name}: fits the width, keeps its name column readable and passes axe`, async ({ page }) => {
        await page.goto(shown.url);
        await signIn(page);
        await expect(shown.ready(page)).toBeVisible();
        await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
        await expectNoSidewaysScroll(page);
        expect(await columnWidth(page, shown.table, shown.nameColumn), `${shown.table}: ${shown.nameColumn}`).toBeGreaterThan(120);
        await expectNoViolations(page);
      });
    }

    test('the session page: files and sessions rows stacked, buttons within the screen, copy buttons beside their ids', async ({ page }) => {
      await page.goto(appUrl.session(catalogId, demo.resources.badge, demo.sessions.badgeActive));
      await signIn(page);
      const files = page.getByRole('table', { name: 'Files' });
      await expect(page.getByText('4 files in the session')).toBeVisible();

      await test.step('the files table shows name and size; the upload time moves under the name', async () => {
        await expect(files.getByRole('columnheader')).toHaveText(['Name', 'Size']);
        const row = files.getByRole('row').filter({ hasText: 'badge export building 40.csv' });
        await expect(row.getByRole('cell')).toHaveCount(2);
        await expect(row.getByRole('cell').first()).toContainText(/Uploaded \w{3} \d+, \d{4}/);
        // One line per row, not one character per line.
        expect((await row.boundingBox())?.height ?? 0).toBeLessThan(100);
      });

      await test.step('every button of the page lies within the screen', async () => {
        const outside = await page.evaluate(() =>
          [...document.querySelectorAll('button, a[role="button"]')]
            .filter((element) => element.getClientRects().length > 0)
            .filter((element) => {
              const box = element.getBoundingClientRect();
              return box.left < 0 || box.right > window.innerWidth;
            })
            .map((element) => element.textContent || element.getAttribute('aria-label')),
        );
        expect(outside).toEqual([]);
      });

      await test.step('each copy button sits on the same line as the end of its id', async () => {
        for (const label of ['Copy review definition ID', 'Copy review instance ID']) {
          const button = await page.getByRole('button', { name: label }).boundingBox();
          const id = await page.getByRole('button', { name: label }).locator('xpath=ancestor::span[2]/span[1]').boundingBox();
          expect(button && id, label).toBeTruthy();
          // Beside the id (to its right), and within the id's lines vertically.
          expect(button!.x).toBeGreaterThanOrEqual(id!.x + id!.width - 1);
          expect(button!.y + button!.height / 2).toBeGreaterThan(id!.y);
          expect(button!.y + button!.height / 2).toBeLessThan(id!.y + id!.height + button!.height / 2);
        }
      });
    });

    test('the resource page: one stacked row per session, with its review and figures under the date', async ({ page }) => {
      await page.goto(appUrl.resource(catalogId, demo.resources.badge));
      await signIn(page);
      const sessions = page.getByRole('table', { name: 'Upload sessions' });
      await expect(sessions.getByRole('columnheader')).toHaveText(['Status', /^Created/]);
      const first = sessions.getByRole('row').nth(1);
      await expect(first.getByRole('cell')).toHaveCount(2);
      await expect(first.getByRole('cell').nth(1)).toContainText('Building Access – weekly badge attestation');
      await expect(first.getByRole('cell').nth(1)).toContainText(/4 files · [\d.]+ MB · not finalized/);
      await expectNoSidewaysScroll(page);
    });
  });
}
