import buildQuery from 'odata-query';
import { chunksOf, runChunks } from './batch-runner';
import { directoryKey } from './directory-key';
import type { GraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { collectionSchema, directoryObjectSchema, type DirectoryObject } from './schemas';
import type { LookupOptions } from './directory-lookup';
import { userLookupSelect } from './users';

/** getByIds takes at most this many ids a call (docs/graph-contract.md §9.1). */
export const maxIdsPerCall = 1000;
/** Calls on their way at once. */
const callsInFlight = 4;

export type DirectoryObjectType = 'user' | 'group';

/** What an id is: the object (a user or a group, by `@odata.type`), `null` when the tenant has none, or the failure. */
export type IdLookupResult = { object: DirectoryObject | null } | { failed: GraphError };

/** Whether an object from getByIds is a user (`#microsoft.graph.user`). */
export const isUserObject = (object: DirectoryObject) => (object['@odata.type'] ?? '#microsoft.graph.user').toLowerCase().endsWith('.user');

const byIdsAnswerSchema = collectionSchema(directoryObjectSchema);

/** Per client (per sign-in and its scopes) and types: lower-cased id → the object, or null for an id the tenant does not have. */
const caches = new WeakMap<GraphClient, Map<string, Map<string, DirectoryObject | null>>>();

function cacheFor(client: GraphClient, types: readonly DirectoryObjectType[]) {
  const byTypes = caches.get(client) ?? new Map<string, Map<string, DirectoryObject | null>>();
  caches.set(client, byTypes);
  // A group's id asked as a user only is null, but not when groups are asked for too.
  const name = [...types].sort().join(' ');
  const cache = byTypes.get(name) ?? new Map<string, DirectoryObject | null>();
  byTypes.set(name, cache);
  return cache;
}

/**
 * Which of `ids` are objects of the tenant, of `types`: `POST /directoryObjects/getByIds` with 1,000 ids a call, four
 * calls at a time. Ids Graph leaves out of its answer do not exist (as those types). Keyed by the lower-cased id.
 */
export async function getDirectoryObjectsByIds(
  client: GraphClient,
  ids: readonly string[],
  types: DirectoryObjectType[],
  options: LookupOptions = {},
): Promise<Map<string, IdLookupResult>> {
  const cache = cacheFor(client, types);
  const results = new Map<string, IdLookupResult>();
  const toAsk: string[] = [];
  for (const id of ids) {
    const key = directoryKey(id);
    if (key === '' || results.has(key)) continue;
    const cached = cache.get(key);
    if (cached !== undefined) results.set(key, { object: cached });
    else {
      results.set(key, { object: null });
      toAsk.push(key);
    }
  }
  const cachedCount = results.size - toAsk.length;
  const chunks = chunksOf(toAsk, maxIdsPerCall);
  // $select: accountEnabled and userType are not among getByIds' default properties; groups have mail and displayName.
  const query = buildQuery({ select: userLookupSelect });
  const outcomes = await runChunks(
    chunks,
    (chunk, signal) => client.request(client.paths.directoryObjectsByIds(), { method: 'POST', query, body: { ids: chunk, types }, schema: byIdsAnswerSchema, signal }),
    {
      signal: options.signal,
      concurrency: callsInFlight,
      onProgress: (progress) => options.onProgress?.({ ...progress, done: progress.done + cachedCount, total: progress.total + cachedCount }),
    },
  );
  outcomes.forEach((outcome, index) => {
    const chunk = chunks[index]!;
    if (!outcome.ok) {
      const failed = outcome.error instanceof GraphError ? outcome.error : new GraphError({ status: 0, code: 'lookupFailed', message: String(outcome.error) });
      for (const key of chunk) results.set(key, { failed });
      return;
    }
    const asked = new Set(chunk);
    for (const object of outcome.value.value) {
      const key = object.id.toLowerCase();
      if (asked.has(key)) results.set(key, { object });
    }
    for (const key of chunk) cache.set(key, (results.get(key) as { object: DirectoryObject | null }).object);
  });
  return results;
}
