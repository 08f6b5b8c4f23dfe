// Prepare data on a big foreign export, in Node and in Chromium. Prints one JSON line. MB means MiB (1,048,576 bytes).
// fileMB       the generated export, node_modules/.bench-prepare/badge-export-200mib.csv (reused once written): a badge
//              system's export as European Excel saves it (BOM, semicolons, CRLF, two title lines), with its own column
//              names and no permission ids; 1 row in 100 names a person by email, 1 in 500 has a field too few.
// nodeMBps     the app's pipeline (prepareChunks of src/features/upload/prepare, loaded through tsx) on that file streamed
//              from disk in 1 MiB chunks, output bytes counted and dropped; one run in a new Node process.
// browserMBps  the production build, signed in as Megan Bowen, on the demo's active session: "Prepare data", the export
//              chosen in the dialog, the auto-matched mapping plus PermissionType = Physical, then from the click on
//              Prepare to the frame after the dialog says "Prepared …" (the Web Worker reads the file in 1 MiB slices and
//              writes parts under the 50 MiB upload limit as Blobs); median of 3 runs, each in a new context.
// peakMemMB    the larger of: Node's RSS growth over the run; the growth of the renderer process that grew most (the page's,
//              which runs its workers) while preparing, sampled every 100 ms from /proc VmRSS.
// --profile    also writes a CPU profile of the preparation worker during one more run to
//              node_modules/.bench-prepare/worker.cpuprofile and logs its heaviest functions; --profile-only does only that.
// Rows left out and parts are checked against what the generator wrote, so a wrong pipeline fails the bench.
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';
import { badgePath, demo } from './lib/demo-ids.mjs';
import { heaviestFunctions } from './lib/cpu-profile.mjs';
import { buildUnlessAsked, logger, median, signIn, withAppAndEmulator } from './lib/harness.mjs';
import { attachWorker } from './lib/worker-session.mjs';

register(); // Lets this plain .mjs import the app's TypeScript sources.

const MiB = 1_048_576;
const runs = 3;
const dir = 'node_modules/.bench-prepare';
const bigPath = resolve(dir, 'badge-export-200mib.csv');
const bigBytes = 200 * MiB;
const sessionPath = `${badgePath}/sessions/${demo.sessions.badgeActive}`;
const log = logger('prepare');
const round1 = (value) => Math.round(value * 10) / 10;

