import { queryOptions } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import { roleAssignmentSchema, type RoleAssignment } from './schemas';

/** Built-in entitlement management role definitions (docs/graph-contract.md §9.3). */
export const catalogOwnerRoleId = 'ae79f266-94d4-4dab-b730-feca7e132178';
export const catalogReaderRoleId = '44272f93-9762-48e8-af59-1b5351b1d6b3';

/** Whose role on which catalog. */
export interface CatalogRoleQuery {
  principalId: string;
  catalogId: string;
}

/**
 * What the person may do on the catalog. 'unknown' when no catalog role is found: a directory role (Identity
 * Governance Administrator) also grants access without showing here, so only a 403 on a write decides (§9.3).
 */
export type CatalogRole = 'owner' | 'reader' | 'unknown';

/** Owner wins; reader only when every assignment is Catalog reader; anything else (none, other roles) is unknown. */
export function catalogRoleOf(assignments: readonly RoleAssignment[]): CatalogRole {
  const roleIds = assignments.map((assignment) => assignment.roleDefinitionId ?? assignment.roleDefinition?.id);
  if (roleIds.includes(catalogOwnerRoleId)) return 'owner';
  if (roleIds.length > 0 && roleIds.every((id) => id === catalogReaderRoleId)) return 'reader';
  return 'unknown';
}

/** `?$filter=principalId eq '…' and appScopeId eq '/AccessPackageCatalog/…'&$expand=roleDefinition`. */
export function buildCatalogRoleQuery(query: CatalogRoleQuery): string {
  return buildQuery({
    filter: { principalId: query.principalId, appScopeId: `/AccessPackageCatalog/${query.catalogId}` },
    expand: 'roleDefinition',
  });
}

/** GET /roleManagement/entitlementManagement/roleAssignments for one person on one catalog (docs/graph-contract.md §9.3). */
export async function getCatalogRole(client: GraphClient, query: CatalogRoleQuery, signal?: AbortSignal): Promise<CatalogRole> {
  const page = await client.listAll(client.paths.roleAssignments(), roleAssignmentSchema, {
    query: buildCatalogRoleQuery(query),
    signal,
    // The home page asks this for every catalog at once: one $batch per 20 catalogs (batch.ts).
    batch: true,
  });
  return catalogRoleOf(page.items);
}

export const catalogRoleQueryOptions = (client: GraphClient, query: CatalogRoleQuery) =>
  queryOptions({
    queryKey: queryKeys.catalogRole(query.catalogId, query.principalId),
    queryFn: ({ signal }) => getCatalogRole(client, query, signal),
    // Catalog roles change rarely; a change shows after a reload or within five minutes.
    staleTime: 5 * 60_000,
  });
