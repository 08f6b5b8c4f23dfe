import { copyFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { EmulatorControl, EmulatorRequest } from './emulator-control';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/**
 * What the pages ask Graph for, read from the emulator's request log: one files request per view of a session, one
 * refresh after a whole queue of uploads, counts by $count instead of paging through everything, and a session
 * deleted elsewhere stopping the queue.
 */
const catalogId = demo.catalogs.buildingAccess;
const resourceId = demo.resources.badge;
const sessionId = demo.sessions.badgeActive;
const sessionPath = `/uploadSessions/${sessionId}`;

const graphRequests = async (emulator: EmulatorControl) => (await emulator.requests()).filter((r) => r.path.startsWith('/v1.0/'));
const isFilesRequest = (r: EmulatorRequest) => r.method === 'GET' && r.path.endsWith(sessionPath) && r.query.includes('$expand=files');
const isUpload = (r: EmulatorRequest) => r.method === 'POST' && r.path.endsWith(`${sessionPath}/uploadFile`);

/** Does something as the same owner in a second tab of the same browser, then comes back to `page`. */
async function inAnotherTab(page: Page, url: string, act: (other: Page) => Promise<void>) {
  const other = await page.context().newPage();
  // A background tab gets no animation frames, which Playwright's clicks wait for.
  await other.bringToFront();
  await other.goto(url);
  await other.getByRole('button', { name: 'Sign in' }).click();
  // The emulator's browser session may sign the second tab in without its picker (single sign-on).
  const picker = other.getByRole('button', { name: 'Megan Bowen', exact: true });
  await expect(other.getByRole('button', { name: 'Account: Megan Bowen' }).or(picker)).toBeVisible();
  if (await picker.isVisible()) await picker.click();
  await act(other);
  await other.close();
  await page.bringToFront();
}

test.describe('requests the pages make', () => {
  test('opening a session page asks for its files once, and the size chart reads the same answer', async ({ page, emulator }) => {
    const bigSession = appUrl.session(catalogId, resourceId, demo.sessions.big);
    await page.goto(bigSession);
    await signIn(page);
    await expect(page.getByRole('img', { name: /^File sizes of 2,500 files\./ })).toBeVisible();
    await expect(page.getByRole('table', { name: 'Files' })).toBeVisible();
    await emulator.clearRequests();

    // A full load, signed in: what a bookmark does.
    await page.reload();
    await expect(page.getByRole('img', { name: /^File sizes of 2,500 files\./ })).toBeVisible();
    await expect(page.getByText('2,500 files in the session')).toBeVisible();
    const requests = await graphRequests(emulator);
    const files = requests.filter((r) => r.method === 'GET' && r.path.endsWith(`/uploadSessions/${demo.sessions.big}`) && r.query.includes('$expand=files'));
    expect(files, 'files requests').toHaveLength(1);
    expect(requests.filter((r) => r.status >= 400), 'failed requests').toEqual([]);
  });

  test('ten uploads update the page from their answers and refresh the file list once, when the queue is done', async ({ page, emulator }, testInfo) => {
    const names = Array.from({ length: 10 }, (_, n) => `badges part ${n + 1}.csv`);
    const paths = names.map((name) => {
      const path = testInfo.outputPath(name);
      copyFileSync('e2e/fixtures/badge-access-1.csv', path);
      return path;
    });
    await page.goto(appUrl.session(catalogId, resourceId, sessionId));
    await signIn(page);
    const before = (await emulator.state()).sessions.find((s) => s.id === sessionId)?.files.length ?? 0;
    await expect(page.getByText(new RegExp(`^${before} files? in the session$`))).toBeVisible();
    // From the choice on: the session's files are read while the chosen ones are checked (docs/architecture.md, Upload).
    await emulator.clearRequests();
    await page.locator('input[type=file]').setInputFiles(paths);
    await expect(page.getByRole('button', { name: 'Upload 10 files' })).toBeEnabled();

    await page.getByRole('button', { name: 'Upload 10 files' }).click();
    await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem')).toHaveCount(10);
    for (const name of names) await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name })).toContainText('Uploaded');
    await expect(page.getByText(`${before + 10} files in the session`)).toBeVisible();
    await expect(page.getByRole('group', { name: 'Session statistics' })).toContainText(`Files uploaded${before + 10}`);

    const requests = await graphRequests(emulator);
    const firstUpload = requests.findIndex(isUpload);
    expect(requests.filter(isUpload)).toHaveLength(10);
    // Before the first upload: the one look at the session's files that decides "upload again?" (read while the files
    // were checked, reused at the click). After it: one refresh.
    expect(requests.slice(0, firstUpload).filter(isFilesRequest), 'files requests before the uploads').toHaveLength(1);
    expect(requests.slice(firstUpload).filter(isFilesRequest), 'files requests after the uploads started').toHaveLength(1);
    const stored = (await emulator.state()).sessions.find((s) => s.id === sessionId)?.files ?? [];
    for (const name of names) expect(stored.filter((file) => file.name === name), name).toHaveLength(1);
  });

  test('the catalog page counts with $count and summarises each resource in one request', async ({ page, emulator }) => {
    await page.goto(appUrl.catalog(catalogId));
    await signIn(page);
    const resources = page.getByRole('table', { name: 'Custom data provided resources' });
    await expect(resources.getByRole('row', { name: /Badge Access Data/ })).toContainText('active');
    await expect(resources.getByRole('row', { name: /Parking Permits/ })).toContainText('active');
    await expect(page.getByText(/other resources .* are not listed/)).toBeVisible();
    await emulator.clearRequests();

    await page.reload();
    await expect(resources.getByRole('row', { name: /Badge Access Data/ })).toContainText('active');
    await expect(page.getByText(/other resources .* are not listed/)).toBeVisible();
    const requests = await graphRequests(emulator);
    const resourceLists = requests.filter((r) => r.path.endsWith(`/catalogs/${catalogId}/resources`));
    expect(resourceLists.map((r) => decodeURIComponent(r.query)).sort()).toEqual([
      "$filter=originSystem eq 'CustomDataProvidedResource'",
      '$select=id&$count=true&$top=1',
    ]);
    const summaries = requests.filter((r) => r.path.endsWith('/uploadSessions'));
    expect(summaries).toHaveLength(2);
    for (const summary of summaries) expect(summary.query).toContain('$count=true');
    expect(requests.filter((r) => r.query.includes('skiptoken')), 'pages followed').toEqual([]);
  });

  test('a session deleted in another tab stops the queue, says which files did not go, and offers no Retry', async ({ page, emulator, allowFailedRequests }, testInfo) => {
    // The deleted session's 404s: the uploads that find it gone, and the page's refresh of it and its files.
    allowFailedRequests(/^404 POST \S+\/uploadSessions\/[^/]+\/uploadFile$/, /^404 GET \S+\/uploadSessions\/[^/?]+(\?\S*)?$/);
    const names = ['first.csv', 'second.csv', 'third.csv', 'fourth.csv'];
    const paths = names.map((name) => {
      const path = testInfo.outputPath(name);
      copyFileSync('e2e/fixtures/badge-access-1.csv', path);
      return path;
    });
    const url = appUrl.session(catalogId, resourceId, sessionId);
    await page.goto(url);
    await signIn(page);
    await page.locator('input[type=file]').setInputFiles(paths);
    await expect(page.getByRole('button', { name: 'Upload 4 files' })).toBeEnabled();
    // The uploads leave the browser only once the other tab has deleted the session.
    let release!: () => void;
    const deleted = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/uploadFile', async (route) => {
      await deleted;
      await route.continue();
    });
    await page.getByRole('button', { name: 'Upload 4 files' }).click();
    const uploads = page.getByRole('list', { name: 'Uploads' });
    await expect(uploads.getByRole('listitem', { name: 'first.csv' })).toContainText('Uploading');
    await expect(uploads.getByRole('listitem', { name: 'fourth.csv' })).toContainText('Waiting for its turn');

    await inAnotherTab(page, url, async (other) => {
      await other.getByRole('button', { name: 'Delete session' }).click();
      await other.getByRole('dialog').getByRole('button', { name: 'Delete session' }).click();
      await expect(other.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeVisible();
    });
    release();

    await expect(page.getByRole('alert').filter({ hasText: 'This upload session no longer exists' })).toBeVisible();
    await expect(uploads.getByRole('listitem', { name: 'fourth.csv' })).toContainText('Not sent: the session no longer exists');
    await expect(uploads.getByRole('button', { name: /^Retry/ })).toHaveCount(0);
    expect((await emulator.state()).sessions.find((s) => s.id === sessionId)).toBeUndefined();
    const sent = (await graphRequests(emulator)).filter(isUpload);
    expect(sent.length, 'uploads sent (at most the three under way)').toBeLessThanOrEqual(3);
    expect(sent.map((r) => r.status).filter((status) => status !== 404), 'answers other than 404').toEqual([]);
  });

  test('finalized in another tab: Finalize here gets the 409 with its request id, and the page turns read-only', async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^409 PATCH \S+\/uploadSessions\/[^/?]+$/);
    const url = appUrl.session(catalogId, resourceId, sessionId);
    await page.goto(url);
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Finalize session' })).toBeEnabled();
    await inAnotherTab(page, url, async (other) => {
      await other.getByRole('button', { name: 'Finalize session' }).click();
      await other.getByRole('dialog').getByRole('button', { name: 'Finalize session' }).click();
      await expect(other.getByText('This session is finalized and read-only')).toBeVisible();
    });

    await page.getByRole('button', { name: 'Finalize session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Finalize this upload session?' });
    await dialog.getByRole('button', { name: 'Finalize session' }).click();
    // The session turns read-only at once (the dialog goes with its button); the refusal stays in a toast.
    await expect(page.getByText('This session is finalized and read-only')).toBeVisible();
    const refusal = page.getByText('Not finalized: the session was already finalized or has expired').first().locator('..');
    await expect(refusal).toContainText('HTTP 409');
    await expect(refusal).toContainText(/Request ID: \S+/);
    await expect(page.getByRole('button', { name: 'Finalize session' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Drop CSV files here, or browse' })).toHaveCount(0);
    const patches = (await graphRequests(emulator)).filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.status)).toEqual([200, 409]);
  });

  test('deleted in another tab: Delete here gets the 404, and the page says the session no longer exists', async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^404 (DELETE|GET) \S+\/uploadSessions\/[^/?]+(\?\S*)?$/);
    const url = appUrl.session(catalogId, resourceId, sessionId);
    await page.goto(url);
    await signIn(page);
    await expect(page.getByRole('button', { name: 'Delete session' })).toBeEnabled();
    await inAnotherTab(page, url, async (other) => {
      await other.getByRole('button', { name: 'Delete session' }).click();
      await other.getByRole('dialog').getByRole('button', { name: 'Delete session' }).click();
      await expect(other.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeVisible();
    });

    await page.getByRole('button', { name: 'Delete session' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete session' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'This upload session no longer exists' })).toBeVisible();
    const refusal = page.getByText('Not deleted: the session no longer exists').first().locator('..');
    await expect(refusal).toContainText('HTTP 404');
    await expect(refusal).toContainText(/Request ID: \S+/);
    await expect(page.getByRole('button', { name: 'Delete session' })).toHaveCount(0);
    const deletes = (await graphRequests(emulator)).filter((r) => r.method === 'DELETE');
    expect(deletes.map((r) => r.status)).toEqual([204, 404]);
  });
});
