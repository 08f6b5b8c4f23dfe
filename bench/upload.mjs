// Upload throughput: ten valid 10 MiB CSV files (MB here = MiB = 1,048,576 bytes, as in bench/csv.mjs) sent to the
// emulator's uploadFile by the console and by curl, in the same run against the same emulator. Median of 3 runs each.
//
// consoleMBps: the upload queue, as someone uses it: the production build in Chromium, signed in as Megan Bowen, on
// the demo's active session (the one the e2e tests upload to), reset before each run, and with the console's upload
// journal (IndexedDB) emptied. The files are given to the dropzone's input and checked (the CSV checks are
// bench/csv.mjs's figure, logged here too); the interval is measured in the page with performance.now(): from the
// click on "Upload 10 files" (done by the page script itself as soon as the button is enabled, so no Playwright round
// trip is counted) to the frame after all ten rows of the Uploads list say "Uploaded" (each row turns so when
// uploadFile answered 200, i.e. after the emulator stored the file). It includes the console's look-up of the
// session's files before sending, CORS preflights and the ten uploads.
//
// curlMBps: /usr/bin/curl posts the same ten files to the same URL as the console (checked in the emulator's request
// log), with the console's request shape (upload-file.ts): one multipart part `file` typed application/octet-stream
// with the file name, and Authorization, client-request-id, return-client-request-id and Accept headers; `Expect:` is
// emptied because browsers never send it. Concurrency: the console queue's `uploadConcurrency` (3, read from
// src/features/upload/upload-queue.ts), so three curl processes at a time from a small pool; process start is counted.
// browserMBps: a plain XMLHttpRequest loop in the same signed-in page (a file input the bench adds to it holds the same
// ten files), with upload-file.ts's request shape and headers, `uploadConcurrency` at a time, timed in the page from
// the first send to the last 200, after an emulator reset; ratioToBrowser = consoleMBps / browserMBps (the queue's own
// cost: its look-up of the session's files, its bookkeeping, React). ratio to curl stays as a reference.
// --profile: one more console run with a CPU profile of the page's main thread, its heaviest functions on stderr.
// The token is the console's own: the Authorization header of its first Graph request after sign-in, read through
// Playwright (never printed, and handed to curl on stdin, not on its command line). The emulator keeps its signing key
// across /_emulator/reset, so the token stays valid for the whole run (1 hour).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { badgePath, demo } from './lib/demo-ids.mjs';
import { heaviestFunctions } from './lib/cpu-profile.mjs';
import { buildUnlessAsked, logger, median, signIn, withAppAndEmulator } from './lib/harness.mjs';

const dir = 'node_modules/.bench-upload';
const fileCount = 10;
const MB = 1_048_576;
const fileBytes = 10 * MB;
const runs = 3;
const curlPath = '/usr/bin/curl';
/** The demo's active session: Badge Access Data, weekly badge attestation (emulator/README.md, e2e/upload-queue.spec.ts). */
const sessionId = demo.sessions.badgeActive;
const sessionPath = `${badgePath}/sessions/${sessionId}`;
const uploadPath = `/v1.0/identityGovernance/entitlementManagement${badgePath}/uploadSessions/${sessionId}/uploadFile`;

const log = logger('upload');

/** The console queue's concurrency, from its source, so that curl follows it if it changes. */
function queueConcurrency() {
  const match = /export const uploadConcurrency = (\d+);/.exec(readFileSync('src/features/upload/upload-queue.ts', 'utf8'));
  if (!match) throw new Error('uploadConcurrency not found in src/features/upload/upload-queue.ts');
  return Number(match[1]);
}

const guid = (n) => `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21`;
/** The owners of every row: any GUIDs do (the console checks their shape), apart from the PrincipalIds (from 1,000,001). */
const [ownerUser, ownerGroup] = [guid(1), guid(2)];
const header =
  'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\n';
/** One row of the Entra format, valid and unique (its PermissionId), with owners (no warning); `pad` fills CustomData. */
const row = (file, n, pad = '') =>
  `${guid(file * 1_000_000 + n)},EntraIdUser,door-${file}-${n},Door ${n},Main entrance and the garage levels,Physical,site-${file},Building ${file},${ownerUser},${ownerGroup},Night shift${pad}\n`;

