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
  /** Chunks on their way at once; unlimited lets the client's batcher group them all (GETs). */
  concurrency?: number;
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
export async function runChunks<T, R>(
  chunks: readonly T[][],
  run: (chunk: T[], signal?: AbortSignal) => Promise<R>,
  options: RunChunksOptions = {},
): Promise<ChunkOutcome<R>[]> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const outcomes: ChunkOutcome<R>[] = new Array(chunks.length);
  let done = 0;
  let failed = 0;
  let next = 0;

  const runOne = async (index: number) => {
    const chunk = chunks[index]!;
    try {
      outcomes[index] = { ok: true, value: await run(chunk, signal) };
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      outcomes[index] = { ok: false, error };
      failed += chunk.length;
    }
    done += chunk.length;
    onProgress?.({ done, total, failed });
  };

  const concurrency = Math.max(1, Math.min(options.concurrency ?? chunks.length, chunks.length));
  const workers = Array.from({ length: concurrency }, async () => {
    while (next < chunks.length) await runOne(next++);
  });
  await Promise.all(workers);
  signal?.throwIfAborted();
  return outcomes;
}
