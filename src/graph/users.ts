import { queryOptions } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { batchesInFlight, maxBatchSize } from './batch';
import { chunksOf, runChunks, type ChunkProgress } from './batch-runner';
import type { GraphClient } from './graph-client';
import { GraphError } from './graph-error';
import { queryKeys } from './query-keys';
import { directoryUserSchema, type DirectoryUser } from './schemas';

/** Properties people are looked up by (docs/graph-contract.md §9.1); object ids go through getByIds instead. */
export type UserLookupProperty = 'userPrincipalName' | 'mail' | 'employeeId';

/** Only what the outcomes need: all of it readable with User.Read.All (§9.1). */
export const userLookupSelect = ['id', 'userPrincipalName', 'mail', 'employeeId', 'accountEnabled', 'userType', 'displayName'];

/** Graph's limit for `in` without advanced query parameters (§9.1). */
export const maxInValues = 15;

/** What one value found: the users that have it (none, one, or several: ambiguous), or why the lookup failed. */
export type UserLookupResult = { users: DirectoryUser[] } | { failed: GraphError };

/** Directory values compare without case, as Graph's filters do. */
export const lookupKey = (value: string) => value.trim().toLowerCase();

/** `?$select=…&$filter=<property> in ('a','b''c')&$top=999`, values quoted and escaped by odata-query. */
export function buildUserLookupQuery(property: UserLookupProperty, values: readonly string[]): string {
  // $top: a value several users share (ambiguous) must not push another value's user onto a second page.
  return buildQuery({ select: userLookupSelect, filter: { [property]: { in: [...values] } }, top: 999 });
}

/** Per client (so per sign-in and its scopes): property → lower-cased value → users. Failures are never cached. */
const caches = new WeakMap<GraphClient, Map<UserLookupProperty, Map<string, DirectoryUser[]>>>();

function cacheFor(client: GraphClient, property: UserLookupProperty) {
  const byProperty = caches.get(client) ?? new Map<UserLookupProperty, Map<string, DirectoryUser[]>>();
  caches.set(client, byProperty);
  const cache = byProperty.get(property) ?? new Map<string, DirectoryUser[]>();
  byProperty.set(property, cache);
  return cache;
}

export interface LookupOptions {
  signal?: AbortSignal;
  onProgress?: (progress: ChunkProgress) => void;
}

/**
 * Finds the users with each value of `property`: `GET /users?$filter=<property> in (…)` for 15 values at a time, sent
 * as `$batch` requests of 20 (so 300 values a request). Values found before in this sign-in come from the cache,
 * without a request. The answer is keyed by `lookupKey(value)`.
 */
export async function findUsersBy(
  client: GraphClient,
  property: UserLookupProperty,
  values: readonly string[],
  options: LookupOptions = {},
): Promise<Map<string, UserLookupResult>> {
  const cache = cacheFor(client, property);
  const results = new Map<string, UserLookupResult>();
  const toAsk: string[] = [];
  for (const value of values) {
    const key = lookupKey(value);
    if (key === '' || results.has(key)) continue;
    const cached = cache.get(key);
    if (cached) results.set(key, { users: cached });
    else {
      results.set(key, { users: [] });
      toAsk.push(key);
    }
  }
  const cachedCount = results.size - toAsk.length;
  const chunks = chunksOf(toAsk, maxInValues);
  const outcomes = await runChunks(
    chunks,
    (chunk, signal) =>
      client.listAll(client.paths.users(), directoryUserSchema, { query: buildUserLookupQuery(property, chunk), signal, batch: true }),
    {
      signal: options.signal,
      // Four batches of 20 filters on their way; the next 20 start together as soon as a batch's worth is back.
      concurrency: batchesInFlight * maxBatchSize,
      groupSize: maxBatchSize,
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
    for (const user of outcome.value.items) {
      const key = lookupKey(user[property] ?? '');
      const found = results.get(key);
      if (found && 'users' in found && chunk.includes(key)) found.users.push(user);
    }
    for (const key of chunk) cache.set(key, (results.get(key) as { users: DirectoryUser[] }).users);
  });
  return results;
}

/** `GET /users/{id | userPrincipalName}` (§9.1): one person, for a single check. */
export function getUser(client: GraphClient, idOrUserPrincipalName: string, signal?: AbortSignal) {
  return client.request(client.paths.user(idOrUserPrincipalName), { query: buildQuery({ select: userLookupSelect }), schema: directoryUserSchema, signal });
}

export const userQueryOptions = (client: GraphClient, idOrUserPrincipalName: string) =>
  queryOptions({
    queryKey: queryKeys.user(idOrUserPrincipalName),
    queryFn: ({ signal }) => getUser(client, idOrUserPrincipalName, signal),
    staleTime: 5 * 60_000,
  });
