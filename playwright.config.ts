import { defineConfig } from '@playwright/test';

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere, and CHROMIUM_PATH= (empty) uses Playwright's own. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const emulatorPort = 4011;
const previewPort = 4174;

export default defineConfig({
  testDir: 'e2e',
  // One emulator holds the state every test resets: run the specs one after another.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['line']] : [['list']],
  use: {
    baseURL: `http://localhost:${previewPort}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: executablePath || undefined,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: 'npm run emulator',
      env: { EMULATOR_PORT: String(emulatorPort) },
      url: `http://localhost:${emulatorPort}/_emulator/info`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // End-to-end tests run against the production build, exactly what gets hosted.
      command: `npx vite build --logLevel warn && npx vite preview --port ${previewPort} --strictPort`,
      env: { EMULATOR_PORT: String(emulatorPort) },
      url: `http://localhost:${previewPort}`,
      reuseExistingServer: false,
      timeout: 240_000,
    },
  ],
});
