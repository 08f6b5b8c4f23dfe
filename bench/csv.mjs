// The console's CSV checks on a big review export (Entra admin center format), in Node and in Chromium. Prints one JSON
// line. MB means MiB (1,048,576 bytes) throughout.
// fileMB       the generated export, node_modules/.bench-csv/review-export-200mib.csv (reused once written).
// nodeMBps     the app's own validator (validateCsvChunks of src/features/upload/csv, csv-parser.ts and CsvRowValidator, as
//              the worker runs them; loaded through tsx) on that file streamed from disk in 64 KiB chunks; median of 3 runs,
//              each in a new Node process. The file must come out "valid" (no error, no warning) or the bench fails.
// parsersMBps  the CSV parsers alone in Node on the same file, read in 1 MiB chunks and decoded (TextDecoder, streaming),
//              one run of each in a new process: papaparse, uDSV, the app's own (csv-parser.ts), and raw (read and decode
//              only, the limit for them all). Rows are counted and must agree.
// browserMBps  the production build, signed in as Megan Bowen, on the demo's active upload session: from the file input's
//              change event (Playwright's setInputFiles) to the frame after the checked-file list shows the verdict of the
//              whole 200 MiB export (react-dropzone, the validation Web Worker reading the file in 1 MiB slices); median of
//              3 runs, each in a new context. The file is checked whole and must get exactly one error, over the 50 MiB
//              upload limit (maxCsvFileBytes); browserFileMB is its size.
// rawMBps      the physical limit of that step: the same Chromium, the same file, in a dedicated Web Worker of a static
//              page the bench serves on its own port (the app's CSP allows no other worker), reading 1 MiB slices with
//              File.slice().arrayBuffer() and decoding them with TextDecoder, as the app's worker does; median of 3 runs.
// rawStreamMBps the same raw page reading the file through File.stream() (the default reader, Chromium's chunks of
//              64 KiB to 2 MiB) instead of slices, decoding the same way: the fastest read of a file this Chromium offers,
//              so the honest physical limit; rawStreamPeakMemMB its renderer growth. Median / largest of 3 runs.
// rawPeakMemMB the largest growth of the renderer's RSS in those raw runs (as peakMemMB measures the app's): what reading
//              and decoding alone cost in memory.
// idleMemMB    the same page's renderer growth when its worker is handed the same file and reads none of it, over as long
//              as the raw runs' median (3 runs, the largest): what Chromium's renderer grows by before any byte is read.
// peakMemMB    the larger of two growths, each the largest of its 3 runs: Node's RSS while validating the 200 MiB file
//              minus its RSS just before (after a forced GC); the RSS (/proc VmRSS) of the renderer process that grew most
//              (the page's, which also runs its dedicated worker) while the browser checks the 200 MiB file, minus just
//              before. Both are logged to stderr, with Node's heapUsed growth and what the validator holds at the end.
// --browser-only  skips the Node figures (nodeMBps, parsersMBps; peakMemMB is then the browser's alone).
// --profile    also writes a CPU profile of the app's validation worker during one browser check to
//              node_modules/.bench-csv/worker.cpuprofile and logs its heaviest functions (self time) to stderr.
// --diagnose-only  skips the browser's timed runs too: only --profile and --memory.
// --memory     also logs, for one more check, the growth of the worker's JavaScript heap, the page's and the renderer's RSS.
// Nothing is uploaded: the panel sends files only on its Upload button, never pressed here (the emulator's log is checked).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';
import { badgePath, demo } from './lib/demo-ids.mjs';
import { heaviestFunctions } from './lib/cpu-profile.mjs';
import { attachWorker } from './lib/worker-session.mjs';
import { buildUnlessAsked, freePort, logger, median, signIn, withAppAndEmulator } from './lib/harness.mjs';

register(); // Lets this plain .mjs import the app's TypeScript sources.
const { csvFormats } = await import('../src/features/upload/csv/csv-formats.ts');
const { csvTemplate } = await import('../src/features/upload/csv/csv-templates.ts');