/** Ten valid CSV files of exactly fileBytes each (ASCII), reused when present with the right size. */
function writeFiles() {
  mkdirSync(dir, { recursive: true });
  const paths = [];
  for (let file = 1; file <= fileCount; file++) {
    const path = resolve(dir, `bench-upload-${String(file).padStart(2, '0')}.csv`);
    paths.push(path);
    if (statSync(path, { throwIfNoEntry: false })?.size === fileBytes) continue;
    const parts = [header];
    let size = header.length;
    let n = 1;
    for (let next = row(file, n); size + next.length + 2 * next.length < fileBytes; next = row(file, ++n)) {
      parts.push(next);
      size += next.length;
    }
    // The last row's CustomData takes the bytes left.
    const last = row(file, n);
    parts.push(row(file, n, 'x'.repeat(fileBytes - size - last.length)));
    writeFileSync(path, parts.join(''));
    if (statSync(path).size !== fileBytes) throw new Error(`${path} is not ${fileBytes} bytes`);
  }
  return paths;
}

/**
 * Page code, as text (evaluated through the DevTools protocol, so the strict CSP's ban on eval does not apply):
 * resolves with performance.now() at the input's change event, at the click on the upload button, and in the frame
 * after every upload row says Uploaded.
 */
const watchUpload = (count) => `window.__upload = new Promise((resolve, reject) => {
  let given, clicked;
  document.addEventListener('change', (event) => {
    if (event.target.type === 'file' && given === undefined) given = performance.now();
  }, { capture: true });
  const check = () => {
    if (given === undefined) return;
    if (clicked === undefined) {
      const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Upload ${count} files');
      if (!button || button.disabled || button.getAttribute('aria-disabled') === 'true') return;
      clicked = performance.now();
      button.click();
      return;
    }
    const rows = [...document.querySelectorAll('ul[aria-label="Uploads"] > li')];
    const failed = rows.find((row) => row.textContent.includes('Failed'));
    if (failed) return fail(failed.textContent);
    if (rows.length !== ${count} || !rows.every((row) => row.textContent.includes('Uploaded'))) return;
    stop();
    requestAnimationFrame(() => resolve({ given, clicked, done: performance.now() }));
  };
  const observer = new MutationObserver(check);
  const timer = setTimeout(() => fail('timed out; checked files: ' + (document.querySelector('ul[aria-label="Checked files"]')?.textContent ?? 'none')), 120000);
  const stop = () => { observer.disconnect(); clearTimeout(timer); };
  const fail = (message) => { stop(); reject(new Error(message)); };
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
}); undefined`;

async function control(emulatorUrl, path, method = 'GET') {
  const response = await fetch(`${emulatorUrl}/_emulator/${path}`, { method });
  if (!response.ok) throw new Error(`${method} /_emulator/${path}: HTTP ${response.status}`);
  return response.status === 204 ? undefined : response.json();
}

/** Each of the ten files stored exactly once, with its size, in the session. */
async function assertStored(emulatorUrl, paths) {
  const state = await control(emulatorUrl, 'state');
  const files = state.sessions.find((s) => s.id === sessionId).files;
  for (const path of paths) {
    const name = path.split('/').at(-1);
    const stored = files.filter((f) => f.name === name);
    if (stored.length !== 1 || stored[0].size !== fileBytes) throw new Error(`${name} is stored ${stored.length} times (${stored[0]?.size} bytes)`);
  }
}

/**
 * Page code: the uploads (Resource Timing) that started at or after `since`: the mean time each took, and the mean gap
 * between an answer and the start that took its slot (the k-th start after the first `concurrency` against the
 * k-th answer), in ms.
 */
function uploadGaps({ since, concurrency }) {
  const uploads = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/uploadFile') && e.startTime >= since);
  const starts = uploads.map((e) => e.startTime).sort((a, b) => a - b);
  const ends = uploads.map((e) => e.responseEnd).sort((a, b) => a - b);
  const gaps = starts.slice(concurrency).map((start, k) => start - ends[k]);
  const mean = (values) => values.reduce((sum, v) => sum + v, 0) / Math.max(1, values.length);
  return { took: mean(uploads.map((e) => e.responseEnd - e.startTime)), gap: mean(gaps) };
}

/** CORS preflights (OPTIONS) to the upload URL in the emulator's log since it was last cleared. */
async function uploadPreflights(emulatorUrl) {
  return (await control(emulatorUrl, 'requests')).filter((r) => r.method === 'OPTIONS' && r.path === uploadPath).length;
}

