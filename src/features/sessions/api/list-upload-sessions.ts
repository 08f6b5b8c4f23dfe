import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { uploadSessionSchema } from '../../../graph/schemas';
import { keepPreviousWithin } from '../keep-previous-within';
import { buildSessionsQuery, type SessionsQuery } from '../sessions-query';

/** GET …/resources/{id}/uploadSessions: one page, filtered, sorted and counted by Graph. */
export function listUploadSessions(
  client: GraphClient,
  catalogId: string,
  resourceId: string,
  params: SessionsQuery,
  signal?: AbortSignal,
) {
  return client.listPage(client.paths.uploadSessions(catalogId, resourceId), uploadSessionSchema, {
    query: buildSessionsQuery(params),
    signal,
  });
}

export const listUploadSessionsQueryOptions = (
  client: GraphClient,
  catalogId: string,
  resourceId: string,
  params: SessionsQuery,
) =>
  queryOptions({
    queryKey: [...queryKeys.uploadSessions(catalogId, resourceId), 'list', params],
    queryFn: ({ signal }) => listUploadSessions(client, catalogId, resourceId, params, signal),
    placeholderData: keepPreviousWithin(queryKeys.uploadSessions(catalogId, resourceId)),
  });

export function useUploadSessions(catalogId: string, resourceId: string, params: SessionsQuery) {
  return useQuery(listUploadSessionsQueryOptions(useGraphClient(), catalogId, resourceId, params));
}
