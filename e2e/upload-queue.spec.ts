import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';
import { advanceClocks, appUrl, demo, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const fixture = (name: string) => `e2e/fixtures/${name}`;

async function storedNames(emulator: EmulatorControl): Promise<string[]> {
  return (await emulator.session(sessionId))?.files.map((f) => f.name) ?? [];
}

const uploadRequests = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));

async function openSession(page: Page) {
  await page.goto(sessionUrl);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
}

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const upload = (page: Page, name: string) => page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name });

async function chooseAndUpload(page: Page, names: string[]) {
  await page.locator('input[type=file]').setInputFiles(names.map(fixture));
  for (const name of names) await expect(checkedFile(page, name)).toContainText('Valid');
  await page.getByRole('button', { name: `Upload ${names.length} files` }).click();
}

test.describe('uploading to an active session', () => {
  test('files are checked before anything is sent; the invalid one is blocked with its line and column', async ({ page, emulator }) => {
    await openSession(page);
    await emulator.clearRequests();

    // The drop area works from the keyboard: Enter opens the file picker.
    const dropzone = page.getByRole('button', { name: 'Drop CSV files here, or browse' });
    await dropzone.focus();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press('Enter');
    await (await chooser).setFiles([fixture('badge-access-1.csv'), fixture('entra-invalid-values.csv')]);

    const invalid = checkedFile(page, 'entra-invalid-values.csv');
    await expect(invalid).toContainText('Invalid: 6 errors');
    await expect(invalid).toContainText("line 3, column 1 (PrincipalId): 'not-a-guid' is not an Entra object ID");
    await expect(checkedFile(page, 'badge-access-1.csv')).toContainText('Valid: 5 rows');
    await expect(page.getByRole('status').filter({ hasText: 'entra-invalid-values.csv: Invalid: 6 errors' })).toBeAttached();
    expect(await uploadRequests(emulator)).toHaveLength(0);

    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    await expect(upload(page, 'badge-access-1.csv')).toContainText('Uploaded');
    await expect(invalid).toBeVisible();
    await expect(page.getByRole('button', { name: 'No file ready to upload' })).toBeDisabled();
    expect(await uploadRequests(emulator)).toHaveLength(1);
    expect(await storedNames(emulator)).toContain('badge-access-1.csv');
    expect(await storedNames(emulator)).not.toContain('entra-invalid-values.csv');
  });

  test('several files upload with per-file and overall progress; one is cancelled; leaving asks first', async ({ page, emulator }, testInfo) => {
    // A 12 MB file stays part-sent while the emulator holds the requests.
    const big = testInfo.outputPath('big-badges.csv');
    const header = 'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\n';
    const rows = Array.from({ length: 60_000 }, (_, n) => `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21,EntraIdUser,door-${n},Door ${n},Main entrance and the garage levels,Physical,site-1,Building 1,5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95,,Night shift and weekend access\n`);
    writeFileSync(big, header + rows.join(''));
    await openSession(page);
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', delayMs: 3000, times: 3 });

    await test.step('four files are checked and queued', async () => {
      await page.locator('input[type=file]').setInputFiles([big, ...['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv'].map(fixture)]);
      await expect(checkedFile(page, 'big-badges.csv')).toContainText('Valid: 60,000 rows', { timeout: 20_000 });
      await page.getByRole('button', { name: 'Upload 4 files' }).click();
    });

    await test.step('three at a time: the fourth waits for its turn and is cancelled before it is sent', async () => {
      await expect(upload(page, 'badge-access-3.csv')).toContainText('Waiting for its turn');
      await page.getByRole('button', { name: 'Cancel badge-access-3.csv' }).click();
      await expect(upload(page, 'badge-access-3.csv')).toContainText('Cancelled');
    });

    await test.step('the big file shows its part-sent progress', async () => {
      const bigBar = upload(page, 'big-badges.csv').getByRole('progressbar');
      await expect
        .poll(async () => Number(await bigBar.getAttribute('aria-valuenow')), { message: 'the big file is part-sent' })
        .toBeGreaterThan(0);
      expect(Number(await bigBar.getAttribute('aria-valuenow'))).toBeLessThan(1);
      await expect(page.getByText(/0 of 3 files uploaded/)).toBeVisible();
    });

    await test.step('leaving while files are on their way asks first', async () => {
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Badge Access Data' }).click();
      const leave = page.getByRole('dialog', { name: 'Leave while files are uploading?' });
      await expect(leave).toBeVisible();
      await leave.getByRole('button', { name: 'Stay' }).click();
      expect(page.url()).toContain(sessionUrl);
      // Closing the tab or reloading asks too (the browser's own beforeunload prompt).
      const prompt = new Promise<string>((resolve) => page.once('dialog', (dialog) => void dialog.dismiss().then(() => resolve(dialog.type()))));
      await page.close({ runBeforeUnload: true });
      expect(await prompt).toBe('beforeunload');
      expect(page.isClosed()).toBe(false);
    });

    await test.step('the three files arrive once each; the cancelled one never left', async () => {
      await expect(page.getByText('3 of 3 files uploaded')).toBeVisible({ timeout: 20_000 });
      for (const name of ['big-badges.csv', 'badge-access-1.csv', 'badge-access-2.csv']) {
        await expect(upload(page, name)).toContainText('Uploaded');
      }
      const stored = await storedNames(emulator);
      expect(stored.filter((n) => n === 'big-badges.csv')).toHaveLength(1);
      expect(stored).not.toContain('badge-access-3.csv');
      expect(await uploadRequests(emulator)).toHaveLength(3);
    });
  });

  test('a 429 with Retry-After and a 503 are waited out, with nothing lost or duplicated', async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^(429|503) POST \S+\/uploadFile$/);
    await openSession(page);
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', status: 429, retryAfter: 2, times: 1 });
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', status: 503, retryAfter: 1, times: 1 });
    await emulator.clearRequests();

    const names = ['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv'];
    await chooseAndUpload(page, names);
    await expect(page.getByRole('list', { name: 'Uploads' })).toContainText(/Waiting \d s: Graph is busy/);
    await expect(page.getByText('3 of 3 files uploaded')).toBeVisible({ timeout: 15_000 });

    const stored = await storedNames(emulator);
    for (const name of names) expect(stored.filter((n) => n === name)).toHaveLength(1);
    const statuses = (await uploadRequests(emulator)).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 429, 503]);
  });

  test('an answer lost after the file arrived: the console finds the file instead of sending it again', async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^net::ERR_CONNECTION_RESET POST \S+\/uploadFile$/);
    await openSession(page);
    await emulator.clearRequests();
    // The request reaches the emulator (which stores the file); its answer never reaches the page.
    let dropped = false;
    await page.route('**/uploadFile', async (route) => {
      if (dropped || route.request().method() !== 'POST') return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });

    await page.locator('input[type=file]').setInputFiles(fixture('badge-access-2.csv'));
    await expect(checkedFile(page, 'badge-access-2.csv')).toContainText('Valid');
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    await expect(upload(page, 'badge-access-2.csv')).toContainText('It had arrived although Graph’s answer was lost');

    expect((await storedNames(emulator)).filter((n) => n === 'badge-access-2.csv')).toHaveLength(1);
    expect(await uploadRequests(emulator)).toHaveLength(1);
    // It looked before deciding: the session's files, filtered by the file's name.
    const lookups = (await emulator.requests()).filter((r) => r.method === 'GET' && r.path.endsWith(sessionId));
    expect(lookups.some((r) => decodeURIComponent(r.query).includes("$filter=name eq 'badge-access-2.csv'"))).toBe(true);
  });

  test('a connection the emulator drops after storing the file is retried without a duplicate', async ({ page, emulator, allowFailedRequests, expectConsole }) => {
    // A dropped connection has no headers, so Chromium also reports it as a CORS failure.
    allowFailedRequests(/^net::\S+ POST \S+\/uploadFile$/);
    expectConsole(/^error: Access to XMLHttpRequest at '\S+\/uploadFile' from origin '\S+' has been blocked by CORS policy/);
    await openSession(page);
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', reset: true, times: 1 });
    await emulator.clearRequests();

    await page.locator('input[type=file]').setInputFiles(fixture('badge-access-2.csv'));
    await expect(checkedFile(page, 'badge-access-2.csv')).toContainText('Valid');
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    await expect(upload(page, 'badge-access-2.csv')).toContainText('It had arrived although Graph’s answer was lost');

    expect((await storedNames(emulator)).filter((n) => n === 'badge-access-2.csv')).toHaveLength(1);
    expect(await uploadRequests(emulator)).toHaveLength(1);
  });

  test('uploads go on across an access token expiry, with a renewed token and nothing sent twice', async ({ page, emulator }) => {
    // Ten minutes, well inside the session's upload window (20 minutes left in the seed).
    const tokenLifetime = 600;
    await emulator.setTokenLifetime(tokenLifetime);
    await page.clock.install();
    await openSession(page);
    await emulator.clearRequests();
    const names = ['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv', 'entra-valid.csv'];

    await test.step('the first two files go up with the first token', async () => {
      await page.locator('input[type=file]').setInputFiles(names.slice(0, 2).map(fixture));
      await expect(checkedFile(page, names[1] ?? '')).toContainText('Valid');
      await page.getByRole('button', { name: 'Upload 2 files' }).click();
      for (const name of names.slice(0, 2)) await expect(upload(page, name)).toContainText('Uploaded');
      expect((await emulator.requests()).some((r) => r.grantType === 'refresh_token')).toBe(false);
    });

    await test.step('the token outlives its lifetime, for the browser and for the emulator', async () => {
      await advanceClocks(page, emulator, tokenLifetime + 1);
    });

    await test.step('the next two go up with a token renewed by the refresh token', async () => {
      await page.locator('input[type=file]').setInputFiles(names.slice(2).map(fixture));
      await expect(checkedFile(page, names[3] ?? '')).toContainText('Valid');
      await page.getByRole('button', { name: 'Upload 2 files' }).click();
      await expect(page.getByText('4 of 4 files uploaded')).toBeVisible();
      const requests = await emulator.requests();
      expect(requests.some((r) => r.grantType === 'refresh_token' && r.status === 200)).toBe(true);
      expect(requests.filter((r) => r.path.includes('/authorize'))).toHaveLength(0);
      expect(requests.filter((r) => r.path.startsWith('/v1.0/') && r.status === 401)).toHaveLength(0);
      const stored = await storedNames(emulator);
      for (const name of names) expect(stored.filter((n) => n === name)).toHaveLength(1);
    });
  });
});