/** The console's upload journal (IndexedDB), by its name in the source, so that the bench follows it if it changes. */
function journalDatabase() {
  const match = /const databaseName = '([^']+)';/.exec(readFileSync('src/features/upload/journal/indexeddb-journal-storage.ts', 'utf8'));
  if (!match) throw new Error('databaseName not found in src/features/upload/journal/indexeddb-journal-storage.ts');
  return match[1];
}

/**
 * Empties the console's journal, as the emulator's reset empties the session. Left as it was, the journal lists the
 * previous run's ten files (same names, sizes and SHA-256) as arrived, so the queue asks Graph about each file before
 * sending it (another tab or visit may have stored it: docs/architecture.md, the queue's guarantees): one more request
 * per file that a first upload of new files never makes, nor the loop or curl.
 */
async function clearJournal(page, baseUrl) {
  // The catalogs page never opens the journal: nothing holds the database open to block its deletion.
  await page.goto(baseUrl);
  await page.evaluate(
    (name) =>
      new Promise((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error(`${name} is still open`));
      }),
    journalDatabase(),
  );
}

/** Seconds from the click on the upload button to all ten uploaded, as the page measured them. */
async function consoleRun(page, baseUrl, paths) {
  await clearJournal(page, baseUrl);
  await page.goto(`${baseUrl}${sessionPath}`);
  await page.getByRole('heading', { name: 'Upload files' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.evaluate(watchUpload(paths.length));
  await page.locator('input[type=file]').setInputFiles(paths);
  const { given, clicked, done } = await page.evaluate('window.__upload');
  const checksMBps = (fileCount * fileBytes) / MB / ((clicked - given) / 1000);
  // Where the interval goes, from Resource Timing: before the first upload starts, the uploads, after the last answer.
  const { first, last } = await page.evaluate(`(() => {
    const uploads = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/uploadFile') && e.startTime >= ${clicked});
    return { first: Math.min(...uploads.map((e) => e.startTime)), last: Math.max(...uploads.map((e) => e.responseEnd)) };
  })()`);
  const { took, gap } = await page.evaluate(uploadGaps, { since: clicked, concurrency: queueConcurrency() });
  log(
    `console: checks ${Math.round(clicked - given)} ms (${checksMBps.toFixed(1)} MB/s, not counted), then uploads ${Math.round(done - clicked)} ms: ` +
      `${Math.round(first - clicked)} ms to the first upload, ${Math.round(last - first)} ms of uploads, ${Math.round(done - last)} ms to the frame after; ` +
      `each upload ${Math.round(took)} ms, ${gap.toFixed(1)} ms from an answer to the next start`,
  );
  return (done - clicked) / 1000;
}

/** One curl upload, shaped as upload-file.ts sends it; the headers (with the token) go on stdin. */
function curlUpload(url, authorization, path) {
  const name = path.split('/').at(-1);
  const args = ['-sS', '-o', '/dev/null', '-w', '%{http_code}', '-H', '@-', '-H', 'Expect:', '-F', `file=@${path};type=application/octet-stream;filename=${name}`, url];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(curlPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0 && out === '200') resolvePromise();
      else reject(new Error(`curl ${name}: exit ${code}, HTTP ${out} ${err}`));
    });
    child.stdin.end(
      `Authorization: ${authorization}\nclient-request-id: ${randomUUID()}\nreturn-client-request-id: true\nAccept: application/json\n`,
    );
  });
}

/**
 * Page code: the same files, posted by plain XMLHttpRequests shaped as upload-file.ts's, `concurrency` at a time;
 * resolves with the seconds from the first send to the last answer, or rejects on any status but 200.
 */
function xhrLoop({ url, authorization, concurrency }) {
  const files = [...document.getElementById('bench-xhr-files').files];
  const post = (file) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', url);
      xhr.setRequestHeader('Authorization', authorization);
      xhr.setRequestHeader('client-request-id', crypto.randomUUID());
      xhr.setRequestHeader('return-client-request-id', 'true');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.onload = () => (xhr.status === 200 ? resolve() : reject(new Error(`${file.name}: HTTP ${xhr.status}`)));
      xhr.onerror = () => reject(new Error(`${file.name}: network error`));
      const body = new FormData();
      body.append('file', new Blob([file], { type: 'application/octet-stream' }), file.name);
      xhr.send(body);
    });
  const start = performance.now();
  return Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (files.length > 0) await post(files.shift());
    }),
  ).then(() => (performance.now() - start) / 1000);
}

