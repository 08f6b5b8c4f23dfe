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

/** What a test provokes on purpose; anything else on the console or the network fails it. */
interface NoiseAllowances {
  /** Console errors or warnings (or uncaught page errors) the test expects: each pattern must show at least once. */
  console: RegExp[];
  /** Failed requests the test provokes, matched against "404 GET https://…" or "net::ERR_FAILED POST https://…". */
  requests: RegExp[];
}

interface ConsoleFixtures {
  emulator: EmulatorControl;
  failOnCspViolation: void;
  noiseAllowances: NoiseAllowances;
  /** Declares console errors or warnings this test provokes on purpose (each must then appear). */
  expectConsole: (...patterns: RegExp[]) => void;
  /** Declares failed requests (status ≥ 400 or a network failure) this test provokes on purpose. */
  allowFailedRequests: (...patterns: RegExp[]) => void;
  failOnConsoleNoise: void;
}

export const test = base.extend<ConsoleFixtures>({
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
  noiseAllowances: async ({}, use) => {
    await use({ console: [], requests: [] });
  },
  expectConsole: async ({ noiseAllowances }, use) => {
    await use((...patterns) => noiseAllowances.console.push(...patterns));
  },
  allowFailedRequests: async ({ noiseAllowances }, use) => {
    await use((...patterns) => noiseAllowances.requests.push(...patterns));
  },
  // Every test doubles as a check that the console stays quiet: no React warning, no error, no failed request.
  failOnConsoleNoise: [
    async ({ context, noiseAllowances }, use) => {
      const messages: string[] = [];
      const failedRequests: string[] = [];
      const allowedRequest = (description: string) => noiseAllowances.requests.some((pattern) => pattern.test(description));
      context.on('console', (message) => {
        if (message.type() !== 'error' && message.type() !== 'warning') return;
        // Chromium's own line for a failed load repeats a failed request, which is judged below.
        if (/^Failed to load resource/.test(message.text())) return;
        messages.push(`${message.type()}: ${message.text()}`);
      });
      context.on('weberror', (error) => messages.push(`uncaught: ${error.error().message}`));
      context.on('response', (response) => {
        if (response.status() < 400) return;
        const description = `${response.status()} ${response.request().method()} ${response.url()}`;
        if (!allowedRequest(description)) failedRequests.push(description);
      });
      context.on('requestfailed', (request) => {
        const reason = request.failure()?.errorText ?? 'failed';
        // An abort is the app cancelling what it no longer needs (a query left behind by navigation), not a failure.
        if (reason === 'net::ERR_ABORTED') return;
        const description = `${reason} ${request.method()} ${request.url()}`;
        if (!allowedRequest(description)) failedRequests.push(description);
      });
      await use();
      const unexpected = messages.filter((text) => !noiseAllowances.console.some((pattern) => pattern.test(text)));
      const missing = noiseAllowances.console.filter((pattern) => !messages.some((text) => pattern.test(text)));
      // One assertion, so a failure lists every kind of noise at once.
      expect(
        { console: unexpected, failedRequests, declaredButNeverLogged: missing.map(String) },
        'console noise: declare what a test provokes on purpose with expectConsole / allowFailedRequests',
      ).toEqual({ console: [], failedRequests: [], declaredButNeverLogged: [] });
    },
    { auto: true },
  ],
});

export { expect };
