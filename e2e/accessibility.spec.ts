import type { Locator, Page } from '@playwright/test';
import { expectNoViolations } from './axe';
import { appUrl, demo, expect, signIn, test } from './fixtures';

const catalogId = demo.catalogs.buildingAccess;
const resourceUrl = appUrl.resource(catalogId, demo.resources.badge);
/** Badge Access Data: an active session with four files, and the complete one with 2,500. */
const activeSessionUrl = appUrl.session(catalogId, demo.resources.badge, demo.sessions.badgeActive);
const bigSessionUrl = appUrl.session(catalogId, demo.resources.badge, demo.sessions.big);
const uploadPanel = 'section[aria-labelledby="upload-heading"]';

async function openSignedIn(page: Page, url: string, ready: (page: Page) => Locator) {
  await page.goto(url);
  await signIn(page);
  await expect(ready(page)).toBeVisible();
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility of every page, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('signed out: the landing page', async ({ page }) => {
      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('catalogs', async ({ page }) => {
      await openSignedIn(page, '/', (p) => p.getByRole('table', { name: 'Catalogs' }).getByRole('link', { name: 'Building Access' }));
      // The Refresh buttons are disabled while their lists load; scanned mid-way through a colour change, one fails contrast.
      for (const name of ['Refresh', 'Refresh windows']) await expect(page.getByRole('button', { name, exact: true })).toBeEnabled();
      await expectNoViolations(page);
    });

    test('catalog: Building Access', async ({ page }) => {
      await openSignedIn(page, appUrl.catalog(catalogId), (p) => p.getByRole('table', { name: 'Custom data provided resources' }));
      await expect(page.getByText(/\d+ active/).first()).toBeVisible();
      await expectNoViolations(page);
    });

    test('resource: Badge Access Data and its sessions', async ({ page }) => {
      await openSignedIn(page, resourceUrl, (p) => p.getByRole('table', { name: 'Upload sessions' }));
      await expect(page.getByRole('navigation', { name: 'Upload sessions pages' })).toContainText('Showing 1–20');
      await expectNoViolations(page);
    });

    test('session: active, with a few files', async ({ page }) => {
      await openSignedIn(page, activeSessionUrl, (p) => p.getByRole('table', { name: 'Files' }));
      await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
      // The upload panel is the upload feature's: it is scanned with its results in the last group of tests.
      await expectNoViolations(page, [uploadPanel]);
    });

    test('session: complete, with 2,500 files', async ({ page }) => {
      await openSignedIn(page, bigSessionUrl, (p) => p.getByRole('table', { name: 'Files' }));
      await expect(page.getByRole('navigation', { name: 'Files pages' })).toContainText('of 2,500 files');
      await expectNoViolations(page);
    });

    test('the not-found page', async ({ page }) => {
      await openSignedIn(page, '/no/such/page', (p) => p.getByRole('heading', { name: 'Page not found' }));
      await expectNoViolations(page);
    });

    test('the configuration error page', async ({ page, allowFailedRequests }) => {
      allowFailedRequests(/^404 GET \S+\/config\.json$/);
      await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
      await page.goto('/');
      await expect(page.getByRole('heading', { name: 'The console is not configured' })).toBeVisible();
      await expectNoViolations(page);
    });

    test('the account menu, open', async ({ page }) => {
      await openSignedIn(page, '/', (p) => p.getByRole('table', { name: 'Catalogs' }));
      await page.getByRole('button', { name: 'Account: Megan Bowen' }).click();
      await expect(page.getByRole('menuitem', { name: 'Sign out' })).toBeVisible();
      await expectNoViolations(page);
    });
  });
}

// The upload feature's dialogs and panel, kept apart: another part of the console that is still being finished.
for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility of the upload dialogs, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('the "New upload session" dialog', async ({ page }) => {
      await openSignedIn(page, resourceUrl, (p) => p.getByRole('table', { name: 'Upload sessions' }));
      await page.getByRole('button', { name: 'New upload session' }).click();
      const dialog = page.getByRole('dialog', { name: 'New upload session' });
      await expect(dialog.getByRole('radio', { name: /Initializing/ })).toBeVisible();
      await expectNoViolations(page);

      // The other tab, with its validation messages showing.
      await dialog.getByRole('tab', { name: 'Enter IDs' }).click();
      await dialog.getByRole('button', { name: 'Create session' }).click();
      await expect(dialog.getByText('Enter an object ID like')).toHaveCount(2);
      await expectNoViolations(page);
    });

    test('the upload panel with validation results', async ({ page }) => {
      await openSignedIn(page, activeSessionUrl, (p) => p.getByRole('heading', { name: 'Upload files' }));
      await page.locator('input[type=file]').setInputFiles(['e2e/fixtures/badge-access-1.csv', 'e2e/fixtures/entra-invalid-values.csv']);
      const checked = page.getByRole('list', { name: 'Checked files' });
      await expect(checked.getByRole('listitem', { name: 'entra-invalid-values.csv' })).toContainText('Invalid: 6 errors');
      await expect(checked.getByRole('listitem', { name: 'badge-access-1.csv' })).toContainText('Valid');
      await expectNoViolations(page);
    });

    test('the finalize confirmation', async ({ page }) => {
      await openSignedIn(page, activeSessionUrl, (p) => p.getByRole('table', { name: 'Files' }));
      await page.getByRole('button', { name: 'Finalize session' }).click();
      await expect(page.getByRole('dialog', { name: 'Finalize this upload session?' })).toContainText('4 files');
      await expectNoViolations(page);
    });

    test('the delete confirmation', async ({ page }) => {
      await openSignedIn(page, activeSessionUrl, (p) => p.getByRole('table', { name: 'Files' }));
      await page.getByRole('button', { name: 'Delete session' }).click();
      await expect(page.getByRole('dialog', { name: 'Delete this upload session?' })).toContainText('4 uploaded files');
      await expectNoViolations(page);
    });
  });
}
