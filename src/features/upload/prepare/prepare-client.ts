import type { PrincipalScan } from './people-scan';
import type { PrepareOutcome, PrepareRequest, PrepareResponse } from './prepare-messages';
import type { PreparePlan } from './prepare-pipeline';

export interface WorkerJob<T> {
  outcome: Promise<T>;
  cancel: () => void;
}
export type PrepareJob = WorkerJob<PrepareOutcome>;

export type PrepareFile = (file: File, plan: PreparePlan, onProgress: (bytesRead: number) => void) => PrepareJob;

interface Pending {
  resolve: (outcome: never) => void;
  reject: (error: Error) => void;
  onProgress: (bytesRead: number) => void;
}

/** The page's side of the preparation worker: started on first use, one job at a time or several. */
export function createPrepareWorker(): { prepare: PrepareFile; scan: (file: File, plan: PreparePlan) => WorkerJob<PrincipalScan>; dispose: () => void } {
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
      if (message.type === 'result') job.resolve(message.outcome as never);
      else if (message.type === 'scanned') job.resolve(message.scan as never);
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

  function run<T>(request: { type: 'prepare' | 'scan'; file: File; plan: PreparePlan }, onProgress: (bytesRead: number) => void): WorkerJob<T> {
    const id = nextId++;
    const outcome = new Promise<T>((resolve, reject) => pending.set(id, { resolve: resolve as (outcome: never) => void, reject, onProgress }));
    (worker ??= start()).postMessage({ ...request, id } satisfies PrepareRequest);
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
  }

  return {
    prepare: (file, plan, onProgress) => run({ type: 'prepare', file, plan }, onProgress),
    scan: (file, plan) => run({ type: 'scan', file, plan }, () => {}),
    dispose() {
      worker?.terminate();
      worker = undefined;
      pending.clear();
    },
  };
}
