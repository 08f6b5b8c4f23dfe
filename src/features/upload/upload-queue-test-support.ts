import { vi } from 'vitest';
import { GraphError } from '../../graph/graph-error';
import type { UploadQueue, UploadTransport } from './upload-queue';

/** Test helpers for the upload queue's unit tests. */
interface Call {
  file: File;
  signal: AbortSignal;
  onProgress: (sent: number) => void;
  resolve: (copies?: number) => void;
  reject: (error: unknown) => void;
}

/** A transport whose uploads finish when the test says so. */
export function fakeTransport(inSession: (file: File) => number = () => 0) {
  const calls: Call[] = [];
  const transport: UploadTransport & { counted: string[]; drained: number; closedBy: GraphError[] } = {
    counted: [],
    drained: 0,
    closedBy: [],
    upload: (file, { signal, onProgress }) =>
      new Promise<number | undefined>((resolve, reject) => {
        calls.push({ file, signal, onProgress, resolve, reject });
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
    countInSession: async (file) => {
      transport.counted.push(file.name);
      return inSession(file);
    },
    onDrained: () => transport.drained++,
    onSessionClosed: (error) => transport.closedBy.push(error),
  };
  return { transport, calls };
}

export const file = (name: string, size = 10) => new File(['x'.repeat(size)], name);
export const graphError = (status: number, retryAfterSeconds?: number) =>
  new GraphError({ status, code: status === 0 ? 'networkError' : 'tooManyRequests', message: 'no', retryAfterSeconds });
export const statuses = (queue: UploadQueue) => queue.getSnapshot().map((item) => `${item.file.name}:${item.status}`);
export const flush = () => vi.advanceTimersByTimeAsync(0);

