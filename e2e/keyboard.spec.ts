import type { Locator, Page } from '@playwright/test';
import type { EmulatorControl } from './emulator-control';
import { demo, expect, signIn, test } from './fixtures';

/** Building Access › Badge Access Data, and the reviews that cover the catalog. */
const resourceId = demo.resources.badge;
/** Its Initializing instance has no Badge Access session yet: the one to create. */
const quarterly = { definitionId: demo.reviews.quarterly, instanceId: demo.instances.quarterlyOpen };
/** Its Initializing instance has an active session already. */
const weeklyDefinitionId = demo.reviews.weekly;
const fixture = (name: string) => `e2e/fixtures/${name}`;

const sessionsOfInstance = async (emulator: EmulatorControl, instanceId: string) =>
  (await emulator.state()).sessions.filter((s) => s.resourceId === resourceId && s.instanceId === instanceId);

/** The focused element in a few words, to say where the focus went instead. */
const describeFocus = (page: Page) =>
  page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return '<body>';
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 40) ?? '';
    return `<${element.tagName.toLowerCase()}${element.getAttribute('role') ? ` role=${element.getAttribute('role')}` : ''}> "${name}"`;
  });

/**
 * Presses `key` until `target` has the focus, at most `maxPresses` times. A control the keyboard cannot reach, or a
 * trap that holds the focus elsewhere, fails here with the path the focus took.
 */
async function pressUntilFocused(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', maxPresses = 25) {
  // The page must have drawn the control first: the tab order is only settled once it is there.
  await expect(target).toBeVisible();
  const path: string[] = [];
  for (let presses = 0; presses <= maxPresses; presses++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    if (presses === maxPresses) break;
    await page.keyboard.press(key);
    path.push(await describeFocus(page));
  }
  throw new Error(`${maxPresses} presses of ${key} never reached ${target}; the focus went to: ${path.join(' → ')}`);
}

/** The focus is on `target`, and shown: Fluent marks keyboard focus for its focus ring; other elements get an outline. */
async function expectVisibleFocus(target: Locator) {
  await expect(target).toBeFocused();
  const shown = await target.evaluate(
    (element) =>
      element.matches(':focus-visible') &&
      (element.hasAttribute('data-fui-focus-visible') || getComputedStyle(element).outlineStyle !== 'none'),
  );
  expect(shown, `${target} shows that it has the focus`).toBe(true);
}

interface Announcement {
  politeness: string;
  text: string;
}

/**
 * Records every text a live region takes, as a screen reader hears it, from the next page load on. Some live only
 * briefly (the upload panel empties its region after 5 s, Fluent's toast announcer after half a second), so waiting
 * for the text to be on the page could miss them.
 */
