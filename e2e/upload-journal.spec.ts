import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { JournalEntry } from '../src/features/upload/journal/upload-journal';
import type { EmulatorControl } from './emulator-control';
import { advanceClocks, appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const fixture = (name: string) => `e2e/fixtures/${name}`;
const sha256Of = (name: string) => createHash('sha256').update(readFileSync(fixture(name))).digest('hex');

const uploadRequests = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));
const storedCopies = async (emulator: EmulatorControl, name: string) =>
  ((await emulator.session(sessionId))?.files ?? []).filter((f) => f.name === name);

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const upload = (page: Page, name: string) => page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name });

async function openSession(page: Page) {
  await page.goto(sessionUrl);
  await signIn(page);
  await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
}

/** The same file chosen again: the input is emptied first, else the browser sees no change and fires no event. */
async function chooseAgain(page: Page, name: string) {
  const input = page.locator('input[type=file]');
  await input.setInputFiles([]);
  await input.setInputFiles([fixture(name)]);
}

/** The journal as the app stored it in IndexedDB (read with the browser's own API, not the app's code). */
function readJournal(page: Page): Promise<JournalEntry[]> {
  return page.evaluate(
    () =>
      new Promise<JournalEntry[]>((resolve, reject) => {
        const open = indexedDB.open('catalog-upload-journal');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('files')) return resolve([]);
          const all = db.transaction('files').objectStore('files').getAll();
          all.onsuccess = () => resolve(all.result as JournalEntry[]);
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

test.describe('the upload journal', () => {
  test('records each file with its SHA-256, rows, format, state and the request ids of its attempts', async ({ page, emulator }) => {
    await openSession(page);
    const answers: { clientRequestId: string | null; requestId: string | null }[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('/uploadFile')) answers.push({ clientRequestId: response.headers()['client-request-id'] ?? null, requestId: response.headers()['request-id'] ?? null });
    });
    const names = ['badge-access-1.csv', 'badge-access-2.csv'];
    await page.locator('input[type=file]').setInputFiles(names.map(fixture));
    for (const name of names) await expect(checkedFile(page, name)).toContainText('Valid');
    await page.getByRole('button', { name: 'Upload 2 files' }).click();
    for (const name of names) await expect(upload(page, name)).toContainText('Uploaded');

    await expect.poll(async () => (await readJournal(page)).map((e) => e.state)).toEqual(['arrived', 'arrived']);
    const journal = await readJournal(page);
    // Keyed by MSAL's home account id, which names the account's entries in MSAL's cache.
    const accountIds = [...new Set(journal.map((e) => e.accountId))];
    expect(accountIds).toHaveLength(1);
    expect(await page.evaluate((id) => Object.keys(sessionStorage).some((key) => key.includes(id)), accountIds[0] ?? '-')).toBe(true);
    for (const name of names) {
      const entry = journal.find((e) => e.name === name);
      const [stored] = await storedCopies(emulator, name);
      expect(entry).toMatchObject({ sessionId, size: stored?.size, sha256: sha256Of(name), rowCount: 5, formatId: 'entra', state: 'arrived' });
      // The hash the worker computed is the hash of the bytes the emulator received.
      expect(entry?.sha256).toBe(stored?.sha256);
      expect(entry?.attempts).toHaveLength(1);
      const attempt = entry?.attempts[0];
      expect(answers).toContainEqual({ clientRequestId: attempt?.clientRequestId, requestId: attempt?.requestId });
      expect(attempt?.status).toBe(200);
    }
    // No contents and no tokens: nothing in the journal looks like a CSV row or a JWT.
    const text = JSON.stringify(journal);
    expect(text).not.toMatch(/EntraIdUser|eyJ[\w-]+\./);
    expect(await uploadRequests(emulator)).toHaveLength(2);
  });
});

test.describe('a file large enough to be checked in ranges', () => {
  test('a file over 16 MiB has the row count of one pass and the SHA-256 of the bytes stored', async ({ page, emulator }) => {
    await openSession(page);
    // Checked in ranges where the browser has three or more processors, one left to the SHA-256 worker
    // (docs/architecture.md). Unique rows, every 9th with a quoted line break, so a cut may fall inside a value.
    const header = 'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\r\n';
    const row = (n: number) =>
      `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21,EntraIdUser,door-${n},Tür ${n},${n % 9 === 0 ? '"two\r\nlines"' : 'one line'},Physical,site-1,Gebäude 1,5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95,,\r\n`;
    const rows = 120_000;
    const buffer = Buffer.from(header + Array.from({ length: rows }, (_, n) => row(n + 1)).join(''), 'utf8');
    expect(buffer.byteLength).toBeGreaterThan(16 * 1024 * 1024);
    const name = 'split-export.csv';
    await page.locator('input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer });
    await expect(checkedFile(page, name)).toContainText('Valid: 120,000 rows', { timeout: 30_000 });
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    await expect(upload(page, name)).toContainText('Uploaded', { timeout: 30_000 });
    await expect.poll(async () => (await readJournal(page)).map((e) => e.state)).toEqual(['arrived']);
    const [entry] = await readJournal(page);
    const [stored] = await storedCopies(emulator, name);
    expect(entry).toMatchObject({ size: buffer.byteLength, rowCount: rows, sha256: createHash('sha256').update(buffer).digest('hex') });
    expect(entry?.sha256).toBe(stored?.sha256);
  });
});

test.describe('no double queueing, and offline is a state', () => {
  test('offline, Upload waits for the connection; a second click and a re-drop queue nothing; the file is stored once', async ({ page, context, emulator }) => {
    await openSession(page);
    const name = 'badge-access-1.csv';
    await page.locator('input[type=file]').setInputFiles([fixture(name)]);
    await expect(checkedFile(page, name)).toContainText('Valid');

    await context.setOffline(true);
    await expect(page.getByText(/Waiting for the connection… The browser is offline/)).toBeVisible();
    await page.getByRole('button', { name: 'Upload 1 file' }).click();
    const waiting = page.getByRole('button', { name: 'Waiting for the connection…' });
    await expect(waiting).toBeDisabled();
    // A second click lands on a disabled button; dropping the same file again lists it once.
    await waiting.click({ force: true });
    await chooseAgain(page, name);
    await expect(page.getByText(`Already chosen: ${name}.`, { exact: true })).toBeVisible();
    await expect(page.getByRole('list', { name: 'Checked files' }).getByRole('listitem')).toHaveCount(1);
    expect(await uploadRequests(emulator)).toHaveLength(0);

    await context.setOffline(false);
    await expect(upload(page, name)).toContainText('Uploaded');
    // Chosen again after it arrived: refused, with why.
    await chooseAgain(page, name);
    await expect(checkedFile(page, name)).toContainText('Not sent again: Already uploaded in this visit.');
    await expect(page.getByRole('button', { name: 'No file ready to upload' })).toBeDisabled();
    expect(await storedCopies(emulator, name)).toHaveLength(1);
    expect(await uploadRequests(emulator)).toHaveLength(1);
  });

  test('going offline mid-queue pauses every file; back online, each is stored exactly once', async ({ page, context, emulator }) => {
    await openSession(page);
    // Uploads are held long enough for the connection to go while they are on their way.
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', delayMs: 2000, times: 3 });
    const names = ['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv', 'entra-valid.csv'];
    await page.locator('input[type=file]').setInputFiles(names.map(fixture));
    for (const name of names) await expect(checkedFile(page, name)).toContainText('Valid');
    await page.getByRole('button', { name: 'Upload 4 files' }).click();
    await expect(upload(page, 'badge-access-1.csv')).toContainText('Uploading');

    await context.setOffline(true);
    await expect(page.getByText(/Waiting for the connection… The browser is offline/)).toBeVisible();
    await expect(upload(page, 'entra-valid.csv')).toContainText('Waiting for the connection…');
    await context.setOffline(false);

    for (const name of names) await expect(upload(page, name)).toContainText('Uploaded', { timeout: 20_000 });
    for (const name of names) expect(await storedCopies(emulator, name), name).toHaveLength(1);
    await expect.poll(async () => (await readJournal(page)).filter((e) => e.state === 'arrived').length).toBe(4);
  });
});

test.describe('sign-in lost mid-queue', () => {
  test('the uploads pause, the owner signs in again in a popup, and every file is stored exactly once', async ({ page, emulator, expectConsole, allowFailedRequests }) => {
    // Provoked on purpose: the revoked sign-in makes uploads answer 401, the refresh token 400, and MSAL try its iframe.
    expectConsole(/^warning: An iframe which has both allow-scripts and allow-same-origin/);
    allowFailedRequests(/^401 POST \S+\/uploadFile$/, /^400 POST \S+\/oauth2\/v2\.0\/token(\?\S*)?$/);
    const tokenLifetime = 600;
    await emulator.setTokenLifetime(tokenLifetime);
    await page.clock.install();
    await openSession(page);
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', delayMs: 2000, times: 3 });
    const names = ['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv', 'entra-valid.csv', 'entra-valid-bom-crlf.csv'];
    await page.locator('input[type=file]').setInputFiles(names.map(fixture));
    for (const name of names) await expect(checkedFile(page, name)).toContainText('Valid');
    await page.getByRole('button', { name: 'Upload 5 files' }).click();
    await expect(upload(page, 'badge-access-1.csv')).toContainText('Uploading');

    await test.step('the whole sign-in is revoked (refresh token and browser session) and the access token expires', async () => {
      await emulator.revoke(demoUsers.owner.username, 'all');
      await emulator.clearRequests();
      await advanceClocks(page, emulator, tokenLifetime + 1);
    });

    const signInAgain = page.getByRole('button', { name: 'Sign in again to continue' });
    await test.step('the queue pauses and the panel stays, offering to sign in again', async () => {
      await expect(signInAgain).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
      await expect(page.getByText(/The uploads are paused: nothing is lost/)).toBeVisible();
      await expect(page.getByRole('list', { name: 'Uploads' })).not.toContainText(/Failed|Cancelled/);
      expect(page.url()).toContain(sessionUrl);
    });

    await test.step('signing in again in the popup resumes the queue', async () => {
      const popup = page.waitForEvent('popup');
      await signInAgain.click();
      // The popup asks Entra for the same account (login_hint): the emulator signs that account in without its picker,
      // and the popup may be gone before a 'close' listener could be added: the uploads going on are the proof.
      await popup;
      for (const name of names) await expect(upload(page, name)).toContainText('Uploaded', { timeout: 20_000 });
      await expect(signInAgain).toHaveCount(0);
    });

    for (const name of names) expect(await storedCopies(emulator, name), name).toHaveLength(1);
    const requests = await emulator.requests();
    // The silent renewals failed, and the new sign-in was interactive (in the popup), not a redirect of this page.
    expect(requests.some((r) => r.grantType === 'refresh_token' && r.status === 400)).toBe(true);
    const interactive = requests.filter((r) => r.path.endsWith('/authorize') && !r.query.includes('prompt=none'));
    expect(interactive.length).toBeGreaterThan(0);
    expect(interactive.every((r) => r.query.includes(`login_hint=${encodeURIComponent(demoUsers.owner.username)}`))).toBe(true);
    expect(page.url()).toContain(sessionUrl);
    await expect.poll(async () => (await readJournal(page)).filter((e) => e.state === 'arrived').length).toBe(5);
  });
});

test.describe('a 403 on upload', () => {
  test('is explained once, sends nothing more and offers no Retry', async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^403 POST \S+\/uploadFile$/);
    await openSession(page);
    await emulator.addFault({ method: 'POST', path: 'uploadFile$', status: 403, times: 1 });
    const names = ['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv', 'entra-valid.csv'];
    await page.locator('input[type=file]').setInputFiles(names.map(fixture));
    for (const name of names) await expect(checkedFile(page, name)).toContainText('Valid');
    // One at a time would be ideal; with three at once the other two may already be on their way and arrive.
    await page.getByRole('button', { name: 'Upload 4 files' }).click();
    const explained = page.getByRole('alert', { name: 'This account may not upload to this session' });
    await expect(explained).toHaveCount(1);
    await expect(explained).toContainText('403');
    await expect(upload(page, 'entra-valid.csv')).toContainText('Not sent: Graph refused this account uploads to the session (403).');
    await expect(page.getByRole('button', { name: /^Retry / })).toHaveCount(0);
    // The two sent beside the refused one may still be on their way: their answers come before the log is read.
    for (const name of names.slice(0, 3)) await expect(upload(page, name)).toContainText(/Uploaded|Failed/);
    const statuses = (await uploadRequests(emulator)).map((r) => r.status);
    expect(statuses.filter((s) => s === 403)).toHaveLength(1);
    // The fourth file was never sent.
    expect(statuses).toHaveLength(3);
    expect(await storedCopies(emulator, 'entra-valid.csv')).toHaveLength(0);
  });
});
