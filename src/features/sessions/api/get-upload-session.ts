import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { uploadSessionSchema } from '../../../graph/schemas';

/** GET …/uploadSessions/{id}?$expand=files */
export function getUploadSession(
  client: GraphClient,
  ids: { catalogId: string; resourceId: string; sessionId: string },
  signal?: AbortSignal,
) {
  const query = buildQuery({ expand: 'files' });
  return client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    query,
    schema: uploadSessionSchema,
    signal,
  });
}

export const getUploadSessionQueryOptions = (
  client: GraphClient,
  ids: { catalogId: string; resourceId: string; sessionId: string },
) =>
  queryOptions({
    queryKey: queryKeys.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId),
    queryFn: ({ signal }) => getUploadSession(client, ids, signal),
  });

export function useUploadSession(ids: { catalogId: string; resourceId: string; sessionId: string }) {
  return useQuery(getUploadSessionQueryOptions(useGraphClient(), ids));
}
