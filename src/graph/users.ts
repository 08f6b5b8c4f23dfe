import { queryOptions } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { buildInQuery, findBy, type LookupOptions } from './directory-lookup';
import type { GraphClient } from './graph-client';
import type { GraphError } from './graph-error';
import { queryKeys } from './query-keys';
import { directoryUserSchema, type DirectoryUser } from './schemas';

/** Properties people are looked up by (docs/graph-contract.md §9.1); object ids go through getByIds instead. */
export type UserLookupProperty = 'userPrincipalName' | 'mail' | 'employeeId';

/** Only what the outcomes need: all of it readable with User.Read.All (§9.1). */
export const userLookupSelect = ['id', 'userPrincipalName', 'mail', 'employeeId', 'accountEnabled', 'userType', 'displayName'];

/** What one value found: the users that have it (none, one, or several: ambiguous), or why the lookup failed. */
export type UserLookupResult = { users: DirectoryUser[] } | { failed: GraphError };

const usersCollection = { path: (client: GraphClient) => client.paths.users(), schema: directoryUserSchema, select: userLookupSelect };

/** `?$select=…&$filter=<property> in ('a','b''c')&$top=999`, values quoted and escaped by odata-query. */
export const buildUserLookupQuery = (property: UserLookupProperty, values: readonly string[]) => buildInQuery(userLookupSelect, property, values);

/**
 * Finds the users with each value of `property` (directory-lookup.ts: 15 values a filter, 20 filters a `$batch`,
 * cached per sign-in). The answer is keyed by `directoryKey(value)`.
 */
export async function findUsersBy(
  client: GraphClient,
  property: UserLookupProperty,
  values: readonly string[],
  options: LookupOptions = {},
): Promise<Map<string, UserLookupResult>> {
  const found = await findBy(client, usersCollection, property, values, options);
  const results = new Map<string, UserLookupResult>();
  for (const [key, result] of found) results.set(key, 'failed' in result ? result : { users: result.found });
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
