import { test as base, expect, type Page } from '@playwright/test';
import { EmulatorControl } from './emulator-control';

export const demoUsers = {
  owner: { username: 'megan.bowen@contoso.example', displayName: 'Megan Bowen' },
  reader: { username: 'alex.wilber@contoso.example', displayName: 'Alex Wilber' },
  noRole: { username: 'diego.siciliani@contoso.example', displayName: 'Diego Siciliani' },
} as const;

export type DemoUser = (typeof demoUsers)[keyof typeof demoUsers];

/** Signs in the way a person does: the landing page's button, then the emulator's user picker. */
export async function signIn(page: Page, user: DemoUser = demoUsers.owner) {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: user.displayName }).click();
  await expect(page.getByRole('button', { name: `Account: ${user.displayName}` })).toBeVisible();
}

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
