import buildQuery from 'odata-query';
import type { z } from 'zod';
import { batchesInFlight, maxBatchSize } from './batch';
import { chunksOf, runChunks, type ChunkProgress } from './batch-runner';
import { directoryKey } from './directory-key';
import type { GraphClient } from './graph-client';
import { GraphError } from './graph-error';

/** Graph's limit for `in` without advanced query parameters (docs/graph-contract.md §9.1). */
export const maxInValues = 15;

export interface LookupOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ChunkProgress) => void;
}

/** What one value found: the objects that have it (none, one, or several: ambiguous), or why the lookup failed. */
export type DirectoryLookupResult<T> = { found: T[] } | { failed: GraphError };

export interface DirectoryCollection<T> {
  path: (client: GraphClient) => string;
  schema: z.ZodType<T>;
  select: string[];
}

/** Per client (per sign-in and its scopes) and per collection and property: key → objects. Failures are never cached. */
const caches = new WeakMap<GraphClient, Map<string, Map<string, unknown[]>>>();

function cacheFor<T>(client: GraphClient, name: string): Map<string, T[]> {
  const byName = caches.get(client) ?? new Map<string, Map<string, unknown[]>>();
  caches.set(client, byName);
  const cache = byName.get(name) ?? new Map<string, unknown[]>();
  byName.set(name, cache);
  return cache as Map<string, T[]>;
}

/** `?$select=…&$filter=<property> in ('a','b''c')&$top=999`, values quoted and escaped by odata-query. */
export function buildInQuery(select: readonly string[], property: string, values: readonly string[]): string {
  // $top: a value several objects share (ambiguous) must not push another value's object onto a second page.
  return buildQuery({ select: [...select], filter: { [property]: { in: [...values] } }, top: 999 });
}

/**
 * Finds the objects of a collection with each value of `property`: `GET /<collection>?$filter=<property> in (…)` for
 * 15 values at a time, sent as `$batch` requests of 20 (so 300 values a request). Values found before in this
 * sign-in come from the cache, without a request. The answer is keyed by `directoryKey(value)`.
 */
export async function findBy<T extends Record<string, unknown>>(
  client: GraphClient,
  collection: DirectoryCollection<T>,
  property: string,
  values: readonly string[],
  options: LookupOptions = {},
): Promise<Map<string, DirectoryLookupResult<T>>> {
  const path = collection.path(client);
  const cache = cacheFor<T>(client, `${path} ${property}`);
  const results = new Map<string, DirectoryLookupResult<T>>();
  const toAsk: string[] = [];
  for (const value of values) {
    const key = directoryKey(value);
    if (key === '' || results.has(key)) continue;
    const cached = cache.get(key);
    if (cached) results.set(key, { found: cached });
    else {
      results.set(key, { found: [] });
      toAsk.push(key);
    }
  }
  const cachedCount = results.size - toAsk.length;
  const chunks = chunksOf(toAsk, maxInValues);
  const outcomes = await runChunks(
    chunks,
    async (chunk, signal) => {
      const page = await client.listAll(path, collection.schema, { query: buildInQuery(collection.select, property, chunk), signal, batch: true });
      // Matched as each answer arrives, so no task on the page matches all 20,000 answers at the end.
      const asked = new Set(chunk);
      for (const item of page.items) {
        const key = directoryKey(String(item[property] ?? ''));
        const found = results.get(key);
        if (found && 'found' in found && asked.has(key)) found.found.push(item);
      }
      for (const key of chunk) cache.set(key, (results.get(key) as { found: T[] }).found);
    },
    {
      signal: options.signal,
      // Four batches of 20 filters on their way; the next 20 start together as soon as a batch's worth is back.
      concurrency: batchesInFlight * maxBatchSize,
      groupSize: maxBatchSize,
      onProgress: (progress) => options.onProgress?.({ ...progress, done: progress.done + cachedCount, total: progress.total + cachedCount }),
    },
  );
  outcomes.forEach((outcome, index) => {
    if (outcome.ok) return;
    const failed = outcome.error instanceof GraphError ? outcome.error : new GraphError({ status: 0, code: 'lookupFailed', message: String(outcome.error) });
    for (const key of chunks[index]!) results.set(key, { failed });
  });
  return results;
}
