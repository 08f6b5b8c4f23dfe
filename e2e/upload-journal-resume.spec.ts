import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';
import { emulatorUrl } from './ports';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const fixture = (name: string) => `e2e/fixtures/${name}`;
const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const upload = (page: Page, name: string) => page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name });
const unfinished = (page: Page, name: string) => page.getByRole('list', { name: 'Unfinished files' }).getByRole('listitem', { name });

/** A new tab has no tokens (sessionStorage) but the emulator still knows the browser: the picker may not show. */
async function signInInNewTab(page: Page) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  const picker = page.getByRole('button', { name: demoUsers.owner.displayName });
  const account = page.getByRole('button', { name: `Account: ${demoUsers.owner.displayName}` });
  await expect(picker.or(account)).toBeVisible();
  if (await picker.isVisible()) await picker.click();
  await expect(account).toBeVisible();
}

test('a tab closed mid-queue: reopened, the session shows what arrived and what is missing, and finishes it once each', async ({ context, page, request, emulator }, testInfo) => {
  const names = ['badge-access-1.csv', 'badge-access-2.csv', 'badge-access-3.csv', 'entra-valid.csv'];
  await page.goto(sessionUrl);
  await signIn(page);
  // The emulator holds the first three uploads, so the tab closes while they are on their way and the fourth waits.
  await emulator.addFault({ method: 'POST', path: 'uploadFile$', delayMs: 3000, times: 3 });
  await page.locator('input[type=file]').setInputFiles(names.map(fixture));
  for (const name of names) await expect(checkedFile(page, name)).toContainText('Valid');
  await page.getByRole('button', { name: 'Upload 4 files' }).click();
  for (const name of names.slice(0, 3)) await expect(upload(page, name)).toContainText('Uploading');
  await expect(upload(page, 'entra-valid.csv')).toContainText('Waiting for its turn');
  // The emulator takes a fault as each request reaches it: none left means all three held uploads are there (the rows
  // say "Uploading" a moment before a request leaves the browser: token, session lock, journal).
  await expect.poll(async () => ((await (await request.get(`${emulatorUrl}/_emulator/faults`)).json()) as unknown[]).length).toBe(0);
  await page.close();
  // Whatever the emulator does with the cut-off uploads (store one whose body it had, or drop it) happens when their
  // hold ends; a request held as long, sent after them, comes back after that. Only then is the session opened again.
  await emulator.addFault({ method: 'GET', path: 'after-the-holds$', delayMs: 3000, times: 1 });
  expect((await request.get(`${emulatorUrl}/v1.0/after-the-holds`)).status()).toBeGreaterThanOrEqual(400);

  const again = await context.newPage();
  await again.goto(sessionUrl);
  await signInInNewTab(again);
  await expect(again.getByText('Unfinished from an earlier visit')).toBeVisible();
  const storedNames = new Set(((await emulator.session(sessionId))?.files ?? []).map((f) => f.name));
  const missing = names.filter((name) => !storedNames.has(name));
  // The fourth was never sent; the first three are shown as they are in the session.
  expect(missing).toContain('entra-valid.csv');
  for (const name of names) {
    await expect(unfinished(again, name)).toContainText(missing.includes(name) ? 'missing: choose this file again' : 'arrived, it is in the session');
  }

  await test.step('a different file with a missing one\'s name and size is refused', async () => {
    const dir = testInfo.outputPath('other');
    mkdirSync(dir, { recursive: true });
    const original = readFileSync(fixture('entra-valid.csv'), 'utf8');
    // One digit of an object id changed: still valid, same size, other bytes.
    const changed = original.replace(/([0-9a-f]{8})-/, (id: string) => `${id[0] === '1' ? '2' : '1'}${id.slice(1)}`);
    expect(changed).not.toBe(original);
    writeFileSync(`${dir}/entra-valid.csv`, changed);
    await again.locator('input[type=file]').setInputFiles([`${dir}/entra-valid.csv`]);
    await expect(checkedFile(again, 'entra-valid.csv')).toContainText('Not sent again: Not the file chosen before');
    await again.getByRole('button', { name: 'Remove entra-valid.csv' }).click();
  });

  await test.step('the missing files chosen again are sent, once each', async () => {
    await again.locator('input[type=file]').setInputFiles(missing.map(fixture));
    for (const name of missing) await expect(checkedFile(again, name)).toContainText('Valid');
    await again.getByRole('button', { name: `Upload ${missing.length} ${missing.length === 1 ? 'file' : 'files'}` }).click();
    for (const name of missing) await expect(upload(again, name)).toContainText('Uploaded');
    await expect(again.getByText('Every file of the interrupted upload is in the session or queued again.')).toBeVisible();
  });

  const stored = (await emulator.session(sessionId))?.files ?? [];
  for (const name of names) expect(stored.filter((f) => f.name === name), name).toHaveLength(1);
});
