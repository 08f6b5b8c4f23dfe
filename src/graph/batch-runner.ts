/**
 * Bulk lookups (people by email, ids to verify): the values split into chunks (15 for a `$filter=… in (…)`, 1,000 for
 * getByIds), each chunk one request, and every chunk's outcome kept apart, so one failure costs only its own values
 * ("lookup failed", retry) and never the run. GETs sent with `batch: true` in the same task are grouped by the client
 * into `$batch` requests of 20, four in flight, each inner 429/503 waited out with its own Retry-After (batch.ts).
 */

export interface ChunkProgress {
  /** Values whose chunk has an answer (found, not found or failed). */
  done: number;
  total: number;
  /** Values whose chunk failed. */
  failed: number;
}

export interface RunChunksOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ChunkProgress) => void;
  /** Chunks on their way at once (default: all). */
  concurrency?: number;
  /**
   * Chunks started together, once that many may go (batched GETs: 20, a `$batch`'s worth), so each start costs a
   * short task however many chunks there are, and each group leaves as one `$batch`.
   */
  groupSize?: number;
}

export type ChunkOutcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

export function chunksOf<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Runs `run` for every chunk, at most `concurrency` at a time, and gives each chunk's outcome in order. Rejects with
 * the signal's reason once it is aborted (what is on its way is cancelled through the same signal).
 */
export function runChunks<T, R>(
  chunks: readonly T[][],
  run: (chunk: T[], signal?: AbortSignal) => Promise<R>,
  options: RunChunksOptions = {},
): Promise<ChunkOutcome<R>[]> {
  const { signal, onProgress } = options;
  const concurrency = Math.max(1, options.concurrency ?? chunks.length);
  const groupSize = Math.max(1, Math.min(options.groupSize ?? 1, concurrency));
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const outcomes: ChunkOutcome<R>[] = new Array(chunks.length);
  let done = 0;
  let failed = 0;
  let next = 0;
  let running = 0;
  let finished = 0;

  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    if (chunks.length === 0) return resolve(outcomes);
    let stopped = false;
    const stop = (reason: unknown) => {
      stopped = true;
      reject(reason);
    };
    signal?.addEventListener('abort', () => stop(signal.reason), { once: true });

    const runOne = async (index: number) => {
      const chunk = chunks[index]!;
      try {
        outcomes[index] = { ok: true, value: await run(chunk, signal) };
      } catch (error) {
        outcomes[index] = { ok: false, error };
        failed += chunk.length;
      }
      if (stopped) return;
      running--;
      finished++;
      done += chunk.length;
      onProgress?.({ done, total, failed });
      if (finished === chunks.length) resolve(outcomes);
      else startMore();
    };

    // A whole group starts at once, in one task, so the client's batcher sends it as one $batch.
    const startMore = () => {
      for (;;) {
        const group = Math.min(groupSize, chunks.length - next);
        if (group === 0 || concurrency - running < group) return;
        running += group;
        for (let k = 0; k < group; k++) void runOne(next++);
      }
    };
    startMore();
  });
}
