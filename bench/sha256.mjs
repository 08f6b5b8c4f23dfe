// What the upload journal's SHA-256 adds to a CSV check: hash-wasm's incremental createSHA256 (as the validation worker
// runs it) on the CSV bench's export, node_modules/.bench-csv/review-export-200mib.csv (written by bench/csv.mjs), read
// in 1 MiB slices as the worker reads files. Prints one JSON line: readMBps (read only), hashMBps (read and hash), and
// the hash's own cost in ms per MiB; medians of 3 runs each, interleaved. MB means MiB.
import { openSync, readSync, closeSync, statSync } from 'node:fs';
import { createSHA256 } from 'hash-wasm';

const MiB = 1_048_576;
// The file may be given; flags such as run-all.mjs's --no-build are not files.
const file = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'node_modules/.bench-csv/review-export-200mib.csv';
const size = statSync(file).size;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function run(hash) {
  const hasher = hash ? (await createSHA256()).init() : undefined;
  const buffer = new Uint8Array(MiB);
  const fd = openSync(file, 'r');
  const start = performance.now();
  for (let read; (read = readSync(fd, buffer, 0, MiB, null)) > 0; ) hasher?.update(buffer.subarray(0, read));
  const digest = hasher?.digest('hex');
  const ms = performance.now() - start;
  closeSync(fd);
  return { ms, digest };
}

const reads = [];
const hashes = [];
for (let i = 0; i < 3; i++) {
  reads.push((await run(false)).ms);
  hashes.push((await run(true)).ms);
}
const mb = size / MiB;
const read = median(reads);
const hashed = median(hashes);
console.log(
  JSON.stringify({
    fileMB: Number(mb.toFixed(1)),
    readMBps: Number((mb / (read / 1000)).toFixed(1)),
    hashMBps: Number((mb / (hashed / 1000)).toFixed(1)),
    hashMsPerMB: Number(((hashed - read) / mb).toFixed(2)),
    runsMs: { read: reads.map(Math.round), hash: hashes.map(Math.round) },
  }),
);
