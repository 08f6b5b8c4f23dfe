// The views under Graph's real latency: the emulator delays every Graph request by 150 ms (POST /_emulator/latency), as
// Graph's 100 to 300 ms. Prints one JSON line: for each view, from navigation start (a full load, signed in, token
// cached, HTTP cache warm) to the frame after its content shows, the median of 3 loads, with that load's Graph
// requests (Resource Timing on the emulator's origin: $batch counts once, CORS preflights not at all) and sequential
// round trips (the longest chain of Graph requests each started after the one before it ended).
// catalogs  the catalogs list shows Building Access
// catalog   Building Access with 50 more custom data provided resources (52 in all: the demo seed's two and 50 copies of
//           Badge Access Data, the emulator's EMULATOR_EXTRA_RESOURCES=50), every row with its session summary (no
//           "Loading sessions" left)
// resource  Badge Access Data's first 20 upload sessions
// session   the active Badge Access Data session's Files table with its rows
import { badgePath, demo } from './lib/demo-ids.mjs';
import { buildUnlessAsked, logger, median, signIn, whenReady, withAppAndEmulator } from './lib/harness.mjs';

const latencyMs = 150;
const runs = 3;
const extraResources = 50;
const log = logger('latency');

const views = {
  catalogs: {
    path: '/',
    ready: `() => [...document.querySelectorAll('table[aria-label="Catalogs"] a')].some((a) => a.textContent.includes('Building Access'))`,
  },
  catalog: {
    path: `/catalogs/${demo.catalogs.buildingAccess}`,
    ready: `() => {
      const table = document.querySelector('table[aria-label="Custom data provided resources"]');
      if (table?.textContent.includes('could not')) return true; // A failure ends the wait; measure() then throws.
      return table !== null && table.querySelectorAll('tbody tr').length >= ${extraResources + 2} && !table.querySelector('[aria-label="Loading sessions"]');
    }`,
  },
  resource: {
    path: badgePath,
    ready: `() => {
      const table = document.querySelector('table[aria-label="Upload sessions"]');
      return table !== null && table.getAttribute('aria-busy') !== 'true' && table.querySelectorAll('tbody tr').length >= 20;
    }`,
  },
  session: {
    path: `${badgePath}/sessions/${demo.sessions.badgeActive}`,
    ready: `() => {
      const table = document.querySelector('table[aria-label="Files"]');
      return table !== null && table.getAttribute('aria-busy') !== 'true' && table.querySelector('tbody tr') !== null;
    }`,
  },
};

/** Page code: the Graph requests made by `ms` and the longest chain of them, each starting after the one before ended. */
const graphFigures = (emulatorUrl) => `(ms) => {
  const entries = performance.getEntriesByType('resource')
    .filter((entry) => entry.name.startsWith(${JSON.stringify(emulatorUrl)} + '/v1.0/') || entry.name.startsWith(${JSON.stringify(emulatorUrl)} + '/beta/'))
    .filter((entry) => entry.startTime <= ms)
    .sort((a, b) => a.startTime - b.startTime);
  const depth = entries.map(() => 1);
  entries.forEach((entry, i) => {
    for (let j = 0; j < i; j++) if (entries[j].responseEnd <= entry.startTime) depth[i] = Math.max(depth[i], depth[j] + 1);
  });
  return { ms, requests: entries.length, roundTrips: Math.max(0, ...depth), urls: entries.map((e) => e.name.slice(${JSON.stringify(emulatorUrl)}.length, ${JSON.stringify(emulatorUrl)}.length + 90) + ' ' + Math.round(e.startTime) + '–' + Math.round(e.responseEnd) + ' ms') };
}`;

async function measure(page, baseUrl, emulatorUrl, view) {
  await page.goto(`${baseUrl}${view.path}`, { waitUntil: 'commit' });
  const figures = await page.evaluate(`${whenReady(view.ready)}.then(${graphFigures(emulatorUrl)})`);
  const failed = await page.getByText(/could not be/).allTextContents();
  if (failed.length > 0) throw new Error(`The ${view.path} page shows errors: ${failed.join('; ')}`);
  return figures;
}

async function main() {
  buildUnlessAsked(log);
  const figures = await withAppAndEmulator({ extraResources }, async ({ emulatorUrl, baseUrl, browser }) => {
    const page = await browser.newPage();
    await signIn(page, baseUrl);
    const set = await fetch(`${emulatorUrl}/_emulator/latency`, { method: 'POST', body: JSON.stringify({ ms: latencyMs }) });
    if (!set.ok) throw new Error(`The emulator refused the latency: ${set.status}`);
    const result = {};
    for (const [name, view] of Object.entries(views)) {
      await measure(page, baseUrl, emulatorUrl, view); // Warms the HTTP cache and the token.
      const loads = [];
      for (let run = 0; run < runs; run++) loads.push(await measure(page, baseUrl, emulatorUrl, view));
      const middle = loads.find((load) => load.ms === median(loads.map((l) => l.ms)));
      log(`${name}: ${loads.map((l) => Math.round(l.ms)).join(', ')} ms; ${middle.requests} requests, ${middle.roundTrips} round trips: ${middle.urls.join(' | ')}`);
      result[name] = { ms: Math.round(middle.ms), requests: middle.requests, roundTrips: middle.roundTrips };
    }
    return result;
  });
  console.log(JSON.stringify({ bench: 'latency', latencyMs, views: figures }));
}

await main();
