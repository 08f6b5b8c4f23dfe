import type { Page } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** Badge Access Data in Building Access. */
const catalogId = demo.catalogs.buildingAccess;
const resourceId = demo.resources.badge;
const resourceUrl = appUrl.resource(catalogId, resourceId);
/** Quarterly review: its Initializing instance has no Badge Access session yet. */
const quarterly = { definitionId: demo.reviews.quarterly, instanceId: demo.instances.quarterlyOpen };
/** Weekly review: its Initializing instance has the active session below. */
const weekly = { definitionId: demo.reviews.weekly, instanceId: demo.instances.weeklyOpen };
const activeSessionId = demo.sessions.badgeActive;
const sessionUrl = (id: string) => appUrl.session(catalogId, resourceId, id);

const sessions = async (emulator: EmulatorControl) => (await emulator.state()).sessions.filter((s) => s.resourceId === resourceId);

const createRequests = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadSessions'));

async function openNewSessionDialog(page: Page) {
  await page.goto(resourceUrl);
  await signIn(page);
  await page.getByRole('button', { name: 'New upload session' }).click();
  const dialog = page.getByRole('dialog', { name: 'New upload session' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe('creating, finalizing and deleting upload sessions', () => {
  test('a session is created by picking the review instance in its upload window', async ({ page, emulator }) => {
    const dialog = await openNewSessionDialog(page);

    await test.step('only the instance in its upload window can be chosen; the others say why not', async () => {
      await expect(dialog.getByLabel('Access review')).toHaveValue(quarterly.definitionId);
      await expect(dialog.getByRole('radio', { name: /Applied/ })).toBeDisabled();
      await expect(dialog.getByText('Window closed: the review is past initializing').first()).toBeVisible();
      await expect(dialog.getByRole('radio', { name: /Initializing/ })).toBeEnabled();
      await expect(dialog.getByText(/1 h 4\d min left to upload/)).toBeVisible();
    });

    await test.step('the session is created, once, and opened', async () => {
      await dialog.getByRole('radio', { name: /Initializing/ }).check();
      await dialog.getByRole('button', { name: 'Create session' }).click();
      await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}(\?|$)/);
      await expect(page.getByText('Upload window: 1 h 4')).toBeVisible();
      const created = (await sessions(emulator)).filter((s) => s.instanceId === quarterly.instanceId);
      expect(created).toHaveLength(1);
      expect(created[0]).toMatchObject({ status: 'active', definitionId: quarterly.definitionId });
      expect(page.url()).toContain(created[0]?.id ?? 'missing');
      expect((await createRequests(emulator)).map((r) => r.status)).toEqual([201]);
      // An empty session cannot be finalized yet.
      await expect(page.getByRole('button', { name: 'Finalize session' })).toHaveAttribute('aria-disabled', 'true');
    });
  });

  test('an instance that has a session already opens it instead of creating a second; IDs can be pasted', async ({ page, emulator }) => {
    const dialog = await openNewSessionDialog(page);
    await dialog.getByRole('tab', { name: 'Enter IDs' }).click();
    await dialog.getByLabel('Access review ID').fill('not an id');
    await dialog.getByRole('button', { name: 'Create session' }).click();
    await expect(dialog.getByText('Enter an object ID like')).toHaveCount(2);

    await dialog.getByLabel('Access review ID').fill(weekly.definitionId);
    await dialog.getByLabel('Review instance ID').fill(weekly.instanceId);
    await expect(dialog.getByText('This review instance already has an upload session (active')).toBeVisible();
    await dialog.getByRole('button', { name: 'Open session' }).click();

    await expect(page).toHaveURL(new RegExp(`${sessionUrl(activeSessionId)}(\\?|$)`));
    expect(await createRequests(emulator)).toHaveLength(0);
    expect((await sessions(emulator)).filter((s) => s.instanceId === weekly.instanceId)).toHaveLength(1);
  });

  test("Graph's 409 is explained as the one-session rule, with its code and request id", async ({ page, emulator, allowFailedRequests }) => {
    allowFailedRequests(/^409 POST \S+\/uploadSessions$/);
    await emulator.addFault({ method: 'POST', path: 'uploadSessions$', status: 409, body: { code: 'conflict', message: 'A session exists.' } });
    const dialog = await openNewSessionDialog(page);
    await dialog.getByRole('radio', { name: /Initializing/ }).check();
    await dialog.getByRole('button', { name: 'Create session' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert).toContainText('A review instance can have only one upload session for this resource');
    await expect(alert).toContainText('HTTP 409 · Code: conflict');
    await expect(alert).toContainText('Request ID:');
    await expect(page).toHaveURL(new RegExp(`${resourceUrl}(\\?|$)`));
  });

  test('finalizing asks first, lists the files, and leaves a read-only completed session', async ({ page, emulator }) => {
    await page.goto(sessionUrl(activeSessionId));
    await signIn(page);
    const finalize = page.getByRole('button', { name: 'Finalize session' });
    const dialog = page.getByRole('dialog', { name: 'Finalize this upload session?' });

    await test.step('the confirmation says what finalizing means and lists the files', async () => {
      await finalize.click();
      await expect(dialog).toContainText('No further files can be uploaded to this session');
      await expect(dialog).toContainText('No new session can be created for this review instance');
      await expect(dialog).toContainText('The review moves on');
      const files = dialog.getByRole('list', { name: 'Files to finalize' });
      await expect(files.getByRole('listitem')).toHaveCount(4);
      await expect(files).toContainText("O'Brien badge export.csv");
      await expect(dialog).toContainText('4 files');
    });

    await test.step('Cancel keeps everything as it was, and gives the focus back to the button', async () => {
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await expect(dialog).toBeHidden();
      await expect(finalize).toBeFocused();
      expect((await emulator.session(activeSessionId))?.status).toBe('active');
    });

    await test.step('confirming leaves a read-only completed session', async () => {
      await finalize.click();
      await dialog.getByRole('button', { name: 'Finalize session' }).click();
      await expect(page.getByText('This session is finalized and read-only')).toBeVisible();
      await expect(page.getByRole('button', { name: 'Finalize session' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Delete session' })).toHaveCount(0);
      await expect(page.getByRole('button', { name: 'Drop CSV files here, or browse' })).toHaveCount(0);
      expect((await emulator.session(activeSessionId))?.status).toBe('complete');
      const patches = (await emulator.requests()).filter((r) => r.method === 'PATCH');
      expect(patches.map((r) => r.status)).toEqual([200]);
    });
  });

  test('an active session is deleted after a confirmation naming it', async ({ page, emulator }) => {
    await page.goto(sessionUrl(activeSessionId));
    await signIn(page);
    await page.getByRole('button', { name: 'Delete session' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this upload session?' });
    // Named by its review and instance, with the instance id beside them.
    await expect(dialog).toContainText(new RegExp(`for Building Access – weekly badge attestation · Instance \\d+ \\(instance ID ${weekly.instanceId}\\)`));
    await expect(dialog).toContainText('with its 4 uploaded files');
    await dialog.getByRole('button', { name: 'Delete session' }).click();

    await expect(page).toHaveURL(new RegExp(`${resourceUrl}(\\?|$)`));
    await expect(page.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeVisible();
    expect(await emulator.session(activeSessionId)).toBeUndefined();
  });
});