/** Seconds for the plain loop in `page` (on the console's session page, signed in) to send all files. */
async function xhrRun(page, url, authorization, paths, concurrency) {
  await page.evaluate(() => {
    const input = Object.assign(document.createElement('input'), { type: 'file', multiple: true, id: 'bench-xhr-files', hidden: true });
    document.body.append(input);
  });
  await page.locator('#bench-xhr-files').setInputFiles(paths);
  const since = await page.evaluate(() => performance.now());
  const seconds = await page.evaluate(xhrLoop, { url, authorization, concurrency });
  const { took, gap } = await page.evaluate(uploadGaps, { since, concurrency });
  log(`plain loop: each upload ${Math.round(took)} ms, ${gap.toFixed(1)} ms from an answer to the next start`);
  return seconds;
}

/** Seconds for curl to send all files, `concurrency` at a time, in the console's order. */
async function curlRun(url, authorization, paths, concurrency) {
  const waiting = [...paths];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (waiting.length > 0) await curlUpload(url, authorization, waiting.shift());
    }),
  );
  return (performance.now() - start) / 1000;
}

async function main() {
  const concurrency = queueConcurrency();
  buildUnlessAsked(log);
  const paths = writeFiles();
  const totalMB = (fileCount * fileBytes) / MB;
  await withAppAndEmulator({}, async ({ emulatorUrl, baseUrl, browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, baseUrl);
    // The console's own bearer token, from its first Graph request on the session page.
    const graphRequest = page.waitForRequest((request) => request.method() === 'GET' && request.url().startsWith(`${emulatorUrl}/v1.0/`));
    await page.goto(`${baseUrl}${sessionPath}`);
    const authorization = await (await graphRequest).headerValue('authorization');
    if (!authorization?.startsWith('Bearer ')) throw new Error('The console sent no bearer token to Graph');

    const consoleSeconds = [];
    const curlSeconds = [];
    const xhrSeconds = [];
    for (let run = 0; run < runs; run++) {
      await control(emulatorUrl, 'reset', 'POST');
      await control(emulatorUrl, 'requests', 'DELETE');
      consoleSeconds.push(await consoleRun(page, baseUrl, paths));
      await assertStored(emulatorUrl, paths);
      const uploads = (await control(emulatorUrl, 'requests')).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadFile'));
      if (uploads.length !== fileCount || uploads.some((r) => r.path !== uploadPath || r.status !== 200)) {
        throw new Error(`The console's uploads were not ${fileCount} × 200 to ${uploadPath}: ${JSON.stringify(uploads)}`);
      }
      const consolePreflights = await uploadPreflights(emulatorUrl);

      await control(emulatorUrl, 'reset', 'POST');
      await control(emulatorUrl, 'requests', 'DELETE');
      xhrSeconds.push(await xhrRun(page, `${emulatorUrl}${uploadPath}`, authorization, paths, concurrency));
      await assertStored(emulatorUrl, paths);
      log(`preflights of the uploads: console ${consolePreflights}, plain loop ${await uploadPreflights(emulatorUrl)}`);

      await control(emulatorUrl, 'reset', 'POST');
      curlSeconds.push(await curlRun(`${emulatorUrl}${uploadPath}`, authorization, paths, concurrency));
      await assertStored(emulatorUrl, paths);
      log(`run ${run + 1}: console ${consoleSeconds[run].toFixed(2)} s, plain XHR loop ${xhrSeconds[run].toFixed(2)} s, curl ${curlSeconds[run].toFixed(2)} s (${concurrency} at a time)`);
    }
    if (process.argv.includes('--profile')) {
      await control(emulatorUrl, 'reset', 'POST');
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const seconds = await consoleRun(page, baseUrl, paths);
      const { profile } = await cdp.send('Profiler.stop');
      log(`profile of the page (a console run of ${seconds.toFixed(2)} s, the checks included), self time:`);
      for (const line of heaviestFunctions(profile)) log(`  ${line}`);
    }
    await context.close();

    const consoleMBps = totalMB / median(consoleSeconds);
    const curlMBps = totalMB / median(curlSeconds);
    const browserMBps = totalMB / median(xhrSeconds);
    console.log(
      JSON.stringify({
        bench: 'upload',
        files: fileCount,
        totalMB,
        consoleMBps: Math.round(consoleMBps * 10) / 10,
        curlMBps: Math.round(curlMBps * 10) / 10,
        ratio: Math.round((consoleMBps / curlMBps) * 100) / 100,
        browserMBps: Math.round(browserMBps * 10) / 10,
        ratioToBrowser: Math.round((consoleMBps / browserMBps) * 100) / 100,
      }),
    );
  });
}

await main();
