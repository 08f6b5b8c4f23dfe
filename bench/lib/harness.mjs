// What every browser benchmark needs: the production build, the emulator and `vite preview` (and, when asked, the Vite
// dev server) on free ports (stopped with the benchmark), and Chromium launched as playwright.config.ts launches it.
import { chromium } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** BENCH_DIST= another build to measure (e.g. an older commit's, built beside it), with --no-build. */
export const outDir = process.env.BENCH_DIST || 'node_modules/.bench-dist';

// The browser and flags of playwright.config.ts: CHROMIUM_PATH= (empty) uses Playwright's own Chromium.
const executablePath = (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium') || undefined;
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Progress on stderr, so stdout keeps its one JSON line. */
export const logger = (bench) => (message) => console.error(`[${bench}] ${message}`);

/** Builds into outDir unless the command line says --no-build. */
export function buildUnlessAsked(log) {
  if (process.argv.includes('--no-build')) return;
  log?.('building');
  execFileSync('npx', ['vite', 'build', '--logLevel', 'error', '--outDir', outDir], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer().once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const children = [];
/** Its own process group, so npx and what it starts stop together. */
function start(command, args, env) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  children.push(child);
  return () => stderr;
}
function stopChildren() {
  for (const child of children.splice(0)) {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopChildren();
    process.exit(1);
  });
}

async function waitForUrl(url, stderr) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within 60 s\n${stderr()}`);
}

/**
 * Runs `body({ emulatorUrl, baseUrl, devUrl, browser })` with the emulator (seeded from `seedPath` when given, with
 * `extraResources` more custom data provided resources: EMULATOR_EXTRA_RESOURCES, emulator/README.md),
 * `vite preview` of outDir, the Vite dev server too when `devServer` is set, and Chromium, and stops them all
 * afterwards, whatever happens.
 */
export async function withAppAndEmulator({ seedPath, extraResources, devServer = false } = {}, body) {
  const [emulatorPort, previewPort, devPort] = [await freePort(), await freePort(), await freePort()];
  const emulatorUrl = `http://localhost:${emulatorPort}`;
  const baseUrl = `http://localhost:${previewPort}`;
  const devUrl = devServer ? `http://localhost:${devPort}` : undefined;
  const env = {
    EMULATOR_PORT: String(emulatorPort),
    ...(seedPath ? { EMULATOR_SEED: seedPath } : {}),
    ...(extraResources ? { EMULATOR_EXTRA_RESOURCES: String(extraResources) } : {}),
  };
  let browser;
  try {
    const emulatorErr = start('npx', ['tsx', 'emulator/main.ts'], env);
    const previewErr = start('npx', ['vite', 'preview', '--outDir', outDir, '--port', String(previewPort), '--strictPort'], env);
    const devErr = devServer && start('npx', ['vite', '--port', String(devPort), '--strictPort'], env);
    await waitForUrl(`${emulatorUrl}/_emulator/info`, emulatorErr);
    await waitForUrl(baseUrl, previewErr);
    if (devUrl) await waitForUrl(devUrl, devErr);
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    return await body({ emulatorUrl, baseUrl, devUrl, browser });
  } finally {
    await browser?.close();
    stopChildren();
  }
}

/**
 * Page code, as text (evaluated through the DevTools protocol, so the strict CSP's ban on eval does not apply):
 * resolves with performance.now() in the frame after `ready` first holds, when the rows are in the DOM and painted.
 */
export const whenReady = (ready) => `new Promise((resolve) => {
  const check = () => {
    if (!(${ready})()) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve(performance.now()));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  check();
})`;

/** Signs a page in as a demo user through the emulator's user picker. */
export async function signIn(page, baseUrl, userName = 'Megan Bowen') {
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: userName }).click();
  await page.getByRole('button', { name: `Account: ${userName}` }).waitFor();
}
