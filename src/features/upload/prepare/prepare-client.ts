import type { PrepareOutcome, PrepareRequest, PrepareResponse } from './prepare-messages';
import type { PreparePlan } from './prepare-pipeline';

export interface PrepareJob {
  outcome: Promise<PrepareOutcome>;
  cancel: () => void;
}

export type PrepareFile = (file: File, plan: PreparePlan, onProgress: (bytesRead: number) => void) => PrepareJob;

interface Pending {
  resolve: (outcome: PrepareOutcome) => void;
  reject: (error: Error) => void;
  onProgress: (bytesRead: number) => void;
}

/** The page's side of the preparation worker: started on first use, one job at a time or several. */
export function createPrepareWorker(): { prepare: PrepareFile; dispose: () => void } {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = () => {
    const created = new Worker(new URL('./prepare.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<PrepareResponse>) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') {
        job.onProgress(message.bytesRead);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'result') job.resolve(message.outcome);
      else job.reject(new Error(message.message));
    };
    created.onerror = (event) => {
      for (const job of pending.values()) job.reject(new Error(`The preparation stopped: ${event.message || 'it could not start'}.`));
      pending.clear();
      created.terminate();
      worker = undefined;
    };
    return created;
  };

  return {
    prepare(file, plan, onProgress) {
      const id = nextId++;
      const outcome = new Promise<PrepareOutcome>((resolve, reject) => pending.set(id, { resolve, reject, onProgress }));
      (worker ??= start()).postMessage({ type: 'prepare', id, file, plan } satisfies PrepareRequest);
      return {
        outcome,
        cancel: () => {
          const job = pending.get(id);
          if (!job) return;
          pending.delete(id);
          worker?.postMessage({ type: 'cancel', id } satisfies PrepareRequest);
          job.reject(new DOMException('The preparation was cancelled.', 'AbortError'));
        },
      };
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      pending.clear();
    },
  };
}
