import { findBy, type DirectoryLookupResult, type LookupOptions } from './directory-lookup';
import type { GraphClient } from './graph-client';
import { directoryGroupSchema, type DirectoryGroup } from './schemas';

/** Properties groups are looked up by (docs/graph-contract.md §9.1); object ids go through getByIds instead. */
export type GroupLookupProperty = 'mail' | 'displayName';

/** Only what the owner outcomes show: readable with GroupMember.Read.All (§9.1). */
export const groupLookupSelect = ['id', 'displayName', 'mail'];

export type GroupLookupResult = DirectoryLookupResult<DirectoryGroup>;

const groupsCollection = { path: (client: GraphClient) => client.paths.groups(), schema: directoryGroupSchema, select: groupLookupSelect };

/** The groups with each value of `property` (`GET /groups?$filter=<property> in (…)` in `$batch`es), keyed by directoryKey. */
export function findGroupsBy(client: GraphClient, property: GroupLookupProperty, values: readonly string[], options: LookupOptions = {}): Promise<Map<string, GroupLookupResult>> {
  return findBy(client, groupsCollection, property, values, options);
}
