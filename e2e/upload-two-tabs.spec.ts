import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page, Route } from '@playwright/test';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const name = 'badge-access-1.csv';
const fixture = `e2e/fixtures/${name}`;
const sha256 = createHash('sha256').update(readFileSync(fixture)).digest('hex');

const upload = (page: Page) => page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name });

async function chooseAndUpload(page: Page) {
  await page.goto(sessionUrl);
  await signIn(page);
  await page.locator('input[type=file]').setInputFiles([fixture]);
  await expect(page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name })).toContainText('Valid');
  await page.getByRole('button', { name: 'Upload 1 file' }).click();
}

test('two tabs of one browser upload the same file into a session: it is stored once, and the second tab says why it waited', async ({
  page,
  context,
  emulator,
}) => {
  // The first tab's upload is held in the browser until the second tab has queued behind it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  let heldRoute: Promise<void> | undefined;
  await page.route('**/uploadFile', (route: Route) => {
    heldRoute = held.then(() => route.continue());
    return heldRoute;
  });
  await chooseAndUpload(page);
  await expect(upload(page)).toContainText('Uploading');

  const second = await context.newPage();
  await chooseAndUpload(second);
  await expect(upload(second)).toContainText('Another tab is uploading to this session; these files wait for it.');
  await expect(second.getByText('Once it is done, this tab checks the session first')).toBeVisible();
  // The second tab sent nothing while it waited.
  expect((await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'))).toHaveLength(0);

  release();
  await expect(upload(page)).toContainText('Uploaded');
  await expect(upload(second)).toContainText('Another tab uploaded it while this tab waited: not sent again.');
  // Neither tab blames the browser for a copy: there is none.
  for (const tab of [page, second]) await expect(upload(tab)).not.toContainText('the browser sent it again');

  const stored = ((await emulator.session(sessionId))?.files ?? []).filter((f) => f.name === name);
  expect(stored.map((f) => f.sha256)).toEqual([sha256]);
  const uploads = (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));
  expect(uploads).toHaveLength(1);
  await second.close();
});
