// The production build against the emulator, in Chromium: the sign-in page's largest contentful paint, navigation to
// the sessions table's rows (signed in), and a click on a files column header to the re-sorted rows of a 5,000-file
// session. The median of five runs each. Prints one JSON line.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { badgePath, demo } from './lib/demo-ids.mjs';
import { buildUnlessAsked, logger, median, signIn, whenReady, withAppAndEmulator } from './lib/harness.mjs';

// Beside the build, not in it: the build empties its folder, and preview would serve the seed.
const seedPath = 'node_modules/.bench-seed/seed-5000.json';
const fileCount = 5000;
const runs = 5;
/** The demo seed's complete session with generated files (2,500 there, 5,000 here), in Badge Access Data. */
const bigSessionId = demo.sessions.big;

const log = logger('pages');

/** The demo seed with its generated session grown to 5,000 files. */
function writeSeed() {
  const seed = JSON.parse(readFileSync('emulator/seed/demo-seed.json', 'utf8'));
  const session = seed.uploadSessions.find((s) => s.id === bigSessionId);
  if (!session?.generateFiles) throw new Error(`The demo seed has no session ${bigSessionId} with generated files`);
  session.generateFiles.count = fileCount;
  mkdirSync('node_modules/.bench-seed', { recursive: true });
  writeFileSync(seedPath, JSON.stringify(seed));
}

/** The largest contentful paint of a cold, signed-out load of the landing page. */
async function signInPageLcp(browser, baseUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(baseUrl);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  await page.waitForLoadState('networkidle');
  const lcp = await page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        new PerformanceObserver((list) => resolve(list.getEntries().at(-1).startTime)).observe({ type: 'largest-contentful-paint', buffered: true });
        setTimeout(() => reject(new Error('No largest-contentful-paint entry')), 5000);
      }),
  );
  await context.close();
  return lcp;
}

const sessionRowsShown = `() => {
  const table = document.querySelector('table[aria-label="Upload sessions"]');
  return table !== null && table.getAttribute('aria-busy') !== 'true' && table.querySelectorAll('tbody tr').length >= 20;
}`;

const filesSortedByName = (first) => `() => {
  const table = document.querySelector('table[aria-label="Files"]');
  return table !== null && table.getAttribute('aria-busy') !== 'true'
    && table.querySelector('th[aria-sort="ascending"]')?.textContent === 'Name'
    // The name cell also holds the upload time, shown under the name on narrow screens.
    && table.querySelector('tbody tr td')?.textContent?.startsWith(${JSON.stringify(`${first}Uploaded `)});
}`;

/** From the navigation's start (performance.now()'s origin) to the first page of sessions on screen. */
async function sessionsTable(page, resourceUrl) {
  await page.goto(resourceUrl);
  return page.evaluate('window.__sessionRowsShown');
}

/** From the click on the Name header to the 5,000 files' first page, re-sorted by Graph, on screen. */
async function filesSort(page, sessionUrl, firstByName) {
  await page.goto(sessionUrl);
  await page.getByRole('table', { name: 'Files' }).locator('tbody tr').first().waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(`window.__sorted = Promise.all([
    new Promise((resolve) => document.addEventListener('click', () => resolve(performance.now()), { capture: true, once: true })),
    ${whenReady(filesSortedByName(firstByName))},
  ]).then(([clicked, shown]) => shown - clicked); undefined`);
  await page.getByRole('button', { name: 'Name', exact: true }).click();
  return page.evaluate('window.__sorted');
}

async function main() {
  buildUnlessAsked(log);
  writeSeed();
  await withAppAndEmulator({ seedPath }, async ({ emulatorUrl, baseUrl, browser }) => {
    const state = await (await fetch(`${emulatorUrl}/_emulator/state`)).json();
    const files = state.sessions.find((s) => s.id === bigSessionId).files;
    if (files.length !== fileCount) throw new Error(`The big session has ${files.length} files, not ${fileCount}`);
    // Graph's order: ordinal, as the emulator sorts.
    const firstByName = files.map((f) => f.name).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))[0];

    const lcp = [];
    for (let run = 0; run < runs; run++) lcp.push(await signInPageLcp(browser, baseUrl));
    log(`sign-in page LCP: ${lcp.map(Math.round).join(', ')} ms`);

    // Tokens live in the tab's sessionStorage: one page, signed in once, reloaded for each run.
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl);

    const resourceUrl = `${baseUrl}${badgePath}`;
    // Watches from the navigation's start, on the resource page only.
    await page.addInitScript(`if (location.pathname === '${badgePath}') window.__sessionRowsShown = ${whenReady(sessionRowsShown)};`);
    const table = [];
    for (let run = 0; run < runs; run++) table.push(await sessionsTable(page, resourceUrl));
    log(`navigation to the sessions table: ${table.map(Math.round).join(', ')} ms`);

    const sort = [];
    for (let run = 0; run < runs; run++) sort.push(await filesSort(page, `${resourceUrl}/sessions/${bigSessionId}`, firstByName));
    log(`files sort (${fileCount} files): ${sort.map(Math.round).join(', ')} ms`);
    await context.close();

    console.log(
      JSON.stringify({
        bench: 'pages',
        signInPageLcpMs: Math.round(median(lcp)),
        sessionsTableMs: Math.round(median(table)),
        filesSortMs: Math.round(median(sort)),
        rows: files.length,
      }),
    );
  });
}

await main();
