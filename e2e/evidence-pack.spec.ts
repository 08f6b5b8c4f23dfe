import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const names = ['badge-access-1.csv', 'badge-access-2.csv'];
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

interface PackFile {
  name: string;
  size: number;
  sha256: string;
  rowCount?: number;
  formatId: string;
  uploadedAt: string;
  uploadedBy: string;
  attempts: { clientRequestId: string; requestId: string }[];
  source: string;
}

async function downloadEvidence(page: Page, item: RegExp) {
  await page.getByRole('button', { name: 'Download evidence' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const file = await download;
  return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

test.describe('the evidence pack', () => {
  test('lists every stored file with the sizes and SHA-256 the emulator holds, the request ids sent, and seeded files as Graph knows them', async ({ page, emulator }) => {
    await page.goto(sessionUrl);
    await signIn(page);
    await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();

    // The ids this page sent and Graph answered for each upload, as the browser saw them.
    const sent: { clientRequestId: string; requestId: string }[] = [];
    page.on('response', async (response) => {
      if (!response.url().endsWith('/uploadFile') || response.request().method() !== 'POST') return;
      sent.push({ clientRequestId: (await response.request().allHeaders())['client-request-id'] ?? '', requestId: (await response.allHeaders())['request-id'] ?? '' });
    });
    await page.locator('input[type=file]').setInputFiles(names.map((name) => `e2e/fixtures/${name}`));
    for (const name of names) await expect(page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name })).toContainText('Valid');
    await page.getByRole('button', { name: 'Upload 2 files' }).click();
    for (const name of names) await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name })).toContainText('Uploaded');

    const stored = (await emulator.session(sessionId))!;
    const json = await downloadEvidence(page, /JSON/);
    expect(json.name).toBe(`evidence-${sessionId}.json`);
    const pack = JSON.parse(json.text) as { catalog: unknown; resource: unknown; session: { id: string; status: string }; review: { definitionName: string; instanceId: string }; files: PackFile[]; generatedBy: string };

    await test.step('the session, its catalog, resource and review', async () => {
      expect(pack.catalog).toEqual({ id: demo.catalogs.buildingAccess, displayName: 'Building Access' });
      expect(pack.resource).toMatchObject({ id: demo.resources.badge, displayName: 'Badge Access Data' });
      expect(pack.session).toMatchObject({ id: sessionId, status: 'active' });
      expect(pack.review.instanceId).toBe(stored.instanceId);
      expect(pack.review.definitionName).not.toBe('');
      expect(pack.generatedBy).toBe(demoUsers.owner.username);
    });

    await test.step('every stored file, once; the uploaded ones with the emulator’s size and SHA-256, byte for byte', async () => {
      expect(pack.files.map((file) => [file.name, file.size, file.uploadedAt]).sort()).toEqual(stored.files.map((file) => [file.name, file.size, file.uploadedDateTime]).sort());
      for (const name of names) {
        const inPack = pack.files.find((file) => file.name === name)!;
        const inEmulator = stored.files.find((file) => file.name === name)!;
        expect(inPack).toMatchObject({ size: inEmulator.size, sha256: inEmulator.sha256, rowCount: 5, formatId: 'entra', uploadedBy: demoUsers.owner.username, source: 'journal' });
        expect(inPack.sha256).toBe(sha256(`e2e/fixtures/${name}`));
        expect(inPack.attempts.at(-1)?.requestId).not.toBe('');
      }
      // Each upload's ids as the browser sent and received them, each in the pack once.
      const inPack = pack.files.flatMap((file) => file.attempts.map(({ clientRequestId, requestId }) => ({ clientRequestId, requestId })));
      expect(sent).toHaveLength(2);
      expect(inPack.sort((a, b) => a.clientRequestId.localeCompare(b.clientRequestId))).toEqual(sent.sort((a, b) => a.clientRequestId.localeCompare(b.clientRequestId)));
      const seeded = pack.files.filter((file) => !names.includes(file.name));
      expect(seeded.length).toBeGreaterThan(0);
      for (const file of seeded) expect(file).toMatchObject({ sha256: '', uploadedBy: '', attempts: [], source: 'graph' });
    });

    await test.step('the CSV says the same, a line per file', async () => {
      const csv = await downloadEvidence(page, /CSV/);
      expect(csv.name).toBe(`evidence-${sessionId}.csv`);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toContain('File name,Size (bytes),SHA-256,Rows,Format,Uploaded at (Graph),Uploaded by');
      expect(lines).toHaveLength(stored.files.length + 1);
      for (const name of names) {
        const file = stored.files.find((candidate) => candidate.name === name)!;
        expect(lines.find((line) => line.includes(`,${name},`))).toContain(`,${name},${file.size},${file.sha256},5,entra,${file.uploadedDateTime},${demoUsers.owner.username},`);
      }
    });
  });
});
