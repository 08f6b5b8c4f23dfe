import { readSlices } from '../csv/csv-stream';
import { leftOutCsv } from './left-out-report';
import { scanPrincipals } from './people-scan';
import type { PrepareRequest, PrepareResponse } from './prepare-messages';
import { prepareChunks, type PreparePlan } from './prepare-pipeline';

/** Prepares exports off the main thread, streamed in slices: the page stays responsive and never holds the file. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
/** Progress at most this often: a message per slice would flood the page. */
const progressEveryBytes = 4 * 1024 * 1024;

const send = (message: PrepareResponse) => scope.postMessage(message);


async function prepare(id: number, file: File, plan: PreparePlan) {
  const controller = new AbortController();
  running.set(id, controller);
  let reported = 0;
  // Each ~1 MiB piece becomes a Blob at once, so the browser may keep the output out of this worker's heap.
  const pieces: Blob[][] = [];
  try {
    const summary = await prepareChunks(readSlices(file), plan, {
      signal: controller.signal,
      sink: { onPiece: (part, bytes) => (pieces[part] ??= []).push(new Blob([bytes as Uint8Array<ArrayBuffer>])) },
      onProgress: (bytesRead) => {
        if (bytesRead - reported < progressEveryBytes) return;
        reported = bytesRead;
        send({ type: 'progress', id, bytesRead });
      },
    });
    const files = summary.parts.map((part, index) => new File(pieces[index] ?? [], part.name, { type: 'text/csv' }));
    const report =
      summary.leftOutCount > 0
        ? new File([leftOutCsv(summary.leftOut, summary.leftOutCount)], `${plan.fileName.replace(/\.[^.]*$/, '')} (rows left out).csv`, { type: 'text/csv' })
        : undefined;
    send({ type: 'result', id, outcome: { summary, files, report } });
  } catch (error) {
    if (!controller.signal.aborted) send({ type: 'failure', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}

async function scan(id: number, file: File, plan: PreparePlan) {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    send({ type: 'scanned', id, scan: await scanPrincipals(readSlices(file), plan, controller.signal) });
  } catch (error) {
    if (!controller.signal.aborted) send({ type: 'failure', id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}

scope.onmessage = (event: MessageEvent<PrepareRequest>) => {
  const request = event.data;
  if (request.type === 'cancel') running.get(request.id)?.abort();
  else if (request.type === 'scan') void scan(request.id, request.file, request.plan);
  else void prepare(request.id, request.file, request.plan);
};