const MiB = 1_048_576;
const runs = 3;
const dir = 'node_modules/.bench-csv';
const bigPath = resolve(dir, 'review-export-200mib.csv');
const bigBytes = 200 * MiB;
/** The demo's active session (e2e/upload-queue.spec.ts), in Badge Access Data, which Megan Bowen owns. */
const sessionPath = `${badgePath}/sessions/${demo.sessions.badgeActive}`;
const header = csvTemplate(csvFormats.entra); // The 11 column names and CRLF.

const log = logger('csv');
const round1 = (value) => Math.round(value * 10) / 10;

/** mulberry32, seeded: the same file on every machine. */
let seed = 20261122;
function rand() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(rand() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(rand() * 16).toString(16)).join('');
const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab')}${hex(3)}-${hex(12)}`;
/** RFC 4180: quoted only when it must be, quotes doubled. */
const cell = (value) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
const some = (pool, count) => [...new Set(Array.from({ length: count }, () => pick(pool)))];

/** 400 permissions of 8 apps, as an export repeats them for each holder: PermissionId to EntitlementOwners_Groups. */
function permissions() {
  const apps = [
    ['SAP ERP Production (client 100)', 'Role'],
    ['Workday HCM', 'Security group'],
    ['Oracle E-Business Suite, EMEA', 'Responsibility'],
    ['Badge access, Zürich campus', 'Physical'],
    ['File shares \\\\fs01', 'NTFS permission'],
    ['Jenkins (build farm São Paulo)', 'Role'],
  ].map(([name, type]) => ({ id: guid(), name, type }));
  const areas = ['Accounts payable', 'Payroll', 'Procurement', 'HR records', 'Treasury', 'Sales orders', 'Warehouse', 'Legal hold'];
  const actions = ['read', 'approve', 'post', 'administer', 'export', 'reconcile', 'audit'];
  const [owners, groups] = [Array.from({ length: 40 }, guid), Array.from({ length: 15 }, guid)];
  return Array.from({ length: 400 }, (_, n) => {
    const [app, area, action] = [apps[n % apps.length], pick(areas), pick(actions)];
    const code = `Z_${area.slice(0, 4).toUpperCase().replace(' ', '_')}_${action.toUpperCase()}_${String(n).padStart(4, '0')}`;
    const description = [
      `Can ${action} ${area.toLowerCase()} records in ${app.name}, company codes 1000 and 2${String(n).padStart(3, '0')}.`,
      `Includes the "${code}" composite role; granted by the ${area} team.`,
      `${area}: ${action}.\r\nReviewed quarterly (SOX control FIN-${n}).`,
      `Zugriff auf ${area} für Prüfer — nur lesen`,
      '',
    ][n % 5];
    const userOwners = some(owners, 1 + (n % 3)).join(n % 4 === 0 ? ', ' : ',');
    const groupOwners = n % 3 === 0 ? '' : some(groups, 1 + (n % 2)).join(',');
    return [code, `${area}: ${action}`, description, app.type, app.id, app.name, userOwners, groupOwners].map(cell).join(',');
  });
}