/** mulberry32, seeded: the same file on every machine. */
let seed = 20261120;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab')}${hex(3)}-${hex(12)}`;
/** As Excel writes a semicolon CSV: quoted only when it must be. */
const cell = (value) => (/[";\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

const header = ['Badge holder object id', 'Employee no', 'Door group', 'Site', 'Department', 'Valid from', 'Valid to', 'Notes'];

/** The export, to a .part file renamed when complete; returns what the pipeline must find in it. */
async function writeExport() {
  const expectedPath = `${bigPath}.expected.json`;
  if (existsSync(bigPath) && existsSync(expectedPath) && statSync(bigPath).size >= bigBytes) {
    log(`reusing ${bigPath}`);
    return JSON.parse(readFileSync(expectedPath, 'utf8'));
  }
  log(`writing ${bigPath}`);
  mkdirSync(dir, { recursive: true });
  const doors = Array.from({ length: 60 }, (_, n) => [`Main entrance ${n}`, `Garage; level -${n % 4}`, `Lab "B${n}"`, `Zürich lobby ${n}`][n % 4]);
  const sites = ['Zürich HQ', 'Basel', 'Genève – Plainpalais', 'Lugano', 'Bern'];
  const departments = ['Facilities', 'Research', 'Finance', 'Sécurité', 'IT'];
  const holders = Array.from({ length: 20_000 }, guid);
  const out = createWriteStream(`${bigPath}.part`);
  let batch = `\uFEFFBadge system export;;;;;;;\r\nGenerated 2026-11-20 07:00, all sites;;;;;;;\r\n${header.join(';')}\r\n`;
  let written = 0;
  const expected = { rows: 0, leftOut: 0 };
  for (let n = 0; written < bigBytes; n++) {
    const holder = n % 100 === 99 ? `person${n}@contoso.com` : holders[n % holders.length];
    const fields = [holder, `E${100000 + (n % 90000)}`, pick(doors), pick(sites), pick(departments), '2026-01-01', '2027-12-31', n % 3 ? '' : `Badge ${hex(6)}, issued on site`];
    if (n % 500 === 250) fields.pop();
    // The same holder and door twice would be a repeated row: a warning, not an error, so it does not change the counts.
    batch += `${fields.map(cell).join(';')}\r\n`;
    expected.rows++;
    if (holder.includes('@') || fields.length < header.length) expected.leftOut++;
    if (batch.length < MiB) continue;
    written += Buffer.byteLength(batch);
    if (!out.write(batch)) await once(out, 'drain');
    batch = '';
  }
  out.end(batch);
  await once(out, 'close');
  renameSync(`${bigPath}.part`, bigPath);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(expectedPath, JSON.stringify(expected));
  return expected;
}

/** The mapping the dialog makes for this export, plus the one constant the owner types. */
async function planFor(fileName) {
  const { csvFormats } = await import('../src/features/upload/csv/csv-formats.ts');
  const { maxCsvFileBytes } = await import('../src/features/upload/csv/csv-file-checks.ts');
  const { autoMatch } = await import('../src/features/upload/prepare/auto-match.ts');
  const mapping = autoMatch(header, csvFormats.entra);
  mapping.rules.PermissionType = { kind: 'constant', value: 'Physical' };
  return { fileName, formatId: 'entra', encoding: 'utf-8', delimiter: ';', headerRow: 2, mapping, limitBytes: maxCsvFileBytes };
}

/** Child process (--node-run): one streamed run of the pipeline; prints its figures as JSON. */
async function nodeRun() {
  const { prepareChunks } = await import('../src/features/upload/prepare/prepare-pipeline.ts');
  const plan = await planFor('badge-export-200mib.csv');
  globalThis.gc();
  const base = process.memoryUsage().rss;
  let peak = base;
  let outBytes = 0;
  const start = performance.now();
  const summary = await prepareChunks(createReadStream(bigPath, { highWaterMark: MiB }), plan, {
    sink: { onPiece: (_, bytes) => (outBytes += bytes.byteLength) },
    onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)),
  });
  const ms = performance.now() - start;
  const { leftOut: _, ...rest } = summary;
  console.log(JSON.stringify({ ms, outBytes, rssMB: (peak - base) / MiB, ...rest }));
}

