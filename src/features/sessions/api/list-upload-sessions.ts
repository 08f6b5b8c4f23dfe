import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { uploadSessionSchema } from '../../../graph/schemas';

/** GET …/resources/{id}/uploadSessions, newest first. */
export function listUploadSessions(client: GraphClient, catalogId: string, resourceId: string, signal?: AbortSignal) {
  const query = buildQuery({ orderBy: 'createdDateTime desc', count: true });
  return client.listPage(client.paths.uploadSessions(catalogId, resourceId), uploadSessionSchema, { query, signal });
}

export const listUploadSessionsQueryOptions = (client: GraphClient, catalogId: string, resourceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.uploadSessions(catalogId, resourceId), 'list'],
    queryFn: ({ signal }) => listUploadSessions(client, catalogId, resourceId, signal),
  });

export function useUploadSessions(catalogId: string, resourceId: string) {
  return useQuery(listUploadSessionsQueryOptions(useGraphClient(), catalogId, resourceId));
}
