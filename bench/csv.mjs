// The console's CSV checks on a big review export (Entra admin center format), in Node and in Chromium. Prints one JSON
// line. MB means MiB (1,048,576 bytes) throughout.
// fileMB       the generated export, node_modules/.bench-csv/review-export-200mib.csv (reused once written).
// nodeMBps     the app's own validator (validateCsvChunks of src/features/upload/csv, papaparse and CsvRowValidator, as the
//              worker runs them; loaded through tsx) on that file streamed from disk in 64 KiB chunks; median of 3 runs,
//              each in a new Node process. The file must come out "valid" (no error, no warning) or the bench fails.
// browserMBps  the production build, signed in as Megan Bowen, on the demo's active upload session: from the file input's
//              change event (Playwright's setInputFiles) to the frame after the checked-file list shows "Valid: N rows"
//              (react-dropzone, the validation Web Worker reading the file in slices); median of 3 runs, each in a new context. The app
//              refuses files over maxCsvFileBytes (50 MiB) before reading them, so the browser checks the export's first
//              rows, as many as fit in 50 MiB (browserFileMB); the 200 MiB file is given to it once, to see it refused.
// peakMemMB    the larger of two growths, each the largest of its 3 runs: Node's RSS while validating the 200 MiB file
//              minus its RSS just before (after a forced GC); the RSS (/proc VmRSS) of the renderer process that grew most
//              (the page's, which also runs its dedicated worker) while validating the 50 MiB file, minus just before.
//              Both are logged to stderr, with Node's heapUsed growth and what the validator holds at the end (after GC).
// Nothing is uploaded: the panel sends files only on its Upload button, never pressed here (the emulator's log is checked).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { register } from 'tsx/esm/api';
import { badgePath, demo } from './lib/demo-ids.mjs';
import { buildUnlessAsked, logger, median, signIn, withAppAndEmulator } from './lib/harness.mjs';

register(); // Lets this plain .mjs import the app's TypeScript sources.
const { maxCsvFileBytes } = await import('../src/features/upload/csv/csv-file-checks.ts');
const { csvFormats, csvTemplate } = await import('../src/features/upload/csv/csv-formats.ts');

const MiB = 1_048_576;
const runs = 3;
const dir = 'node_modules/.bench-csv';
const bigPath = resolve(dir, 'review-export-200mib.csv');
const browserPath = resolve(dir, 'review-export-first-50mib.csv');
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
 * Writes the 200 MiB export and, beside it, its first rows as the largest file the app accepts; to .part files renamed
 * when complete, so files that exist are whole. Each (principal, permission) pair appears once: a repeated row would be
 * a warning, not "valid".
 */
async function writeFiles() {
  if (existsSync(bigPath) && existsSync(browserPath) && statSync(bigPath).size >= bigBytes && statSync(browserPath).size <= maxCsvFileBytes) {
    log(`reusing ${dir}`);
    return;
  }
  log(`writing ${dir}`);
  mkdirSync(dir, { recursive: true });
  const perms = permissions();
  const users = Array.from({ length: 30_000 }, guid);
  const [big, small] = [createWriteStream(`${bigPath}.part`), createWriteStream(`${browserPath}.part`)];
  let batch = `\uFEFF${header}`; // With a BOM, as Excel saves "CSV UTF-8", which the app asks for.
  let smallBatch = batch;
  let [written, smallWritten, smallFull] = [0, Buffer.byteLength(batch), false];
  for (let n = 0; written < bigBytes; n++) {
    const user = n % users.length;
    const row = `${users[user]},EntraIdUser,${perms[(Math.floor(n / users.length) * 7 + user) % perms.length]},${customData(n)}\r\n`;
    batch += row;
    const size = Buffer.byteLength(row);
    smallFull ||= smallWritten + size > maxCsvFileBytes;
    if (!smallFull) [smallBatch, smallWritten] = [smallBatch + row, smallWritten + size];
    if (batch.length < MiB) continue;
    written += Buffer.byteLength(batch);
    if (!big.write(batch)) await once(big, 'drain');
    if (smallBatch && !small.write(smallBatch)) await once(small, 'drain');
    [batch, smallBatch] = ['', ''];
  }
  big.end(batch);
  small.end(smallBatch);
  await Promise.all([once(big, 'close'), once(small, 'close')]);
  renameSync(`${bigPath}.part`, bigPath);
  renameSync(`${browserPath}.part`, browserPath);
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

/** Page code, as text (the CSP bans eval): the time from the input's change event to the frame after `name` is checked. */
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
]).then(([chosen, shown]) => ({ ms: shown - chosen, text: document.querySelector('li[aria-label=${JSON.stringify(name)}]').textContent }));
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

