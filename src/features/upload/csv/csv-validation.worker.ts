import { csvFormats, isCsvFormatId } from './csv-formats';
import { rangeCount, splitBounds, validateSplitCsvFile } from './csv-split';
import { uploadSizeProblem } from './csv-file-checks';
import { fileSliceBytes, validateCsvFile } from './csv-stream';
import { hashWhileReading } from './file-sha256';
import { RangeWorkers } from './range-workers';
import { RemoteSha256 } from './remote-sha256';
import type { ValidationRequest, ValidationResponse } from './validation-result';

/** Validates CSV files off the main thread, so a 50 MB file never freezes the page. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
/** Progress is sent at most this often per file (ms): enough for a smooth bar, and few messages for the page to handle. */
const progressEveryMs = 100;

const send = (message: ValidationResponse) => scope.postMessage(message);

/** Hashes on another thread while this one checks (sha256.worker.ts); started with the first file. */
let sha256Worker: Worker | undefined;
const sha256Port = () => (sha256Worker ??= new Worker(new URL('./sha256.worker.ts', import.meta.url), { type: 'module' }));
/** Check the later ranges of a large file on the other cores (csv-split.ts); started with the first such file. */
const rangeWorkers = new RangeWorkers(() => new Worker(new URL('./csv-range.worker.ts', import.meta.url), { type: 'module' }));

async function validate(id: number, file: File, formatId: string) {
  const controller = new AbortController();
  running.set(id, controller);
  let reportedAt = performance.now();
  // A file over the upload limit is invalid whatever its rows hold (csv-file-checks.ts): it never needs its identity.
  const hash = uploadSizeProblem(file.size) ? undefined : new RemoteSha256(sha256Port());
  let hashed = false;
  try {
    if (!isCsvFormatId(formatId)) throw new Error(`Unknown CSV format '${formatId}'.`);
    // A file to hash leaves one processor to the SHA-256 worker (docs/architecture.md, the CSV checks).
    const ranges = rangeCount(file.size, navigator.hardwareConcurrency - (hash ? 1 : 0));
    // The SHA-256 worker is fed copies of the slices the checks read: the file is read once for both. The ranges of a
    // split file are read out of order: the SHA-256 worker then reads the file itself, beside them.
    const hashing = hash && ranges === 1 ? hashWhileReading(file, hash) : undefined;
    if (hash && !hashing) hash.hashFile(file);
    const options = {
      signal: controller.signal,
      onProgress: (bytesRead: number) => {
        const now = performance.now();
        if (now - reportedAt < progressEveryMs) return;
        reportedAt = now;
        send({ type: 'progress', id, bytesRead });
      },
    };
    const format = csvFormats[formatId];
    const checked =
      ranges > 1
        ? await validateSplitCsvFile(file, format, await splitBounds(file, ranges), rangeWorkers.runner(file, formatId), options)
        : await validateCsvFile(hashing?.file ?? file, format, options);
    controller.signal.throwIfAborted();
    // Only a file that can be uploaded needs its identity: an invalid one is not read to its end for a hash (and the
    // SHA-256 worker stops reading a split one when it is dropped).
    const result = checked.verdict === 'invalid' || !hash ? checked : { ...checked, sha256: await (hashing ? hashing.finish(fileSliceBytes) : hash.digest()) };
    hashed = result !== checked;
    send({ type: 'result', id, result });
  } catch (error) {
    if (!controller.signal.aborted) send({ type: 'failure', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (!hashed) hash?.drop();
    running.delete(id);
  }
}

scope.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') running.get(request.id)?.abort();
  else void validate(request.id, request.file, request.formatId);
};