function customData(n) {
  const date = `2026-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
  const costCentre = `CC-${4400 + (n % 97)}`;
  return [
    cell(`{"lastSignIn":"${date}","costCenter":"${costCentre}","manager":"${pick(['Adele Vance', 'Lee Gu', 'Nestor Wilke'])}"}`),
    cell(`Last sign-in ${date}, cost centre ${costCentre}`),
    '',
    `Contractor until ${date}`,
  ][n % 4];
}

/**
 * Writes the 200 MiB export, to a .part file renamed when complete, so a file that exists is whole. Each (principal, permission) pair appears once: a repeated row would be
 * a warning, not "valid".
 */
async function writeFiles() {
  if (existsSync(bigPath) && statSync(bigPath).size >= bigBytes) {
    log(`reusing ${dir}`);
    return;
  }
  log(`writing ${dir}`);
  mkdirSync(dir, { recursive: true });
  const perms = permissions();
  const users = Array.from({ length: 30_000 }, guid);
  const big = createWriteStream(`${bigPath}.part`);
  let batch = `\uFEFF${header}`; // With a BOM, as Excel saves "CSV UTF-8", which the app asks for.
  let written = 0;
  for (let n = 0; written < bigBytes; n++) {
    const user = n % users.length;
    const row = `${users[user]},EntraIdUser,${perms[(Math.floor(n / users.length) * 7 + user) % perms.length]},${customData(n)}\r\n`;
    batch += row;
    if (batch.length < MiB) continue;
    written += Buffer.byteLength(batch);
    if (!big.write(batch)) await once(big, 'drain');
    batch = '';
  }
  big.end(batch);
  await once(big, 'close');
  renameSync(`${bigPath}.part`, bigPath);
}

/** Child process (--node-run FILE): one streamed run of the app's validator; prints its figures as JSON. */
async function nodeRun(path) {
  const { validateCsvChunks } = await import('../src/features/upload/csv/csv-stream.ts');
  const { CsvRowValidator } = await import('../src/features/upload/csv/csv-row-validator.ts');
  // Passed in, as validateCsvFile does, so that what it holds at the end can be weighed.
  const validator = new CsvRowValidator(csvFormats.entra);
  globalThis.gc();
  const base = process.memoryUsage();
  const peak = { ...base };
  let sampledAt = 0;
  const onProgress = (bytesRead) => {
    if (bytesRead - sampledAt < MiB) return;
    sampledAt = bytesRead;
    const now = process.memoryUsage();
    [peak.rss, peak.heapUsed] = [Math.max(peak.rss, now.rss), Math.max(peak.heapUsed, now.heapUsed)];
  };
  const start = performance.now();
  const result = await validateCsvChunks(createReadStream(path, { highWaterMark: 64 * 1024 }), csvFormats.entra, { onProgress }, validator);
  const ms = performance.now() - start;
  onProgress(Infinity);
  globalThis.gc();
  const heldMB = (process.memoryUsage().heapUsed - base.heapUsed) / MiB;
  const [rssMB, heapMB] = [(peak.rss - base.rss) / MiB, (peak.heapUsed - base.heapUsed) / MiB];
  // Reading validator.isStopped after the GC keeps the validator alive through it.
  console.log(JSON.stringify({ ms, ...result, issues: result.issues.slice(0, 3), rssMB, heapMB, heldMB, stopped: validator.isStopped }));
}

/** Child process (--parsers-run NAME FILE): one parser alone on the file in 1 MiB chunks; prints { ms, rows } as JSON. */
async function parsersRun(name, path) {
  const { CsvRecordParser } = await import('../src/features/upload/csv/csv-parser.ts');
  const Papa = (await import('papaparse')).default;
  const { inferSchema, initParser } = await import('udsv');
  let rows = 0;
  const countRow = () => void rows++;
  // Each parser's streaming interface, fed the same decoded chunks; rows counted, nothing kept.
  const parsers = {
    raw: () => ({ push() {}, end() {} }),
    app: () => {
      const parser = new CsvRecordParser(countRow);
      return { push: (text) => parser.push(text), end: () => parser.end() };
    },
    udsv: () => {
      let parser;
      return {
        push(text) {
          // The schema takes the header record, which the others count.
          parser ??= (rows++, initParser(inferSchema(text)));
          parser.chunk(text, parser.stringArrs, countRow);
        },
        end: () => parser.end(),
      };
    },
    // papaparse has no push interface: its own streamer pulls the chunks through a Node stream (Papa.NODE_STREAM_INPUT).
    papaparse: () => {
      const stream = Papa.parse(Papa.NODE_STREAM_INPUT, {});
      stream.on('data', countRow);
      const done = once(stream, 'end');
      return { push: (text) => stream.write(text) || once(stream, 'drain'), end: () => (stream.end(), done) };
    },
  };
  const decoder = new TextDecoder('utf-8');
  const start = performance.now();
  const parser = parsers[name]();
  let chars = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: MiB })) {
    const text = decoder.decode(chunk, { stream: true });
    chars += text.length;
    await parser.push(text);
  }
  await parser.push(decoder.decode());
  await parser.end();
  console.log(JSON.stringify({ ms: performance.now() - start, rows, chars }));
}

/** One run of each parser, each in a new process; their record counts (the header included) must agree. */
function parsersRuns() {
  const mb = statSync(bigPath).size / MiB;
  const figures = {};
  for (const name of ['papaparse', 'udsv', 'app', 'raw']) {
    const child = spawnSync(process.execPath, ['bench/csv.mjs', '--parsers-run', name, bigPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`The ${name} run failed (exit ${child.status})`);
    const run = JSON.parse(child.stdout.trim().split('\n').at(-1));
    log(`parser ${name}: ${Math.round(run.ms)} ms, ${run.rows} records`);
    figures[name] = { mbps: mb / (run.ms / 1000), rows: run.rows };
  }
  const counts = new Set(['papaparse', 'udsv', 'app'].map((name) => figures[name].rows));
  if (counts.size !== 1) throw new Error(`The parsers disagree on the record count: ${JSON.stringify(figures)}`);
  return Object.fromEntries(Object.entries(figures).map(([name, { mbps }]) => [name, mbps]));
}

function nodeRuns() {
  const mb = statSync(bigPath).size / MiB;
  const results = Array.from({ length: runs }, () => {
    const child = spawnSync(process.execPath, ['--expose-gc', 'bench/csv.mjs', '--node-run', bigPath], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
    if (child.status !== 0) throw new Error(`The Node run failed (exit ${child.status})`);
    const run = JSON.parse(child.stdout.trim().split('\n').at(-1));
    if (run.verdict !== 'valid') throw new Error(`The validator did not find the file valid: ${JSON.stringify(run)}`);
    log(`node: ${Math.round(run.ms)} ms, ${run.rowCount} rows valid, RSS +${run.rssMB.toFixed(1)} MiB, heap +${run.heapMB.toFixed(1)} MiB (${run.heldMB.toFixed(1)} MiB held by the validator at the end)`);
    return run;
  });
  return { mbps: median(results.map((run) => mb / (run.ms / 1000))), memMB: Math.max(...results.map((run) => run.rssMB)) };
}

/** Page code, as text (the CSP bans eval): the time from the input's change event to the frame after `name` is checked, its text and issues. */
const timeCheck = (name) => `window.__checked = Promise.all([
  new Promise((resolve) => document.addEventListener('change', () => resolve(performance.now()), { capture: true, once: true })),
  new Promise((resolve) => {
    const row = () => document.querySelector('ul[aria-label="Checked files"] li[aria-label=${JSON.stringify(name)}]');
    const check = () => {
      if (!row() || row().textContent.includes('Checking')) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now()));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  }),
]).then(([chosen, shown]) => {
  const row = document.querySelector('li[aria-label=${JSON.stringify(name)}]');
  return { ms: shown - chosen, text: row.textContent, issues: row.querySelectorAll('ul li').length };
});
undefined`;

/** The resident set of each of the browser's renderer processes, in bytes by process ID. */
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

/**
 * Samples the renderers' RSS every 100 ms from now; `stop()` gives the largest growth of a renderer there at the start,
 * in MiB (per process: the page's renderer grows; others may start or end meanwhile).
 */
async function rendererGrowth(cdp) {
  const base = await rendererRss(cdp);
  const peak = new Map(base);
  /** The largest growth at each sample, in whole MiB: when the memory grows. */
  const series = [];
  const sample = async () => {
    let grown = 0;
    for (const [pid, rss] of await rendererRss(cdp)) {
      if (!peak.has(pid)) continue;
      peak.set(pid, Math.max(peak.get(pid), rss));
      grown = Math.max(grown, rss - base.get(pid));
    }
    series.push(Math.round(grown / MiB));
  };
  const sampler = setInterval(() => sample().catch(() => {}), 100);
  return {
    series,
    async stop() {
      clearInterval(sampler);
      await sample();
      return Math.max(...[...base].map(([pid, rss]) => peak.get(pid) - rss)) / MiB;
    },
  };
}

/**
 * A new context (so a new renderer process, whose memory earlier runs did not grow), signed in, on the upload panel.
 * Tokens live in the tab's sessionStorage, so each context signs in.
 */
async function openPanel(browser, baseUrl) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, baseUrl);
  await page.goto(`${baseUrl}${sessionPath}`);
  await page.getByRole('heading', { name: 'Upload files' }).waitFor();
  await page.waitForLoadState('networkidle');
  return { context, page, input: page.getByLabel('CSV files to upload') };
}

/** A check's text must be the verdict of the whole file: one error, over the upload limit, and its row count. */
function assertWholeCheck({ text, issues }) {
  const rows = /in ([\d,]+) rows/.exec(text)?.[1];
  if (issues !== 1 || !text.includes('an upload takes at most') || !rows) throw new Error(`Not the expected verdict (one error, over the upload limit): ${text.slice(0, 400)}`);
  return rows;
}

async function browserRuns(browser, baseUrl, emulatorUrl) {
  const cdp = await browser.newBrowserCDPSession();
  const mb = statSync(bigPath).size / MiB;
  const name = 'review-export-200mib.csv';
  const times = [];
  let memMB = 0;
  for (let run = 0; run < runs; run++) {
    const { context, page, input } = await openPanel(browser, baseUrl);
    // Per process, and only those there before: the page's renderer grows; others may start or end meanwhile.
    const growth = await rendererGrowth(cdp);
    await page.evaluate(timeCheck(name));
    await input.setInputFiles(bigPath);
    const checked = await page.evaluate('window.__checked');
    const growthMB = await growth.stop();
    await context.close();
    const rows = assertWholeCheck(checked);
    log(`browser: ${Math.round(checked.ms)} ms for ${mb.toFixed(1)} MiB, ${rows} rows, one error (over the upload limit), renderer RSS +${growthMB.toFixed(1)} MiB`);
    log(`browser: renderer RSS growth every 100 ms (MiB): ${growth.series.join(' ')}`);
    times.push(checked.ms);
    memMB = Math.max(memMB, growthMB);
  }
  const requests = await (await fetch(`${emulatorUrl}/_emulator/requests`)).json();
  if (requests.some((r) => r.path.endsWith('/uploadFile'))) throw new Error('A file was uploaded');
  return { mb, mbps: median(times.map((ms) => mb / (ms / 1000))), memMB };
}

/** The raw page: a file input whose file a dedicated worker reads in 1 MiB slices and decodes, as the app's worker. */
const rawPage = `<!doctype html><title>raw read</title><input type="file" aria-label="file"><script>
const worker = new Worker('/raw-worker.js' + location.search);
window.__raw = new Promise((resolve) => (worker.onmessage = (event) => resolve(event.data)));
document.querySelector('input').addEventListener('change', (event) => worker.postMessage(event.target.files[0]));
</script>`;
/** ?idle=<ms>: the worker holds the file that long and reads none of it (idleMemMB); ?stream=1: reads File.stream(). */
const rawWorker = `const search = new URLSearchParams(location.search);
const idleMs = Number(search.get('idle'));
onmessage = async ({ data: file }) => {
  const start = performance.now();
  if (idleMs > 0) {
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    postMessage({ ms: performance.now() - start, chars: 0 });
    return;
  }
  const decoder = new TextDecoder('utf-8');
  let chars = 0;
  if (search.has('stream')) {
    const reader = file.stream().getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) chars += decoder.decode(read.value, { stream: true }).length;
  } else {
    for (let at = 0; at < file.size; at += ${MiB}) chars += decoder.decode(new Uint8Array(await file.slice(at, at + ${MiB}).arrayBuffer()), { stream: true }).length;
  }
  chars += decoder.decode().length;
  postMessage({ ms: performance.now() - start, chars });
};`;

/** rawMBps: the same Chromium reading and decoding the same file in a worker of the bench's own page, on its own port. */
async function rawRuns(browser) {
  const server = createServer((request, response) => {
    const worker = request.url.startsWith('/raw-worker.js');
    response.writeHead(200, { 'content-type': worker ? 'text/javascript' : 'text/html' }).end(worker ? rawWorker : rawPage);
  });
  server.listen(await freePort(), '127.0.0.1');
  await once(server, 'listening');
  try {
    const mb = statSync(bigPath).size / MiB;
    const cdp = await browser.newBrowserCDPSession();
    const run = async (idleMs, stream = false) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const search = idleMs ? `?idle=${Math.round(idleMs)}` : stream ? '?stream=1' : '';
      await page.goto(`http://127.0.0.1:${server.address().port}/${search}`);
      const growth = await rendererGrowth(cdp);
      await page.getByLabel('file').setInputFiles(bigPath);
      const { ms, chars } = await page.evaluate('window.__raw');
      const growthMB = await growth.stop();
      await context.close();
      const kind = idleMs ? 'idle' : stream ? 'raw stream' : 'raw';
      const what = idleMs ? `${Math.round(ms)} ms holding` : `${Math.round(ms)} ms to read and decode`;
      log(`${kind}: ${what} ${mb.toFixed(1)} MiB in a worker (${chars} characters), renderer RSS +${growthMB.toFixed(1)} MiB`);
      log(`${kind}: renderer RSS growth every 100 ms (MiB): ${growth.series.join(' ')}`);
      return { ms, growthMB };
    };
    const times = [];
    let memMB = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, growthMB } = await run(0);
      times.push(ms);
      memMB = Math.max(memMB, growthMB);
    }
    const streamTimes = [];
    let streamMemMB = 0;
    for (let i = 0; i < runs; i++) {
      const { ms, growthMB } = await run(0, true);
      streamTimes.push(ms);
      streamMemMB = Math.max(streamMemMB, growthMB);
    }
    let idleMemMB = 0;
    for (let i = 0; i < runs; i++) idleMemMB = Math.max(idleMemMB, (await run(median(times))).growthMB);
    const mbps = (list) => median(list.map((ms) => mb / (ms / 1000)));
    return { mbps: mbps(times), memMB, streamMBps: mbps(streamTimes), streamMemMB, idleMemMB };
  } finally {
    server.close();
  }
}

