import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
/** A badge system's export: BOM, semicolons, CRLF, two title lines and a blank line above its own column names. */
const exportName = 'foreign-export-semicolon-bom.csv';
const exportPath = `e2e/fixtures/${exportName}`;
const preparedName = 'foreign-export-semicolon-bom (prepared).csv';

/**
 * What the prepared file must be, byte for byte, written out by hand: the Entra layout, UTF-8 without BOM, CRLF,
 * quotes only where needed. The ids are UUID v5 of the door group and the site under the console's namespace
 * (docs/architecture.md, "Preparing data"), computed with Python's uuid.uuid5, not by the app.
 */
const expectedCsv =
  'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\r\n' +
  '8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d,EntraIdUser,4b2b39f1-71e9-5036-aebb-be8ee6eed4cd,Main entrance,,Physical,962b92b5-85bd-5ebb-aec6-dc3f6d5837af,Zürich HQ,,,Night shift\r\n' +
  '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95,EntraIdUser,851ea849-6e49-5a5d-8bd6-8cd8c2e940dc,"Garage, level -2",,Physical,962b92b5-85bd-5ebb-aec6-dc3f6d5837af,Zürich HQ,,,\r\n' +
  '0b5b9c1e-2f3a-4d5e-8f60-718293a4b5c6,EntraIdUser,a5a169a9-fdbc-5806-a45a-fc817b85cbe6,"Lab ""B""; level 2",,Physical,17f849a4-48f1-523a-8fa5-8f9158b40979,Basel,,,"=1+1, says the export"\r\n';

/** The rows of the export that cannot be converted, with their lines in the export. */
const expectedReport =
  'Line,Reason\r\n' +
  '7,"The principal \'megan@contoso.com\' is an email address, not an Entra object id: use Resolve people to look it up."\r\n' +
  "9,PrincipalId: 'not-an-id' is not an Entra object ID (a GUID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d).\r\n" +
  '10,PrincipalId needs a value.\r\n' +
  '11,The row has 3 fields; the header has 4.\r\n';

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const prepareDialog = (page: Page) => page.getByRole('dialog', { name: /^Prepare data/ });

async function openSession(page: Page) {
  await page.goto(sessionUrl);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
}

/** Drops the export on the panel; it fails the Entra checks and offers "Prepare this file". */
async function prepareFromCheckedList(page: Page) {
  await page.locator('input[type=file]').setInputFiles(exportPath);
  const entry = checkedFile(page, exportName);
  await expect(entry).toContainText('Invalid');
  await expect(entry).toContainText('separated by semicolons');
  await entry.getByRole('button', { name: 'Prepare this file' }).click();
  return prepareDialog(page);
}

/** The export as read: BOM dropped, semicolons, the header found below the title lines. */
async function expectReadStep(dialog: Locator) {
  await expect(dialog.getByRole('heading', { name: 'Step 1 of 3: read the file' })).toBeVisible();
  await expect(dialog.getByLabel('Encoding')).toHaveValue('utf-8');
  await expect(dialog.getByLabel('Delimiter')).toHaveValue(';');
  await expect(dialog.getByLabel('Header row')).toHaveValue('2');
  const preview = dialog.getByRole('table', { name: 'Preview of the first rows' });
  await expect(preview.getByRole('columnheader')).toHaveText(['Badge holder object id', 'Door group', 'Site', 'Notes']);
  await expect(preview.getByRole('row').nth(1)).toContainText('Zürich HQ');
}

