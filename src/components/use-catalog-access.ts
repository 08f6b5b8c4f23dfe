import { useQuery } from '@tanstack/react-query';
import { useSignedInObjectId } from '../auth/use-account-id';
import { catalogAccessOf, type CatalogAccess } from '../graph/catalog-roles';
import { useGraphClient } from '../graph/graph-client-context';
import { catalogRoleQueryOptions } from '../graph/role-assignments';

/**
 * The signed-in person's role on the catalog (docs/graph-contract.md §9.3), for every page of it: one cached query
 * per catalog and person, shared with the home page's batch.
 */
export function useCatalogAccess(catalogId: string): CatalogAccess {
  const principalId = useSignedInObjectId();
  const role = useQuery({
    ...catalogRoleQueryOptions(useGraphClient(), { catalogId, principalId: principalId ?? '' }),
    enabled: Boolean(principalId),
  });
  return catalogAccessOf(principalId ? { status: role.status, data: role.data } : undefined);
}
