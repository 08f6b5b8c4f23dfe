import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { resourceSchema } from '../../../graph/schemas';

/** GET …/catalogs/{id}/resources?$select=id: how many resources the catalog has in all. */
export async function countCatalogResources(client: GraphClient, catalogId: string, signal?: AbortSignal) {
  const query = buildQuery({ select: ['id'] });
  const page = await client.listAll(client.paths.resources(catalogId), resourceSchema, { query, signal });
  return page.items.length;
}

export const countCatalogResourcesQueryOptions = (client: GraphClient, catalogId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resources(catalogId), 'count'],
    queryFn: ({ signal }) => countCatalogResources(client, catalogId, signal),
  });

export function useCatalogResourceCount(catalogId: string) {
  return useQuery(countCatalogResourcesQueryOptions(useGraphClient(), catalogId));
}
