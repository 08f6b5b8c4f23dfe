import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { resourceSchema } from '../../../graph/schemas';

export const customDataOriginSystem = 'CustomDataProvidedResource';

/** GET …/catalogs/{id}/resources?$filter=originSystem eq 'CustomDataProvidedResource' */
export async function listCustomDataResources(client: GraphClient, catalogId: string, signal?: AbortSignal) {
  const query = buildQuery({ filter: { originSystem: customDataOriginSystem } });
  const page = await client.listAll(client.paths.resources(catalogId), resourceSchema, { query, signal });
  return page.items;
}

export const listCustomDataResourcesQueryOptions = (client: GraphClient, catalogId: string) =>
  queryOptions({
    queryKey: [...queryKeys.resources(catalogId), 'customData'],
    queryFn: ({ signal }) => listCustomDataResources(client, catalogId, signal),
  });

export function useCustomDataResources(catalogId: string) {
  return useQuery(listCustomDataResourcesQueryOptions(useGraphClient(), catalogId));
}