async function recordAnnouncements(page: Page) {
  await page.addInitScript(() => {
    const log: { politeness: string; text: string }[] = [];
    (window as unknown as { announcements: typeof log }).announcements = log;
    const seen = new WeakMap<Element, string>();
    const regions = '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]';
    new MutationObserver(() => {
      for (const region of document.querySelectorAll(regions)) {
        const text = (region.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text === (seen.get(region) ?? '')) continue;
        seen.set(region, text);
        const politeness = region.getAttribute('aria-live') ?? (region.getAttribute('role') === 'alert' ? 'assertive' : 'polite');
        if (text) log.push({ politeness, text });
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { announcements: Announcement[] }).announcements);
}

const announced = (text: string, politeness: 'polite' | 'assertive' = 'polite') => ({ politeness, text: expect.stringContaining(text) });

test('the whole upload flow works by keyboard alone, and its results are announced', async ({ page, emulator }) => {
  const announcements = await recordAnnouncements(page);
  const newSession = page.getByRole('button', { name: 'New upload session' });
  const dialog = page.getByRole('dialog', { name: 'New upload session' });
  const dropzone = page.getByRole('button', { name: 'Drop CSV files here, or browse' });
  const checked = page.getByRole('list', { name: 'Checked files' });
  const invalid = checked.getByRole('listitem', { name: 'entra-invalid-values.csv' });
  const finalize = page.getByRole('button', { name: 'Finalize session' });
  const confirm = page.getByRole('dialog', { name: 'Finalize this upload session?' });
  const heading = page.getByRole('heading', { level: 1, name: / · Instance \d+$/ });
  await page.goto('/');
  await signIn(page);
  // From here on, the keyboard only.

  await test.step('Catalogs › Building Access › Badge Access Data: each page starts at its heading, which screen readers read out', async () => {
    const catalogLink = page.getByRole('table', { name: 'Catalogs' }).getByRole('link', { name: 'Building Access' });
    await pressUntilFocused(page, catalogLink);
    await expectVisibleFocus(catalogLink);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Building Access' })).toBeFocused();

    const resourceLink = page.getByRole('table', { name: 'Custom data provided resources' }).getByRole('link', { name: 'Badge Access Data' });
    await pressUntilFocused(page, resourceLink);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1, name: 'Badge Access Data' })).toBeFocused();
  });

  await test.step('the dialog opens with the focus inside it; Escape closes it and gives the focus back to its button', async () => {
    await pressUntilFocused(page, newSession);
    await expectVisibleFocus(newSession);
    await page.keyboard.press('Space');
    await expectVisibleFocus(dialog.getByRole('tab', { name: 'Pick a review' }));
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expectVisibleFocus(newSession);
  });

  await test.step('a session is created with arrow keys, Tab, Space and Enter', async () => {
    await page.keyboard.press('Enter');
    await expect(dialog).toBeVisible();
    const review = dialog.getByRole('combobox', { name: 'Access review' });
    await pressUntilFocused(page, review);
    await expect(review).toHaveValue(quarterly.definitionId);
    const submit = dialog.locator('button[type=submit]');
    // Arrow keys change the review; the weekly one's open instance has a session already, so it would be opened.
    await page.keyboard.press('ArrowDown');
    await expect(review).toHaveValue(weeklyDefinitionId);
    await expect(dialog.getByText('This review instance already has an upload session')).toBeVisible();
    await expect(submit).toHaveText('Open session');
    await page.keyboard.press('ArrowUp');
    await expect(review).toHaveValue(quarterly.definitionId);
    await expect(submit).toHaveText('Create session');

    // Tab enters the instances on the one that takes data (the closed ones are disabled); Space picks it.
    const instance = dialog.getByRole('radio', { name: /Initializing/ });
    await pressUntilFocused(page, instance, 'Tab', 1);
    await page.keyboard.press('Space');
    await expect(instance).toBeChecked();
    await pressUntilFocused(page, submit);
    await page.keyboard.press('Enter');

    // The dialog and its page are gone: the focus lands on the new session's heading, not on <body>.
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}(\?|$)/);
    await expectVisibleFocus(heading);
    const created = await sessionsOfInstance(emulator, quarterly.instanceId);
    expect(created).toHaveLength(1);
    expect(page.url()).toContain(created[0]?.id ?? 'no session created');
  });

  await test.step('files are chosen from the drop area by keyboard, and their checks are announced', async () => {
    // The upload panel's live region is there, empty, before anything happens: screen readers only hear changes.
    const uploadStatus = page.locator('section[aria-labelledby="upload-heading"]').getByRole('status');
    await expect(uploadStatus).toBeEmpty();
    await expect(uploadStatus).toHaveAttribute('aria-live', 'polite');

    // Space on the drop area opens the file chooser, as a click would.
    await pressUntilFocused(page, dropzone);
    const chooser = page.waitForEvent('filechooser');
    // Also a round trip to the browser: Playwright intercepts the chooser from here on, before the key is pressed.
    await expectVisibleFocus(dropzone);
    await page.keyboard.press('Space');
    const fileChooser = await chooser;
    expect(fileChooser.isMultiple()).toBe(true);
    await fileChooser.setFiles([fixture('badge-access-1.csv'), fixture('entra-invalid-values.csv')]);

    await expect(invalid).toContainText('Invalid: 6 errors');
    await expect(invalid).toContainText("line 3, column 1 (PrincipalId): 'not-a-guid' is not an Entra object ID");
    await expect(checked.getByRole('listitem', { name: 'badge-access-1.csv' })).toContainText('Valid: 5 rows');
    await expect.poll(announcements).toContainEqual(announced('badge-access-1.csv: Valid: 5 rows.'));
    await expect
      .poll(announcements)
      .toContainEqual(
        announced("entra-invalid-values.csv: Invalid: 6 errors. First error, line 3, column 1 (PrincipalId): 'not-a-guid' is not an Entra object ID"),
      );
    // Choosing files leaves the focus where it was.
    await expect(dropzone).toBeFocused();
  });

  await test.step('only the valid file is offered; the button keeps the focus once its file has gone to the queue', async () => {
    const uploadButton = page.getByRole('button', { name: 'Upload 1 file' });
    await pressUntilFocused(page, uploadButton);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'badge-access-1.csv' })).toContainText('Uploaded');
    const nothingToUpload = page.getByRole('button', { name: 'No file ready to upload' });
    await expect(nothingToUpload).toBeDisabled();
    await expect(nothingToUpload).toBeFocused();
    await expect(invalid).toBeVisible();
    await expect.poll(announcements).toContainEqual(announced('1 file queued for upload.'));
    await expect.poll(announcements).toContainEqual(announced('badge-access-1.csv uploaded.'));
  });

  await test.step('back up to "Finalize session", enabled now that the session has a file; Escape cancels', async () => {
    await expect(finalize).not.toHaveAttribute('aria-disabled', 'true');
    await pressUntilFocused(page, finalize, 'Shift+Tab');
    await expectVisibleFocus(finalize);
    await page.keyboard.press('Enter');
    await expect(confirm.getByRole('list', { name: 'Files to finalize' }).getByRole('listitem')).toHaveText([/^badge-access-1\.csv \(/]);
    await expectVisibleFocus(confirm.getByRole('button', { name: 'Cancel' }));
    await page.keyboard.press('Escape');
    await expect(confirm).toBeHidden();
    await expectVisibleFocus(finalize);
    expect((await sessionsOfInstance(emulator, quarterly.instanceId))[0]?.status).toBe('active');
  });

  await test.step('Enter confirms: the session reads complete and the focus, whose buttons went away, is on the heading', async () => {
    await page.keyboard.press('Enter');
    const confirmButton = confirm.getByRole('button', { name: 'Finalize session' });
    await expect(confirmButton).toBeEnabled();
    await pressUntilFocused(page, confirmButton);
    await page.keyboard.press('Enter');

    await expect(page.getByText('This session is finalized and read-only')).toBeVisible();
    await expect(finalize).toHaveCount(0);
    await expect(dropzone).toHaveCount(0);
    await expectVisibleFocus(heading);
    // Fluent's toaster says a success toast assertively.
    await expect.poll(announcements).toContainEqual(announced('Session finalized: the review has its data.', 'assertive'));
    // What is left in the header: the evidence (on every session page), then Refresh.
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page.getByRole('button', { name: 'Download evidence' }));
    await page.keyboard.press('Tab');
    await expectVisibleFocus(page.getByRole('button', { name: 'Refresh' }));
  });

  const [session] = await sessionsOfInstance(emulator, quarterly.instanceId);
  expect(session?.status).toBe('complete');
  expect(session?.files.map((file) => file.name)).toEqual(['badge-access-1.csv']);
  const uploads = (await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));
  expect(uploads.map((r) => r.status)).toEqual([200]);
});
