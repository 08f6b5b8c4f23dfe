// The demo as a newcomer opens it: a full load (a reload, signed in) of a session page, in the production build served
// by `vite preview` (the build and server `npm start` runs) and, for comparison, in the Vite dev server (`npm run dev`),
// both against the emulator, in Chromium. Two sessions of the demo seed, both in Badge Access Data: the complete one
// with 2,500 generated files, and the active one with four files. The median of five reloads each, from the
// navigation's start to the frame after the Files table shows its rows; the same-origin requests the page made by
// then (for the dev server, one a module). Prints one JSON line.
import { badgePath, demo } from './lib/demo-ids.mjs';
import { buildUnlessAsked, logger, median, signIn, whenReady, withAppAndEmulator } from './lib/harness.mjs';

const runs = 5;
const log = logger('demo');

const filesShown = `() => {
  const table = document.querySelector('table[aria-label="Files"]');
  return table !== null && table.getAttribute('aria-busy') !== 'true' && table.querySelector('tbody tr') !== null;
}`;

/**
 * Watches every session page from its navigation's start: the time to the files on screen, and the requests to the
 * app's own server up to then (Resource Timing, which lists memory- and HTTP-cache hits too).
 */
const watchSessionPage = `if (location.pathname.includes('/sessions/')) {
  window.__sessionShown = ${whenReady(filesShown)}.then((ms) => ({
    ms,
    requests: performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(location.origin)).length,
  }));
}`;

/** The median of `runs` reloads of one session page (after a first load, not counted, that warms the caches). */
async function reloads(page, url) {
  await page.goto(url);
  await page.evaluate('window.__sessionShown');
  const shown = [];
  for (let run = 0; run < runs; run++) {
    await page.reload();
    shown.push(await page.evaluate('window.__sessionShown'));
  }
  return { ms: shown.map((s) => s.ms), requests: median(shown.map((s) => s.requests)) };
}

/** Both session pages on one server, in one signed-in tab (the tokens live in its sessionStorage). */
async function measure(browser, origin, label) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await signIn(page, origin);
    await page.addInitScript(watchSessionPage);
    const big = await reloads(page, `${origin}${badgePath}/sessions/${demo.sessions.big}`);
    const active = await reloads(page, `${origin}${badgePath}/sessions/${demo.sessions.badgeActive}`);
    log(`${label}, 2,500-file session: ${big.ms.map(Math.round).join(', ')} ms, ${big.requests} requests`);
    log(`${label}, active session: ${active.ms.map(Math.round).join(', ')} ms, ${active.requests} requests`);
    return { bigMs: Math.round(median(big.ms)), activeMs: Math.round(median(active.ms)), requests: big.requests };
  } finally {
    await context.close();
  }
}

async function main() {
  buildUnlessAsked(log);
  await withAppAndEmulator({ devServer: true }, async ({ baseUrl, devUrl, browser }) => {
    const preview = await measure(browser, baseUrl, 'preview');
    const dev = await measure(browser, devUrl, 'dev server');
    console.log(
      JSON.stringify({
        bench: 'demo',
        sessionPageMs: preview.bigMs,
        activeSessionPageMs: preview.activeMs,
        requests: preview.requests,
        devSessionPageMs: dev.bigMs,
        devActiveSessionPageMs: dev.activeMs,
        devRequests: dev.requests,
      }),
    );
  });
}

await main();
