import { test as base, expect, type Page } from '@playwright/test';
import { demo } from '../emulator/test-support/demo';
import { EmulatorControl } from './emulator-control';

export { demo };

/** The demo users, with the names the user picker and the account menu show. */
export const demoUsers = {
  owner: { username: demo.users.megan, displayName: 'Megan Bowen' },
  reader: { username: demo.users.alex, displayName: 'Alex Wilber' },
  noRole: { username: demo.users.diego, displayName: 'Diego Siciliani' },
} as const;

export type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];

/** Signs in the way a person does: the landing page's button, then the emulator's user picker. */
export async function signIn(page: Page, user: DemoUser = demoUsers.owner) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: user.displayName }).click();
  await expect(page.getByRole('button', { name: `Account: ${user.displayName}` })).toBeVisible();
}

/**
 * Time passes for the emulator and the page alike: MSAL decides on renewal with the browser's clock, the emulator
 * checks `exp` with its own. The page's clock must have been installed (`page.clock.install()`) before it loaded.
 */
export async function advanceClocks(page: Page, emulator: EmulatorControl, seconds: number) {
  // The page's time stands still while the emulator's jumps: a timer firing in between (a page refreshing itself)
  // would send a token still fresh by the page's clock to an emulator that already finds it expired.
  const pageNow = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(pageNow + 1000);
  await emulator.advanceClock({ seconds });
  await page.clock.fastForward(seconds * 1000 - 1000);
  await page.clock.resume();
}

/** The app's page for a catalog, a resource or a session, built from demo ids. */
export const appUrl = {
  catalog: (catalogId: string) => `/catalogs/${catalogId}`,
  resource: (catalogId: string, resourceId: string) => `/catalogs/${catalogId}/resources/${resourceId}`,
  session: (catalogId: string, resourceId: string, sessionId: string) => `/catalogs/${catalogId}/resources/${resourceId}/sessions/${sessionId}`,
};

export const test = base.extend<{ emulator: EmulatorControl; failOnCspViolation: void }>({
  emulator: async ({}, use) => {
    const emulator = await EmulatorControl.create();
    await emulator.reset();
    await emulator.clearRequests();
    await use(emulator);
    await emulator.dispose();
  },
  // Every test doubles as a check of the strict Content-Security-Policy the preview serves.
  failOnCspViolation: [
    async ({ page }, use) => {
      const violations: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
      });
      await use();
      expect(violations, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
