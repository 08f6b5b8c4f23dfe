import type { Page } from '@playwright/test';
import { advanceClocks, appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/**
 * The opt-in browser notifications of review readiness. The page's Notification API is replaced by a recorder before
 * the app loads, so the test sees what the app asks the browser for and what it would show; time moves with the
 * emulator's clock (and the page's, where the countdown matters).
 */
interface Recorded {
  permissionRequests: number;
  shown: { title: string; body?: string }[];
}

async function recordNotifications(page: Page) {
  await page.addInitScript(() => {
    const record = { permissionRequests: 0, shown: [] as { title: string; body?: string }[] };
    (window as unknown as { notifications: typeof record }).notifications = record;
    class RecordingNotification {
      static permission: NotificationPermission = 'default';
      static async requestPermission(): Promise<NotificationPermission> {
        record.permissionRequests++;
        RecordingNotification.permission = 'granted';
        return 'granted';
      }
      constructor(title: string, options?: NotificationOptions) {
        record.shown.push({ title, body: options?.body });
      }
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true });
  });
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { notifications: Recorded }).notifications);
const notifySwitch = (page: Page) => page.getByRole('switch', { name: /^Notify me when a window opens/ }).first();

test.describe('readiness notifications', () => {
  test('the browser is asked only once the owner turns them on; a window that opens is told once', async ({ page, emulator }) => {
    await recordNotifications(page);
    await page.goto(appUrl.catalog(demo.catalogs.salesTools));
    await signIn(page, demoUsers.reader);
    const partners = 'Sales Tools – weekly partner access attestation';
    await expect(page.getByRole('article', { name: partners }).first()).toContainText('Window opens in');
    expect(await recorded(page)).toEqual({ permissionRequests: 0, shown: [] });

    await notifySwitch(page).click();
    await expect(notifySwitch(page)).toBeChecked();
    expect((await recorded(page)).permissionRequests).toBe(1);
    expect((await recorded(page)).shown).toEqual([]);

    await emulator.advanceClock({ minutes: 41 });
    const refresh = page.getByRole('button', { name: 'Refresh reviews' });
    await refresh.click();
    await expect.poll(async () => (await recorded(page)).shown.map((n) => n.title)).toEqual([`Upload window open: ${partners}`]);
    expect((await recorded(page)).shown[0]?.body).toContain('CRM Territory Assignments');
    await refresh.click();
    await expect(page.getByRole('article', { name: partners }).first()).toBeVisible();
    expect((await recorded(page)).shown, 'told once').toHaveLength(1);
  });

  test('15 minutes before a window closes with a session not finalized, the owner is told', async ({ page, emulator }) => {
    await recordNotifications(page);
    await page.clock.install();
    await page.goto(appUrl.catalog(demo.catalogs.buildingAccess));
    await signIn(page);
    const weekly = 'Building Access – weekly badge attestation';
    // The weekly window has about 20 minutes left, and Badge Access Data's session there is active.
    await expect(page.getByRole('article', { name: weekly }).first()).toContainText(/\d+ min left/);
    await notifySwitch(page).click();
    await expect(notifySwitch(page)).toBeChecked();
    expect((await recorded(page)).shown).toEqual([]);

    await advanceClocks(page, emulator, 6 * 60);
    await expect
      .poll(async () => (await recorded(page)).shown.map((n) => n.title))
      .toContainEqual(expect.stringMatching(new RegExp(`^1[0-4] min left: ${weekly}$`)));
    const told = (await recorded(page)).shown.find((n) => n.title.endsWith(weekly));
    expect(told?.body).toContain('Badge Access Data');
  });
});
