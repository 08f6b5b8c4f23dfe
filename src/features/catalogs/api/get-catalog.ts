import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { catalogSchema } from '../../../graph/schemas';

/** GET …/catalogs/{id} */
export function getCatalog(client: GraphClient, catalogId: string, signal?: AbortSignal) {
  return client.request(client.paths.catalog(catalogId), { schema: catalogSchema, signal });
}

export const getCatalogQueryOptions = (client: GraphClient, catalogId: string) =>
  queryOptions({
    queryKey: queryKeys.catalog(catalogId),
    queryFn: ({ signal }) => getCatalog(client, catalogId, signal),
  });

export function useCatalog(catalogId: string) {
  return useQuery(getCatalogQueryOptions(useGraphClient(), catalogId));
}