test.describe('preparing a foreign export', () => {
  test('a semicolon export with a BOM and title lines is mapped, prepared, uploaded byte for byte; the mapping is offered next time', async ({
    page,
    emulator,
  }) => {
    await openSession(page);
    const dialog = await prepareFromCheckedList(page);

    await test.step('read: encoding, delimiter and header row are detected', async () => {
      await expectReadStep(dialog);
      await dialog.getByRole('button', { name: 'Next: map columns' }).click();
    });

    await test.step('map: columns matched by name, ids derived; PermissionType needs a constant first', async () => {
      await expect(dialog.getByRole('heading', { name: 'Step 2 of 3: map the columns' })).toBeFocused();
      await expect(dialog.getByLabel('Value of PrincipalId')).toHaveValue('column:Badge holder object id');
      await expect(dialog.getByLabel('Value of PermissionId')).toHaveValue('derive');
      await expect(dialog.getByLabel('Value of ScopeDisplayName')).toHaveValue('column:Site');
      await expect(dialog.getByLabel('Value of CustomData')).toHaveValue('column:Notes');
      await expect(dialog.getByText('Give these required columns a value first: PermissionType.')).toBeVisible();
      await dialog.getByLabel('Value of PermissionType').selectOption('constant');
      await dialog.getByLabel('Constant for PermissionType').fill('Physical');
      await dialog.getByRole('button', { name: 'Prepare' }).click();
    });

    await test.step('prepare: three rows ready, four left out with their lines and reasons, the report downloadable', async () => {
      await expect(dialog).toContainText('Prepared 3 rows in 1 file, added to the checked files. 4 left out.');
      await expect(dialog.getByRole('list', { name: 'Rows left out' }).getByRole('listitem')).toHaveText([
        /^Line 7: The principal 'megan@contoso.com' is an email address, not an Entra object id: use Resolve people/,
        /^Line 9: PrincipalId: 'not-an-id' is not an Entra object ID/,
        'Line 10: PrincipalId needs a value.',
        'Line 11: The row has 3 fields; the header has 4.',
      ]);
      await expect(page.getByRole('status').filter({ hasText: 'Prepared 3 rows in 1 file' })).toBeAttached();
      const reportDownload = page.waitForEvent('download');
      await dialog.getByRole('button', { name: 'Download the rows left out (4)' }).click();
      const report = await reportDownload;
      expect(report.suggestedFilename()).toBe('foreign-export-semicolon-bom (rows left out).csv');
      expect(readFileSync(await report.path(), 'utf8')).toBe(expectedReport);
      const fileDownload = page.waitForEvent('download');
      await dialog.getByRole('button', { name: `Download ${preparedName}` }).click();
      expect(readFileSync(await (await fileDownload).path(), 'utf8')).toBe(expectedCsv);
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    await test.step('the prepared file replaces the export in the checked list and uploads; the emulator stores exactly the expected bytes', async () => {
      await expect(checkedFile(page, exportName)).toHaveCount(0);
      // Valid, but for two warnings: the export names no entitlement owners, and one cell starts like a formula.
      await expect(checkedFile(page, preparedName)).toContainText('Valid with 2 warnings');
      await emulator.clearRequests();
      await page.getByRole('button', { name: 'Upload 1 file' }).click();
      await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: preparedName })).toContainText('Uploaded');
      const bytes = Buffer.from(expectedCsv, 'utf8');
      const stored = (await emulator.session(sessionId))?.files.find((file) => file.name === preparedName);
      expect(stored).toMatchObject({ size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
      const uploads = (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));
      expect(uploads).toHaveLength(1);
    });

    await test.step('next time, "Prepare data" offers the mapping saved for this resource', async () => {
      await page.getByRole('button', { name: 'Prepare data' }).click();
      const next = prepareDialog(page);
      await next.getByLabel('Export file').setInputFiles(exportPath);
      await expect(next).toContainText('A mapping saved for this resource on');
      await next.getByRole('button', { name: 'Use the saved mapping' }).click();
      await expect(next.getByLabel('Value of PermissionType')).toHaveValue('constant');
      await expect(next.getByLabel('Constant for PermissionType')).toHaveValue('Physical');
      await next.getByRole('button', { name: 'Prepare' }).click();
      await expect(next).toContainText('Prepared 3 rows in 1 file');
    });
  });

  test('the whole flow works by keyboard', async ({ page }) => {
    await openSession(page);
    await page.locator('input[type=file]').setInputFiles(exportPath);
    const entry = checkedFile(page, exportName);
    await expect(entry).toContainText('Invalid');
    await entry.getByRole('button', { name: 'Prepare this file' }).focus();
    await page.keyboard.press('Enter');
    const dialog = prepareDialog(page);
    await expectReadStep(dialog);
    await dialog.getByRole('button', { name: 'Next: map columns' }).focus();
    await page.keyboard.press('Enter');
    const type = dialog.getByLabel('Value of PermissionType');
    await type.focus();
    // A native select: the arrow keys move through the choices (No value, the columns, then "A constant").
    for (let presses = 0; presses < 5 && (await type.inputValue()) !== 'constant'; presses++) await page.keyboard.press('ArrowDown');
    await expect(type).toHaveValue('constant');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('Constant for PermissionType')).toBeFocused();
    await page.keyboard.type('Physical');
    await dialog.getByRole('button', { name: 'Prepare' }).focus();
    await page.keyboard.press('Enter');
    await expect(dialog).toContainText('Prepared 3 rows in 1 file');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(checkedFile(page, preparedName)).toContainText('Valid with 2 warnings');
  });
});

/** WCAG 2.1 A and AA and best practices, as e2e/accessibility.spec.ts scans every page (Tabster's focus guards aside). */
async function expectNoViolations(page: Page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).exclude('[data-tabster-dummy]').analyze();
  expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) })), 'axe violations').toEqual([]);
}

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`accessibility of the prepare flow, ${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('each step, and at 390 px wide', async ({ page }) => {
      await openSession(page);
      const dialog = await prepareFromCheckedList(page);
      await expectReadStep(dialog);
      await expectNoViolations(page);
      await dialog.getByRole('button', { name: 'Next: map columns' }).click();
      await expect(dialog.getByText('Give these required columns a value first')).toBeVisible();
      await expectNoViolations(page);
      await dialog.getByLabel('Value of PermissionType').selectOption('constant');
      await dialog.getByLabel('Constant for PermissionType').fill('Physical');
      await dialog.getByRole('button', { name: 'Prepare' }).click();
      await expect(dialog).toContainText('4 left out');
      await expectNoViolations(page);
      // A phone: the dialog fits the width, so nothing needs scrolling sideways but the preview table.
      await page.setViewportSize({ width: 390, height: 844 });
      const box = await dialog.boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= 390).toBe(true);
      await expectNoViolations(page);
    });
  });
}
