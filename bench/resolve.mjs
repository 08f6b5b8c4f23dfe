// Resolving people through Graph (issue 13): an export of 20,000 distinct emails and 5,000 object ids goes through the
// prepare dialog's "Resolve people" step in Chromium, against the emulator with 100 ms of latency per Graph request.
// Prints one JSON line: the Graph requests sent (Resource Timing on the emulator's origin: a $batch counts once, CORS
// preflights not at all), the fewest the limits allow (20,000 / 300 batches of 20 filters of 15, plus 5,000 / 1,000
// getByIds calls), the seconds from "Look up people" to the outcomes on screen, and the longest main-thread task in
// that time (PerformanceObserver "longtask", which reports tasks of 50 ms and more: 0 means none reached 50 ms).
import { tsImport } from 'tsx/esm/api';
import { badgePath, demo } from './lib/demo-ids.mjs';
import { heaviestFunctions } from './lib/cpu-profile.mjs';
import { buildUnlessAsked, logger, signIn, whenReady, withAppAndEmulator } from './lib/harness.mjs';

const latencyMs = 100;
const emailCount = 20_000;
const idCount = 5_000;
const log = logger('resolve');
const { directoryPerson, generatedUserCount } = await tsImport('../emulator/directory/fixtures.ts', import.meta.url);

/** 20,000 distinct emails (the generated people's mails, then unknown ones for the few without), 5,000 of their ids. */
function exportCsv() {
  // A second (Admin) account shares its mail with the person before it: a Set keeps each mail once.
  const emails = new Set();
  for (let i = 0; i < generatedUserCount && emails.size < emailCount; i++) {
    const mail = directoryPerson(i).mail;
    if (mail) emails.add(mail);
  }
  for (let n = 0; emails.size < emailCount; n++) emails.add(`not.here.${n}@contoso.example`);
  const ids = Array.from({ length: idCount }, (_, i) => directoryPerson(i).id);
  const row = (principal) => `${principal};11111111-1111-4111-8111-111111111111;Main entrance;Physical;site-1;HQ`;
  return ['Email;PermissionId;PermissionName;PermissionType;ScopeId;ScopeDisplayName', ...[...emails].map(row), ...ids.map(row)].join('\r\n') + '\r\n';
}

async function main() {
  buildUnlessAsked(log);
  const csv = exportCsv();
  const minRequests = Math.ceil(emailCount / 300) + Math.ceil(idCount / 1000);
  const figures = await withAppAndEmulator({}, async ({ emulatorUrl, baseUrl, browser }) => {
    const page = await browser.newPage();
    await signIn(page, baseUrl);
    // Consent given before, so the run measures the lookups, not a pop-up.
    const consent = await fetch(`${emulatorUrl}/_emulator/consent`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: demo.users.megan, granted: ['User.Read.All'] }) });
    if (!consent.ok) throw new Error(`The emulator refused the consent: ${consent.status} ${await consent.text()}`);
    await page.goto(`${baseUrl}${badgePath}/sessions/${demo.sessions.badgeActive}`);
    await page.getByRole('heading', { name: 'Upload files' }).waitFor();
    await page.locator('input[type=file]').setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Prepare this file' }).click();
    const dialog = page.getByRole('dialog', { name: /^Prepare data/ });
    await dialog.getByRole('button', { name: 'Next: map columns' }).click();
    await dialog.getByRole('button', { name: 'Resolve people' }).click();
    await dialog.getByText(`${(emailCount + idCount).toLocaleString('en-US')} people in`).waitFor({ timeout: 120_000 });
    const set = await fetch(`${emulatorUrl}/_emulator/latency`, { method: 'POST', body: JSON.stringify({ ms: latencyMs }) });
    if (!set.ok) throw new Error(`The emulator refused the latency: ${set.status}`);
    await page.evaluate(() => {
      performance.setResourceTimingBufferSize(100_000);
      performance.clearResourceTimings();
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((entry) => ({ start: entry.startTime, ms: entry.duration })))).observe({ type: 'longtask' });
    });
    // --profile: where the page's main thread spent the lookup (on stderr).
    const profiler = process.argv.includes('--profile') ? await page.context().newCDPSession(page) : undefined;
    if (profiler) {
      await profiler.send('Profiler.enable');
      await profiler.send('Profiler.start');
    }
    const started = await page.evaluate(() => performance.now());
    await dialog.getByRole('button', { name: 'Look up people' }).click();
    // A MutationObserver, not a locator: Playwright's polling would add its own work to the main thread measured.
    await page.evaluate(whenReady(`() => document.querySelector('[data-outcome="matched"]') !== null`));
    const result = await page.evaluate(
      ({ started, emulatorUrl }) => {
        const ended = performance.now();
        const graph = performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(`${emulatorUrl}/v1.0/`) && entry.startTime >= started);
        const tasks = window.__longTasks.filter((task) => task.start >= started);
        return {
          requests: graph.length,
          batches: graph.filter((entry) => entry.name.endsWith('/$batch')).length,
          getByIds: graph.filter((entry) => entry.name.includes('/directoryObjects/getByIds')).length,
          ms: ended - started,
          longestTaskMs: Math.max(0, ...tasks.map((task) => task.ms)),
          longTasks: tasks.length,
          tasks,
        };
      },
      { started, emulatorUrl },
    );
    if (profiler) {
      const { profile } = await profiler.send('Profiler.stop');
      if (process.env.RESOLVE_PROFILE_FILE) (await import('node:fs')).writeFileSync(process.env.RESOLVE_PROFILE_FILE, JSON.stringify(profile));
      log(`main thread, by self time:\n${heaviestFunctions(profile, 25).join('\n')}`);
    }
    log(`long tasks: ${result.tasks.map((task) => `${Math.round(task.ms)} ms at +${Math.round(task.start - started)} ms`).join(', ')}`);
    const matched = await dialog.locator('[data-outcome="matched"] h4').textContent();
    const notFound = await dialog.locator('[data-outcome="notFound"] h4').textContent().catch(() => 'none');
    log(`${result.requests} requests (${result.batches} $batch, ${result.getByIds} getByIds), ${Math.round(result.ms)} ms; ${result.longTasks} long tasks; ${matched}; ${notFound}`);
    return result;
  });
  console.log(
    JSON.stringify({
      bench: 'resolve',
      emails: emailCount,
      ids: idCount,
      requests: figures.requests,
      minRequests,
      seconds: Math.round(figures.ms / 10) / 100,
      longestTaskMs: Math.round(figures.longestTaskMs),
    }),
  );
}

await main();
