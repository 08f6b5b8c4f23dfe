import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import { catalogSchema } from './schemas';

/** GET …/catalogs, every page: the catalogs the signed-in person holds a role on (docs/graph-contract.md §3.1). */
export async function listCatalogs(client: GraphClient, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.catalogs(), catalogSchema, { signal });
  return page.items;
}

export const catalogListQueryOptions = (client: GraphClient) =>
  queryOptions({
    queryKey: queryKeys.catalogList(),
    queryFn: ({ signal }) => listCatalogs(client, signal),
  });

/** GET …/catalogs/{id}; in a `$batch` with the catalog page's other first requests (batch.ts). */
export function getCatalog(client: GraphClient, catalogId: string, signal?: AbortSignal) {
  return client.request(client.paths.catalog(catalogId), { schema: catalogSchema, signal, batch: true });
}

export const catalogQueryOptions = (client: GraphClient, catalogId: string) =>
  queryOptions({
    queryKey: queryKeys.catalog(catalogId),
    queryFn: ({ signal }) => getCatalog(client, catalogId, signal),
  });
