import { csvFormats, isCsvFormatId } from './csv-formats';
import { checkRange } from './csv-range';
import type { RangeRequest, RangeResponse } from './range-messages';

/** Checks later ranges of large files for the validation worker, on another core (csv-split.ts). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
/** Progress at most this often (ms): the validation worker sends the page at most one every 100 ms. */
const progressEveryMs = 50;

const send = (message: RangeResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

async function check(request: Extract<RangeRequest, { type: 'range' }>) {
  const { id, file, formatId, bounds, index } = request;
  const controller = new AbortController();
  running.set(id, controller);
  let reportedAt = performance.now();
  try {
    if (!isCsvFormatId(formatId)) throw new Error(`Unknown CSV format '${formatId}'.`);
    const result = await checkRange(file, csvFormats[formatId], bounds, index, {
      signal: controller.signal,
      onProgress: (bytesRead) => {
        const now = performance.now();
        if (now - reportedAt < progressEveryMs) return;
        reportedAt = now;
        send({ type: 'progress', id, bytesRead });
      },
    });
    controller.signal.throwIfAborted();
    // The row hashes (12 bytes a row) move to the validation worker rather than being copied.
    send({ type: 'result', id, result }, result ? [result.partial.hashes.buffer, result.partial.hashLines.buffer] : []);
  } catch (error) {
    if (!controller.signal.aborted) send({ type: 'failure', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}

scope.onmessage = (event: MessageEvent<RangeRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') running.get(request.id)?.abort();
  else void check(request);
};
