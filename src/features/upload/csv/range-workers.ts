import type { RunRange } from './csv-split';
import type { RangeRequest, RangeResponse } from './range-messages';

/** What RangeWorkers needs of a range worker (csv-range.worker.ts). */
export interface RangePort {
  postMessage(message: RangeRequest): void;
  onmessage: ((event: MessageEvent<RangeResponse>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  terminate(): void;
}

interface Pending {
  /** The worker's place in the pool. */
  slot: number;
  resolve: (result: Extract<RangeResponse, { type: 'result' }>['result']) => void;
  reject: (error: Error) => void;
  onProgress: (bytesRead: number) => void;
}

/**
 * The range workers of the validation worker, started on first use and kept for the next files: range k of every
 * split file goes to worker k - 1, several files' ranges at once. A worker that fails fails its ranges (the first
 * range's worker then reads them itself) and is replaced by the next file's.
 */
export class RangeWorkers {
  private readonly workers: (RangePort | undefined)[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(private readonly create: () => RangePort) {}

  /** Runs the later ranges of `file` in the range workers. */
  runner(file: File, formatId: string): RunRange {
    return (index, bounds, signal, onProgress) =>
      new Promise((resolve, reject) => {
        signal.throwIfAborted();
        const id = this.nextId++;
        const worker = this.worker(index - 1);
        this.pending.set(id, { slot: index - 1, resolve, reject, onProgress });
        signal.addEventListener(
          'abort',
          () => {
            if (!this.pending.delete(id)) return;
            worker.postMessage({ type: 'cancel', id });
            reject(signal.reason as Error);
          },
          { once: true },
        );
        worker.postMessage({ type: 'range', id, file, formatId, bounds, index });
      });
  }

  private worker(slot: number): RangePort {
    const existing = this.workers[slot];
    if (existing) return existing;
    const created = this.create();
    created.onmessage = (event) => {
      const message = event.data;
      const job = this.pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') {
        job.onProgress(message.bytesRead);
        return;
      }
      this.pending.delete(message.id);
      if (message.type === 'result') job.resolve(message.result);
      else job.reject(new Error(message.message));
    };
    created.onerror = () => {
      for (const [id, job] of this.pending) {
        if (job.slot !== slot) continue;
        this.pending.delete(id);
        job.reject(new Error('A range worker stopped.'));
      }
      created.terminate();
      this.workers[slot] = undefined;
    };
    this.workers[slot] = created;
    return created;
  }
}
