import type { Page } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';
import { appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/** Building Access: Megan owns it, Alex reads it, Diego has no role (emulator/README.md, the demo tenant). */
const catalogId = demo.catalogs.buildingAccess;
const resourceId = demo.resources.badge;
const pages = {
  catalog: appUrl.catalog(catalogId),
  resource: appUrl.resource(catalogId, resourceId),
  session: appUrl.session(catalogId, resourceId, demo.sessions.badgeActive),
};

/** The badge beside the heading: its hidden lead-in, and the role. */
const roleBadge = (page: Page) => page.getByText('Your role on this catalog:').locator('..');
const writes = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS' && r.path.includes('/uploadSessions'));

test.describe('what each role sees', () => {
  test('an owner sees the Owner badge and every owner action', async ({ page }) => {
    await page.goto(pages.catalog);
    await signIn(page, demoUsers.owner);
    await expect(page.getByRole('heading', { level: 1, name: 'Building Access' })).toBeVisible();
    await expect(roleBadge(page)).toHaveText('Your role on this catalog: Owner');

    await page.goto(pages.resource);
    await expect(roleBadge(page)).toHaveText('Your role on this catalog: Owner');
    await expect(page.getByRole('button', { name: 'New upload session' })).toBeEnabled();

    await page.goto(pages.session);
    await expect(roleBadge(page)).toHaveText('Your role on this catalog: Owner');
    await expect(page.getByRole('button', { name: 'Finalize session' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Delete session' })).toBeEnabled();
    await expect(page.getByText("Catalog readers can't upload")).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Drop CSV files here, or browse' })).toBeVisible();
  });

  test('a reader sees the data, the Reader badge, and owner actions disabled with the reason', async ({ page, emulator }) => {
    await page.goto(pages.catalog);
    await signIn(page, demoUsers.reader);
    await expect(roleBadge(page)).toHaveText('Your role on this catalog: Reader');

    await test.step('resource: the sessions are listed, New upload session is disabled and says why', async () => {
      await page.goto(pages.resource);
      await expect(roleBadge(page)).toHaveText('Your role on this catalog: Reader');
      await expect(page.getByRole('table', { name: 'Upload sessions' })).toBeVisible();
      const create = page.getByRole('button', { name: 'New upload session' });
      await expect(create).toHaveAttribute('aria-disabled', 'true');
      await create.click({ force: true });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await create.hover();
      await expect(page.getByRole('tooltip')).toContainText('cannot create upload sessions: only catalog owners can');
    });

    await test.step('session: files are shown, Finalize and Delete are disabled, no upload panel', async () => {
      await page.goto(pages.session);
      await expect(roleBadge(page)).toHaveText('Your role on this catalog: Reader');
      await expect(page.getByRole('table', { name: 'Files' })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Finalize session' })).toHaveAttribute('aria-disabled', 'true');
      const remove = page.getByRole('button', { name: 'Delete session' });
      await expect(remove).toHaveAttribute('aria-disabled', 'true');
      await remove.click({ force: true });
      await expect(page.getByRole('dialog')).toHaveCount(0);
      await expect(page.getByText("Catalog readers can't upload")).toBeVisible();
      await expect(page.getByRole('button', { name: 'Drop CSV files here, or browse' })).toHaveCount(0);
    });

    // Nothing the reader could do reached Graph as a write.
    expect(await writes(emulator)).toEqual([]);
  });

  test('a user without a role gets one kind message on the catalog, resource and session pages', async ({ page, allowFailedRequests }) => {
    // Graph refuses every read of the catalog to Diego: that is what the pages explain.
    allowFailedRequests(/^403 GET /);
    await page.goto(pages.resource);
    await signIn(page, demoUsers.noRole);

    for (const [name, url, title] of [
      ['resource', pages.resource, 'This resource could not be opened'],
      ['session', pages.session, 'This upload session could not be opened'],
      ['catalog', pages.catalog, 'This catalog could not be opened'],
    ] as const) {
      await test.step(name, async () => {
        await page.goto(url);
        const alert = page.getByRole('alert');
        await expect(alert).toContainText(title);
        await expect(alert).toContainText('You are not an owner or reader of this catalog');
        await expect(alert).toContainText('Code: accessDenied');
        await expect(alert).toContainText(/Request ID: [0-9a-f-]{36}/);
        await expect(alert).toHaveCount(1);
        await expect(roleBadge(page)).toHaveText('Your role on this catalog: No access');
        await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
        await expect(page.getByRole('button', { name: 'New upload session' })).toHaveCount(0);
        await expect(page.getByRole('combobox', { name: 'Status' })).toHaveCount(0);
        await expect(page).toHaveTitle('No access — Catalog Upload Console');
      });
    }
  });
});