function nodeFigures(expected) {
  const child = spawnSync(process.execPath, ['--expose-gc', 'bench/prepare.mjs', '--node-run'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`The Node run failed (exit ${child.status})`);
  const run = JSON.parse(child.stdout.trim().split('\n').at(-1));
  if (run.rowsRead !== expected.rows || run.leftOutCount !== expected.leftOut) {
    throw new Error(`The pipeline read ${run.rowsRead} rows and left out ${run.leftOutCount}; the export has ${expected.rows} and ${expected.leftOut}`);
  }
  log(`node: ${Math.round(run.ms)} ms, ${run.rowsWritten} rows in ${run.parts.length} parts (${(run.outBytes / MiB).toFixed(0)} MiB), ${run.leftOutCount} left out, RSS +${run.rssMB.toFixed(1)} MiB`);
  return { mbps: statSync(bigPath).size / MiB / (run.ms / 1000), memMB: run.rssMB, parts: run.parts.length, rowsWritten: run.rowsWritten };
}

async function rendererRss(cdp) {
  const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
  const rss = new Map();
  for (const { id, type } of processInfo) {
    if (type !== 'renderer') continue;
    try {
      rss.set(id, Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${id}/status`, 'utf8'))[1]) * 1024);
    } catch {
      // The process ended between the two reads.
    }
  }
  return rss;
}

/** Page code, as text (the CSP bans eval): from the click on Prepare to the frame after the dialog says it is done. */
const timePrepare = `window.__prepared = new Promise((resolve) => {
  let clicked;
  document.addEventListener('click', (event) => {
    if (event.target.closest('button')?.textContent === 'Prepare') clicked = performance.now();
  }, { capture: true });
  const check = () => {
    const dialog = document.querySelector('[role=dialog]');
    if (!clicked || !dialog || !/Prepared [\\d,]+ rows/.test(dialog.textContent)) return;
    observer.disconnect();
    requestAnimationFrame(() => resolve({ ms: performance.now() - clicked, text: dialog.textContent.match(/Prepared[^.]*\\.[^.]*\\./)[0] }));
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
});
undefined`;

/** A new context, signed in, the export chosen in the Prepare dialog and mapped, ready for the click on Prepare. */
async function openDialog(browser, baseUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl);
  await page.goto(`${baseUrl}${sessionPath}`);
  await page.getByRole('button', { name: 'Prepare data' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Export file').setInputFiles(bigPath);
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  await dialog.getByLabel('Value of PermissionType').selectOption('constant');
  await dialog.getByLabel('Constant for PermissionType').fill('Physical');
  await page.evaluate(timePrepare);
  return { context, page, dialog };
}

/** --profile: a CPU profile of the preparation worker during one more run (worker.cpuprofile, heaviest functions on stderr). */
async function profileWorker(browser, baseUrl) {
  const { context, page, dialog } = await openDialog(browser, baseUrl);
  const { attached } = await attachWorker(
    context,
    page,
    async (send) => {
      await send('Profiler.enable');
      await send('Profiler.setSamplingInterval', { interval: 200 });
      await send('Profiler.start');
    },
    'prepare.worker',
  );
  await dialog.getByRole('button', { name: 'Prepare', exact: true }).click();
  const send = await attached;
  const { ms } = await page.evaluate('window.__prepared');
  const { profile } = await send('Profiler.stop');
  await context.close();
  writeFileSync(resolve(dir, 'worker.cpuprofile'), JSON.stringify(profile));
  log(`profile of the worker (${Math.round(ms)} ms run), self time:`);
  for (const line of heaviestFunctions(profile)) log(`  ${line}`);
}

async function browserRuns(browser, baseUrl, node) {
  const cdp = await browser.newBrowserCDPSession();
  const mb = statSync(bigPath).size / MiB;
  const times = [];
  let memMB = 0;
  for (let run = 0; run < runs; run++) {
    const { context, page, dialog } = await openDialog(browser, baseUrl);
    const base = await rendererRss(cdp);
    const peak = new Map(base);
    const sample = async () => {
      for (const [pid, rss] of await rendererRss(cdp)) if (peak.has(pid)) peak.set(pid, Math.max(peak.get(pid), rss));
    };
    const sampler = setInterval(() => sample().catch(() => {}), 100);
    await dialog.getByRole('button', { name: 'Prepare', exact: true }).click();
    const { ms, text } = await page.evaluate('window.__prepared');
    clearInterval(sampler);
    await sample();
    await context.close();
    const expected = `Prepared ${node.rowsWritten.toLocaleString('en-US')} rows in ${node.parts} files`;
    if (!text.startsWith(expected)) throw new Error(`The browser said "${text}", not "${expected}…"`);
    const growthMB = Math.max(...[...base].map(([pid, rss]) => peak.get(pid) - rss)) / MiB;
    log(`browser: ${Math.round(ms)} ms for ${mb.toFixed(1)} MiB: "${text}", renderer RSS +${growthMB.toFixed(1)} MiB`);
    times.push(ms);
    memMB = Math.max(memMB, growthMB);
  }
  return { mbps: median(times.map((ms) => mb / (ms / 1000))), memMB };
}

async function main() {
  buildUnlessAsked(log);
  const expected = await writeExport();
  // --profile-only: the CPU profile of the browser's worker alone (no Node run, no timed runs).
  const node = process.argv.includes('--profile-only') ? { mbps: undefined, memMB: 0 } : nodeFigures(expected);
  const browser = await withAppAndEmulator({}, async ({ baseUrl, browser }) => {
    if (process.argv.includes('--profile-only')) {
      await profileWorker(browser, baseUrl);
      return { mbps: undefined, memMB: 0 };
    }
    const figures = await browserRuns(browser, baseUrl, node);
    if (process.argv.includes('--profile')) await profileWorker(browser, baseUrl);
    return figures;
  });
  const figures = { fileMB: statSync(bigPath).size / MiB, nodeMBps: node.mbps, browserMBps: browser.mbps, peakMemMB: Math.max(node.memMB, browser.memMB) };
  console.log(JSON.stringify({ bench: 'prepare', ...figures }, (_, v) => (typeof v === 'number' ? round1(v) : v)));
}

if (process.argv.includes('--node-run')) await nodeRun();
else await main();
