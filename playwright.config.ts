import { fileURLToPath } from 'node:url';
import { defineConfig } from '@playwright/test';
import { emulatorPort, emulatorUrl, previewPort } from './e2e/ports';

/** The repository root, so e2e/screenshots.config.ts (which extends this one) builds and writes in the same places. */
const root = fileURLToPath(new URL('.', import.meta.url));

/** Debian's Chromium by default; CHROMIUM_PATH points elsewhere, and CHROMIUM_PATH= (empty) uses Playwright's own. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Each suite builds into its own folder, so suites on other ports never overwrite each other's build.
const outDir = `node_modules/.e2e-dist/${previewPort}`;

export default defineConfig({
  testDir: `${root}e2e`,
  // The screenshots are `npm run screenshots`' (e2e/screenshots.config.ts): a test run leaves the working tree as it was.
  testIgnore: 'screenshots.spec.ts',
  // Per port too: a suite wipes its output folder when it starts.
  outputDir: `${root}test-results/${previewPort}`,
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
      cwd: root,
      env: { EMULATOR_PORT: String(emulatorPort) },
      url: `${emulatorUrl}/_emulator/info`,
      reuseExistingServer: false,
      stdout: 'ignore',
    },
    {
      // End-to-end tests run against the production build, exactly what gets hosted.
      command: `npx vite build --logLevel warn --outDir ${outDir} && npx vite preview --outDir ${outDir} --port ${previewPort} --strictPort`,
      cwd: root,
      env: { EMULATOR_PORT: String(emulatorPort) },
      url: `http://localhost:${previewPort}`,
      reuseExistingServer: false,
      timeout: 240_000,
    },
  ],
});
