import type { CsvFormatId } from './csv-formats';
import type { CsvValidationResult, ValidationRequest, ValidationResponse } from './validation-result';

export interface ValidationJob {
  result: Promise<CsvValidationResult>;
  cancel: () => void;
}

export type ValidateFile = (file: File, formatId: CsvFormatId, onProgress: (bytesRead: number) => void) => ValidationJob;

interface Pending {
  resolve: (result: CsvValidationResult) => void;
  reject: (error: Error) => void;
  onProgress: (bytesRead: number) => void;
}

/** The page's side of the validation worker: one worker, started on first use, many files at once. */
export function createCsvValidationWorker(): { validate: ValidateFile; dispose: () => void } {
  let worker: Worker | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const start = () => {
    const created = new Worker(new URL('./csv-validation.worker.ts', import.meta.url), { type: 'module' });
    created.onmessage = (event: MessageEvent<ValidationResponse>) => {
      const message = event.data;
      const job = pending.get(message.id);
      if (!job) return;
      if (message.type === 'progress') {
        job.onProgress(message.bytesRead);
        return;
      }
      pending.delete(message.id);
      if (message.type === 'result') job.resolve(message.result);
      else job.reject(new Error(message.message));
    };
    created.onerror = (event) => {
      // A worker that fails to load fails every file it holds; the next file starts a new one.
      for (const job of pending.values()) job.reject(new Error(`The CSV checker stopped: ${event.message || 'it could not start'}.`));
      pending.clear();
      created.terminate();
      worker = undefined;
    };
    return created;
  };

  const post = (message: ValidationRequest) => (worker ??= start()).postMessage(message);

  return {
    validate(file, formatId, onProgress) {
      const id = nextId++;
      const result = new Promise<CsvValidationResult>((resolve, reject) => {
        pending.set(id, { resolve, reject, onProgress });
      });
      post({ type: 'validate', id, file, formatId });
      return {
        result,
        cancel: () => {
          if (!pending.delete(id)) return;
          worker?.postMessage({ type: 'cancel', id } satisfies ValidationRequest);
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