async function browserRuns(browser, baseUrl, emulatorUrl) {
  const cdp = await browser.newBrowserCDPSession();
  const refusal = await openPanel(browser, baseUrl);
  await refusal.input.setInputFiles(bigPath);
  const refused = refusal.page.getByRole('listitem', { name: 'review-export-200mib.csv' });
  // Checked whole (memory stays flat), then refused for upload over maxCsvFileBytes: the prepare flow splits it.
  const startedAt = Date.now();
  await refused.getByText('an upload takes at most').waitFor({ timeout: 300_000 });
  log(`browser: the 200 MiB file, checked whole in ${Date.now() - startedAt} ms (Playwright's wait, not the page's clock), is refused for upload: "${(await refused.textContent()).slice(0, 200)}…"`);
  await refusal.context.close();

  const mb = statSync(browserPath).size / MiB;
  const times = [];
  let memMB = 0;
  for (let run = 0; run < runs; run++) {
    const { context, page, input } = await openPanel(browser, baseUrl);
    // Per process, and only those there before: the page's renderer grows; others may start or end meanwhile.
    const base = await rendererRss(cdp);
    const peak = new Map(base);
    const sample = async () => {
      for (const [pid, rss] of await rendererRss(cdp)) if (peak.has(pid)) peak.set(pid, Math.max(peak.get(pid), rss));
    };
    const sampler = setInterval(() => sample().catch(() => {}), 100);
    await page.evaluate(timeCheck('review-export-first-50mib.csv'));
    await input.setInputFiles(browserPath);
    const { ms, text } = await page.evaluate('window.__checked');
    clearInterval(sampler);
    await sample();
    await context.close();
    if (!/Valid: [\d,]+ rows/.test(text)) throw new Error(`The browser did not find the file valid: ${text}`);
    const growthMB = Math.max(...[...base].map(([pid, rss]) => peak.get(pid) - rss)) / MiB;
    log(`browser: ${Math.round(ms)} ms for ${mb.toFixed(1)} MiB, ${text.match(/Valid: [\d,]+ rows/)[0]}, renderer RSS +${growthMB.toFixed(1)} MiB`);
    times.push(ms);
    memMB = Math.max(memMB, growthMB);
  }
  const requests = await (await fetch(`${emulatorUrl}/_emulator/requests`)).json();
  if (requests.some((r) => r.path.endsWith('/uploadFile'))) throw new Error('A file was uploaded');
  return { mb, mbps: median(times.map((ms) => mb / (ms / 1000))), memMB };
}

async function main() {
  buildUnlessAsked(log);
  await writeFiles();
  const node = nodeRuns();
  const browser = await withAppAndEmulator({}, ({ emulatorUrl, baseUrl, browser }) => browserRuns(browser, baseUrl, emulatorUrl));
  const figures = { fileMB: statSync(bigPath).size / MiB, nodeMBps: node.mbps, browserMBps: browser.mbps, peakMemMB: Math.max(node.memMB, browser.memMB) };
  console.log(JSON.stringify({ bench: 'csv', ...figures, browserFileMB: browser.mb }, (_, v) => (typeof v === 'number' ? round1(v) : v)));
}

const child = process.argv.indexOf('--node-run');
if (child > 0) await nodeRun(process.argv[child + 1]);
else await main();
