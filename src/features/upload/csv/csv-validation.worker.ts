import { csvFormats, isCsvFormatId } from './csv-formats';
import { createSHA256 } from 'hash-wasm';
import { fileSliceBytes, validateCsvFile } from './csv-stream';
import { hashWhileReading } from './file-sha256';
import type { ValidationRequest, ValidationResponse } from './validation-result';

/** Validates CSV files off the main thread, so a 50 MB file never freezes the page. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
/** Progress is sent at most this often per file (ms): enough for a smooth bar, and few messages for the page to handle. */
const progressEveryMs = 100;

const send = (message: ValidationResponse) => scope.postMessage(message);

async function validate(id: number, file: File, formatId: string) {
  const controller = new AbortController();
  running.set(id, controller);
  let reportedAt = performance.now();
  try {
    if (!isCsvFormatId(formatId)) throw new Error(`Unknown CSV format '${formatId}'.`);
    // The SHA-256 is fed the same slices the checks read: the file is read once for both.
    const hashing = hashWhileReading(file, (await createSHA256()).init());
    const checked = await validateCsvFile(hashing.file, csvFormats[formatId], {
      signal: controller.signal,
      onProgress: (bytesRead) => {
        const now = performance.now();
        if (now - reportedAt < progressEveryMs) return;
        reportedAt = now;
        send({ type: 'progress', id, bytesRead });
      },
    });
    controller.signal.throwIfAborted();
    // Only a file that can be uploaded needs its identity: an invalid one is not read to its end for a hash.
    const result = checked.verdict === 'invalid' ? checked : { ...checked, sha256: await hashing.finish(fileSliceBytes) };
    send({ type: 'result', id, result });
  } catch (error) {
    if (!controller.signal.aborted) send({ type: 'failure', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}

scope.onmessage = (event: MessageEvent<ValidationRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') running.get(request.id)?.abort();
  else void validate(request.id, request.file, request.formatId);
};
