import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { resourceSchema } from '../../../graph/schemas';

/** GET …/catalogs/{id}/resources/{id} */
export function getResource(client: GraphClient, catalogId: string, resourceId: string, signal?: AbortSignal) {
  return client.request(client.paths.resource(catalogId, resourceId), { schema: resourceSchema, signal });
}

export const getResourceQueryOptions = (client: GraphClient, catalogId: string, resourceId: string) =>
  queryOptions({
    queryKey: queryKeys.resource(catalogId, resourceId),
    queryFn: ({ signal }) => getResource(client, catalogId, resourceId, signal),
  });

export function useResource(catalogId: string, resourceId: string) {
  return useQuery(getResourceQueryOptions(useGraphClient(), catalogId, resourceId));
}
