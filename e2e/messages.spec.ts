import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';
import { appUrl, demo, expect, signIn, test } from './fixtures';

const catalogId = demo.catalogs.buildingAccess;
const resourceId = demo.resources.badge;
const sessionUrl = appUrl.session(catalogId, resourceId, demo.sessions.badgeActive);

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const uploadRequests = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));

/** The first bytes of an .xlsx: a ZIP archive. */
const workbookBytes = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, ...Buffer.from('[Content_Types].xml')]);

test.describe('what the checks say', () => {
  test('a workbook gets exactly one error, and a header-only file is blocked with its reason', async ({ page, emulator }) => {
    await page.goto(sessionUrl);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
    await emulator.clearRequests();

    await page.locator('input[type=file]').setInputFiles([
      { name: 'badge access.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: workbookBytes },
      { name: 'entra-header-only.csv', mimeType: 'text/csv', buffer: readFileSync('e2e/fixtures/entra-header-only.csv') },
    ]);

    const workbook = checkedFile(page, 'badge access.xlsx');
    await expect(workbook).toContainText('Invalid: 1 error');
    await expect(workbook.getByRole('listitem')).toHaveCount(1);
    await expect(workbook.getByRole('listitem')).toContainText('This is an Excel workbook: save it as CSV UTF-8.');
    // Not the MIME type a second time.
    await expect(workbook).not.toContainText('spreadsheetml');

    const headerOnly = checkedFile(page, 'entra-header-only.csv');
    await expect(headerOnly).toContainText('Invalid: 1 error');
    await expect(headerOnly).toContainText('The file has a header row but no data rows: there is nothing to upload.');

    await expect(page.getByRole('button', { name: 'No file ready to upload' })).toHaveAttribute('aria-disabled', 'true');
    expect(await uploadRequests(emulator)).toHaveLength(0);
  });

  test('the status filter offers "other": the sessions the catalog page counts as other', async ({ page, emulator }) => {
    const { sessions } = await emulator.state();
    const others = sessions.filter((s) => s.resourceId === resourceId && !['active', 'complete', 'expired'].includes(s.status));
    expect(others.length).toBeGreaterThan(0);

    await page.goto(appUrl.resource(catalogId, resourceId));
    await signIn(page);
    await expect(page.getByRole('table', { name: 'Upload sessions' })).toBeVisible();
    await emulator.clearRequests();

    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Other (not active, complete or expired)' });
    await expect(page).toHaveURL(/status=other/);
    const rows = page.getByRole('table', { name: 'Upload sessions' }).getByRole('row');
    await expect(rows).toHaveCount(others.length + 1);
    for (const row of await rows.all().then((all) => all.slice(1))) await expect(row).toContainText('Unknown');

    const asked = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path.endsWith(`/resources/${resourceId}/uploadSessions`));
    expect(asked.map((r) => decodeURIComponent(r.query)).some((query) => query.includes("$filter=status eq 'unknownFutureValue'"))).toBe(true);

    // The catalog page counts the same sessions as "other".
    await page.goto(appUrl.catalog(catalogId));
    await expect(page.getByRole('table').filter({ hasText: 'Badge Access Data' })).toContainText(`${others.length} other`);
  });

  test('the upload window turns warning under 30 minutes and error under 10; the delete dialog names the review and instance', async ({ page, emulator }) => {
    // The notice counts down by the page's clock: installed before the page loads, moved forward below.
    await page.clock.install();
    await page.goto(sessionUrl);
    await signIn(page);

    // The weekly review's instance started 100 minutes ago: 20 minutes of its two-hour window are left.
    const notice = page.locator('[data-urgency]').filter({ hasText: 'Upload window:' });
    await expect(notice).toContainText(/Upload window: (19|20) min left/);
    await expect(notice).toHaveAttribute('data-urgency', 'warning');
    const minutes = Number(/(\d+) min left/.exec((await notice.textContent()) ?? '')?.[1]);

    await page.clock.fastForward('11:00');
    await expect(notice).toContainText(new RegExp(`Upload window: (${minutes - 11}|${minutes - 12}) min left`));
    await expect(notice).toHaveAttribute('data-urgency', 'error');

    const { instances } = await emulator.state();
    const open = instances.find((instance) => instance.id === demo.instances.weeklyOpen);
    const number = instances.filter(
      (instance) => instance.definitionId === demo.reviews.weekly && Date.parse(instance.startDateTime) <= Date.parse(open?.startDateTime ?? ''),
    ).length;
    await page.getByRole('button', { name: 'Delete session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this upload session?' });
    await expect(dialog).toContainText(`for Building Access – weekly badge attestation · Instance ${number} (instance ID ${demo.instances.weeklyOpen})`);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await emulator.requests()).filter((r) => r.method === 'DELETE')).toEqual([]);
  });
});
