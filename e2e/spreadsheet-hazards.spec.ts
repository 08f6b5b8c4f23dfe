import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const header = 'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\r\n';
const owner = '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95';
/** A valid Entra row whose description (column 5) and custom data (column 11) are given. */
const row = (n: number, description: string, customData = '') =>
  `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21,EntraIdUser,door-${n},Door ${n},${description},Physical,site-1,Building 1,${owner},,${customData}\r\n`;

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function openSession(page: Page) {
  await page.goto(sessionUrl);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
}

test.describe('cells that start like a spreadsheet formula', () => {
  test('are warnings with their line and column, 2,000 of them in one warning; the file still uploads as it is', async ({ page, emulator }, testInfo) => {
    const path = testInfo.outputPath('formulas.csv');
    const rows = [row(1, "=cmd|' /C calc'!A0"), row(2, 'Lobby'), row(3, 'Garage', '@SUM(A1)'), row(4, '-2 floors')];
    for (let n = 5; n < 2_001; n++) rows.push(row(n, `+${n}`));
    const bytes = Buffer.from(header + rows.join(''), 'utf8');
    writeFileSync(path, bytes);
    await openSession(page);
    await page.locator('input[type=file]').setInputFiles(path);
    const entry = checkedFile(page, 'formulas.csv');
    await expect(entry).toContainText('Valid with 1,999 warnings');
    // One warning for them all: the first cell's place, the next four named, the rest counted.
    const warnings = entry.getByRole('listitem').filter({ hasText: 'as a formula' });
    await expect(warnings).toHaveCount(1);
    await expect(warnings).toContainText('line 2, column 5 (PermissionDescription): 1,999 cells start with =, +, -, @, a tab or a carriage return');
    await expect(warnings).toContainText('Also line 4, column 11 (CustomData); line 5, column 5 (PermissionDescription); line 6, column 5 (PermissionDescription); line 7, column 5 (PermissionDescription) and 1,994 more.');

    // Graph accepts them: the warning blocks nothing, and the bytes arrive unchanged.
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'formulas.csv' })).toContainText('Uploaded');
    const stored = (await emulator.session(sessionId))?.files.find((file) => file.name === 'formulas.csv');
    expect(stored).toMatchObject({ size: bytes.byteLength, sha256: sha256(bytes) });
  });

  test("the prepare flow puts a ' in front of them in one click; the prepared file checks clean and uploads so", async ({ page, emulator }) => {
    await openSession(page);
    await page.locator('input[type=file]').setInputFiles('e2e/fixtures/foreign-export-semicolon-bom.csv');
    await checkedFile(page, 'foreign-export-semicolon-bom.csv').getByRole('button', { name: 'Prepare this file' }).click();
    const dialog = page.getByRole('dialog', { name: /^Prepare data/ });
    await dialog.getByRole('button', { name: 'Next: map columns' }).click();
    await dialog.getByLabel('Value of PermissionType').selectOption('constant');
    await dialog.getByLabel('Constant for PermissionType').fill('Physical');
    await dialog.getByRole('button', { name: 'Prepare' }).click();
    await expect(dialog).toContainText('1 cell started like a spreadsheet formula');

    await dialog.getByRole('button', { name: "Put a ' in front of them and prepare again" }).click();
    await expect(dialog).toContainText("1 cell that started like a spreadsheet formula got a ' in front.");
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download foreign-export-semicolon-bom (prepared).csv' }).click();
    const prepared = readFileSync(await (await download).path());
    expect(prepared.toString('utf8')).toContain(',"\'=1+1, says the export"\r\n');
    expect(prepared.toString('utf8')).not.toContain(',"=1+1');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The one click prepared the file again: its last version is the one checked without the formula warning.
    const entries = checkedFile(page, 'foreign-export-semicolon-bom (prepared).csv');
    await expect(entries.last()).toContainText('Valid with 1 warning');
    await expect(entries.last()).not.toContainText('as a formula');
    await entries.first().getByRole('button', { name: /^Remove/ }).click();
    await expect(entries).toHaveCount(1);
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'foreign-export-semicolon-bom (prepared).csv' })).toContainText('Uploaded');
    const stored = (await emulator.session(sessionId))?.files.find((file) => file.name === 'foreign-export-semicolon-bom (prepared).csv');
    expect(stored).toMatchObject({ size: prepared.byteLength, sha256: sha256(prepared) });
  });

  test('a name with a right-to-left override shows the override as its code, with a warning, wherever it is listed', async ({ page, emulator }) => {
    const name = 'salary\u202Eslx.csv';
    const shown = 'salary<U+202E>slx.csv';
    const bytes = Buffer.from(header + row(1, 'Lobby'), 'utf8');
    await openSession(page);
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: bytes });

    const entry = checkedFile(page, shown);
    await expect(entry).toContainText(`${shown}`);
    await expect(entry).toContainText('Valid');
    await expect(entry.getByRole('img', { name: 'Warning: direction-changing characters' })).toBeVisible();
    // What is painted never holds the invisible character itself, so it cannot read as "salaryvsc.xls".
    expect(await entry.evaluate((element) => (element.textContent ?? '').includes('\u202E'))).toBe(false);

    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    const uploaded = page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: shown });
    await expect(uploaded).toContainText('Uploaded');
    await expect(uploaded).toContainText(shown);
    // Graph keeps the name as sent; only the display escapes it.
    const stored = (await emulator.session(sessionId))?.files.find((file) => file.name === name);
    expect(stored).toMatchObject({ size: bytes.byteLength, sha256: sha256(bytes) });

    // The session's files table, read back from Graph, shows it the same way.
    const cell = page.getByRole('cell').filter({ hasText: shown });
    await expect(cell).toBeVisible();
    await expect(cell.getByRole('img', { name: 'Warning: direction-changing characters' })).toBeVisible();
    expect(await cell.evaluate((element) => (element.textContent ?? '').includes('\u202E'))).toBe(false);
  });
});
