import type { Page } from '@playwright/test';
import type { EmulatorControl, EmulatorSession as StateSession } from './emulator-control';
import { appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/** Building Access › Badge Access Data, with its sessions as the emulator holds them. */
async function badgeAccessData(emulator: EmulatorControl) {
  const { buildingAccess: catalogId } = demo.catalogs;
  const resourceId = demo.resources.badge;
  const sessions = (await emulator.state()).sessions.filter((s) => s.resourceId === resourceId);
  const newestFirst = [...sessions].sort((a, b) => Date.parse(b.createdDateTime) - Date.parse(a.createdDateTime));
  return { catalogId, resourceId, sessions, newestFirst };
}

/** Session ids of the rows shown, read from each row's link. */
async function shownSessionIds(page: Page): Promise<string[]> {
  const hrefs = await page
    .getByRole('table', { name: 'Upload sessions' })
    .getByRole('link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  return hrefs.map((href) => href.split('/sessions/')[1] ?? href);
}

const ids = (sessions: StateSession[]) => sessions.map((s) => s.id);

test.describe('upload sessions of a resource', () => {
  test('open from a bookmark, page, sort both ways, filter, reload, open a session', async ({ page, emulator }) => {
    const { catalogId, resourceId, sessions, newestFirst } = await badgeAccessData(emulator);
    expect(sessions.length).toBeGreaterThan(20);

    await page.goto(appUrl.resource(catalogId, resourceId));
    await signIn(page, demoUsers.owner);
    await expect(page.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeVisible();

    // Newest first, 20 a page, with Graph's total.
    const pages = page.getByRole('navigation', { name: 'Upload sessions pages' });
    await expect(pages).toContainText(`Showing 1–20 of ${sessions.length} sessions`);
    await expect.poll(() => shownSessionIds(page)).toEqual(ids(newestFirst.slice(0, 20)));
    await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'descending');

    await pages.getByRole('button', { name: 'Next' }).click();
    await expect(pages).toContainText(`Showing 21–${Math.min(40, sessions.length)} of ${sessions.length} sessions`);
    await expect.poll(() => shownSessionIds(page)).toEqual(ids(newestFirst.slice(20, 40)));
    expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    await pages.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(() => shownSessionIds(page)).toEqual(ids(newestFirst.slice(0, 20)));

    // Oldest first, then newest first again, by the column header.
    const oldestFirst = [...newestFirst].reverse();
    await page.getByRole('button', { name: 'Created' }).click();
    await expect(page.getByRole('columnheader', { name: 'Created' })).toHaveAttribute('aria-sort', 'ascending');
    await expect.poll(() => shownSessionIds(page)).toEqual(ids(oldestFirst.slice(0, 20)));
    await page.getByRole('button', { name: 'Created' }).click();
    await expect.poll(() => shownSessionIds(page)).toEqual(ids(newestFirst.slice(0, 20)));

    // Each status, exactly the sessions the emulator holds with it.
    for (const status of ['expired', 'complete', 'active'] as const) {
      await page.getByRole('combobox', { name: 'Status' }).selectOption(status);
      const expected = newestFirst.filter((s) => s.status === status);
      await expect.poll(() => shownSessionIds(page)).toEqual(ids(expected.slice(0, 20)));
      await expect(pages).toContainText(`of ${expected.length} sessions`);
    }
    const table = page.getByRole('table', { name: 'Upload sessions' });
    await expect(table.getByRole('row').nth(1)).toContainText('Active');

    // Status and review instance together; the review is named after its definition.
    const expired = newestFirst.filter((s) => s.status === 'expired');
    const target = expired[1]!;
    await page.getByRole('combobox', { name: 'Status' }).selectOption('expired');
    await page.getByRole('combobox', { name: 'Review instance' }).selectOption(target.instanceId);
    await expect.poll(() => shownSessionIds(page)).toEqual([target.id]);
    await expect(table.getByRole('row').nth(1)).toContainText('weekly badge attestation');
    expect(new URL(page.url()).searchParams.get('review')).toBe(target.instanceId);

    // A reload (or a shared link) reopens the same view.
    await page.reload();
    await expect.poll(() => shownSessionIds(page)).toEqual([target.id]);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('expired');
    await expect(page.getByRole('combobox', { name: 'Review instance' })).toHaveValue(target.instanceId);

    await table.getByRole('link').first().click();
    // The session's heading names its review and instance (issue 16).
    await expect(page.getByRole('heading', { level: 1, name: / · Instance \d+$/ })).toBeVisible();
    expect(page.url()).toContain(`/sessions/${target.id}`);
    await expect(page.getByText('This session expired and is read-only')).toBeVisible();
  });

  test('a hand-edited address degrades to the default view, and an unknown status shows neutrally', async ({ page, emulator }) => {
    const { catalogId, resourceId, sessions, newestFirst } = await badgeAccessData(emulator);
    await page.goto(`${appUrl.resource(catalogId, resourceId)}?status=bogus&page=-3&sort=sideways&pageSize=50`);
    await signIn(page, demoUsers.owner);
    await expect(page.getByRole('combobox', { name: 'Status' })).toHaveValue('all');
    await expect.poll(() => shownSessionIds(page)).toEqual(ids(newestFirst));
    await expect(page.getByRole('navigation', { name: 'Upload sessions pages' })).toContainText(
      `Showing 1–${sessions.length} of ${sessions.length} sessions`,
    );
    const odd = sessions.find((s) => s.status === 'unknownFutureValue');
    if (odd) {
      const row = page.getByRole('row').filter({ has: page.locator(`a[href$="/sessions/${odd.id}"]`) });
      await expect(row).toContainText('Unknown');
    }
  });
});
