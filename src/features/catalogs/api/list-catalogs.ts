import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { catalogSchema } from '../../../graph/schemas';

/** GET …/catalogs: every catalog the signed-in person holds a role on, all pages. */
export async function listCatalogs(client: GraphClient, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.catalogs(), catalogSchema, { signal });
  return page.items;
}

export const listCatalogsQueryOptions = (client: GraphClient) =>
  queryOptions({
    queryKey: queryKeys.catalogList(),
    queryFn: ({ signal }) => listCatalogs(client, signal),
  });

export function useCatalogs() {
  return useQuery(listCatalogsQueryOptions(useGraphClient()));
}
