import { queryOptions } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import { resourceSchema } from './schemas';

export interface ResourceIds {
  catalogId: string;
  resourceId: string;
}

/** How Graph marks a custom data provided resource (docs/graph-contract.md §3.2). */
export const customDataOriginSystem = 'CustomDataProvidedResource';

/**
 * GET …/catalogs/{id}/resources?$filter=originSystem eq 'CustomDataProvidedResource', every page; batchable, as the
 * catalog page asks it with the catalog and the count (a later page, alone in its task, goes directly).
 */
export async function listCustomDataResources(client: GraphClient, catalogId: string, signal?: AbortSignal) {
  const query = buildQuery({ filter: { originSystem: customDataOriginSystem } });
  const page = await client.listAll(client.paths.resources(catalogId), resourceSchema, { query, signal, batch: true });
  return page.items;
}

export const customDataResourcesQueryOptions = (client: GraphClient, catalogId: string) =>
  queryOptions({
    queryKey: queryKeys.customDataResources(catalogId),
    queryFn: ({ signal }) => listCustomDataResources(client, catalogId, signal),
  });

/**
 * GET …/catalogs/{id}/resources?$count=true&$top=1&$select=id: how many resources the catalog has in all, from
 * `@odata.count`, in one small request however many there are (docs/graph-contract.md §6).
 */
export async function countCatalogResources(client: GraphClient, catalogId: string, signal?: AbortSignal) {
  const query = buildQuery({ count: true, top: 1, select: ['id'] });
  const page = await client.listPage(client.paths.resources(catalogId), resourceSchema, { query, signal, batch: true });
  if (page.count !== undefined) return page.count;
  // A Graph that ignores $count: count the ids the long way.
  const all = await client.listAll(client.paths.resources(catalogId), resourceSchema, { query: buildQuery({ select: ['id'] }), signal });
  return all.items.length;
}

export const resourceCountQueryOptions = (client: GraphClient, catalogId: string) =>
  queryOptions({
    queryKey: queryKeys.resourceCount(catalogId),
    queryFn: ({ signal }) => countCatalogResources(client, catalogId, signal),
  });

/** GET …/catalogs/{id}/resources/{id} */
export function getResource(client: GraphClient, ids: ResourceIds, signal?: AbortSignal) {
  return client.request(client.paths.resource(ids.catalogId, ids.resourceId), { schema: resourceSchema, signal });
}

export const resourceQueryOptions = (client: GraphClient, ids: ResourceIds) =>
  queryOptions({
    queryKey: queryKeys.resource(ids),
    queryFn: ({ signal }) => getResource(client, ids, signal),
  });