/** --profile: a CPU profile of the app's validation worker during one check of the 200 MiB file. */
async function profileWorker(browser, baseUrl) {
  const { context, page, input } = await openPanel(browser, baseUrl);
  const { attached } = await attachWorker(context, page, async (send) => {
    await send('Profiler.enable');
    await send('Profiler.setSamplingInterval', { interval: 200 });
    await send('Profiler.start');
  }, 'csv-validation');
  await page.evaluate(timeCheck('review-export-200mib.csv'));
  await input.setInputFiles(bigPath);
  const send = await attached;
  const checked = await page.evaluate('window.__checked');
  assertWholeCheck(checked);
  const { profile } = await send('Profiler.stop');
  await context.close();
  writeFileSync(resolve(dir, 'worker.cpuprofile'), JSON.stringify(profile));
  log(`profile of the worker (${Math.round(checked.ms)} ms check), self time:`);
  for (const line of heaviestFunctions(profile)) log(`  ${line}`);
}

/**
 * --memory: where the renderer's growth is, during one check of the 200 MiB file: the worker's JavaScript heap (its
 * committed size), the page's, and the renderer's RSS, each sampled every 100 ms; their growth at the peak goes to stderr.
 */
async function traceMemory(browser, baseUrl) {
  const { context, page, input } = await openPanel(browser, baseUrl);
  const browserCdp = await browser.newBrowserCDPSession();
  const { attached, cdp } = await attachWorker(context, page, async () => {}, 'csv-validation');
  const heap = async (send) => (await send('Runtime.getHeapUsage')).totalSize;
  const heapUsed = async (send) => (await send('Runtime.getHeapUsage')).usedSize;
  const pageHeap = async () => (await cdp.send('Runtime.getHeapUsage')).totalSize;
  const rssBase = await rendererRss(browserCdp);
  for (const pid of rssBase.keys()) log(`renderer ${pid} at the start: ${readFileSync(`/proc/${pid}/status`, 'utf8').match(/RssAnon.*|RssFile.*|RssShmem.*/g).join(', ')}`);
  const pageBase = await pageHeap();
  await page.evaluate(timeCheck('review-export-200mib.csv'));
  await input.setInputFiles(bigPath);
  const send = await attached;
  const workerBase = await heap(send);
  const usedBase = await heapUsed(send);
  const peak = { worker: 0, used: 0, page: 0, rss: 0 };
  const series = [];
  let done = false;
  const checked = page.evaluate('window.__checked').finally(() => (done = true));
  while (!done) {
    const [w, u, p, rss] = await Promise.all([heap(send).catch(() => 0), heapUsed(send).catch(() => 0), pageHeap(), rendererRss(browserCdp)]);
    peak.worker = Math.max(peak.worker, w - workerBase);
    peak.used = Math.max(peak.used, u - usedBase);
    peak.page = Math.max(peak.page, p - pageBase);
    let grown = 0;
    for (const [pid, bytes] of rss) if (rssBase.has(pid)) grown = Math.max(grown, bytes - rssBase.get(pid));
    peak.rss = Math.max(peak.rss, grown);
    series.push(`${Math.round(grown / MiB)}/${Math.round((w - workerBase) / MiB)}/${Math.round((p - pageBase) / MiB)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  assertWholeCheck(await checked);
  log(`growth every 100 ms, renderer RSS / worker heap / page heap (MiB): ${series.join(' ')}`);
  // The kinds of the renderer's resident memory at the end (anonymous, shared memory, files), against its start.
  const kinds = (pid) => Object.fromEntries([...readFileSync(`/proc/${pid}/status`, 'utf8').matchAll(/(RssAnon|RssFile|RssShmem):\s+(\d+) kB/g)].map((m) => [m[1], Number(m[2]) / 1024]));
  for (const pid of rssBase.keys()) {
    try {
      log(`renderer ${pid} at the end: ${JSON.stringify(kinds(pid))} MiB`);
    } catch {
      // Gone.
    }
  }
  await context.close();
  const mib = (bytes) => `${(bytes / MiB).toFixed(1)} MiB`;
  log(`memory while checking: worker heap (committed) +${mib(peak.worker)} (from ${mib(workerBase)} at its start; used +${mib(peak.used)}), page heap +${mib(peak.page)}, renderer RSS +${mib(peak.rss)}`);
}

async function main() {
  buildUnlessAsked(log);
  await writeFiles();
  // --browser-only: the browser figures alone, for quick A/B runs of two builds (BENCH_DIST=).
  const browserOnly = process.argv.includes('--browser-only');
  const node = browserOnly ? { mbps: undefined, memMB: 0 } : nodeRuns();
  const parsersMBps = browserOnly ? undefined : parsersRuns();
  const { browser, raw } = await withAppAndEmulator({}, async ({ emulatorUrl, baseUrl, browser }) => {
    // --diagnose-only: only what --profile and --memory ask for.
    const figures = process.argv.includes('--diagnose-only')
      ? { browser: { mbps: undefined, memMB: 0 } }
      : { browser: await browserRuns(browser, baseUrl, emulatorUrl), raw: await rawRuns(browser) };
    if (process.argv.includes('--profile')) await profileWorker(browser, baseUrl);
    if (process.argv.includes('--memory')) await traceMemory(browser, baseUrl);
    return figures;
  });
  const figures = { fileMB: statSync(bigPath).size / MiB, nodeMBps: node.mbps, parsersMBps, browserMBps: browser.mbps, rawMBps: raw?.mbps, rawStreamMBps: raw?.streamMBps, peakMemMB: Math.max(node.memMB, browser.memMB), rawPeakMemMB: raw?.memMB, rawStreamPeakMemMB: raw?.streamMemMB, idleMemMB: raw?.idleMemMB };
  console.log(JSON.stringify({ bench: 'csv', ...figures, browserFileMB: browser.mb }, (_, v) => (typeof v === 'number' ? round1(v) : v)));
}

const [nodeChild, parsersChild] = [process.argv.indexOf('--node-run'), process.argv.indexOf('--parsers-run')];
if (nodeChild > 0) await nodeRun(process.argv[nodeChild + 1]);
else if (parsersChild > 0) await parsersRun(process.argv[parsersChild + 1], process.argv[parsersChild + 2]);
else await main();
