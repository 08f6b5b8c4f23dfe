import { queryOptions, useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { uploadSessionSchema } from '../../../graph/schemas';
import { buildFilesQuery, type FilesQuery } from '../files-query';
import { keepPreviousWithin } from '../keep-previous-within';

interface SessionIds {
  catalogId: string;
  resourceId: string;
  sessionId: string;
}

/**
 * GET …/uploadSessions/{id}?$expand=files($filter=…;$orderby=…): Graph has no files collection to page,
 * so the matching files come back whole, inside the session.
 */
export async function getSessionFiles(client: GraphClient, ids: SessionIds, params: FilesQuery, signal?: AbortSignal) {
  const session = await client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    query: buildFilesQuery(params),
    schema: uploadSessionSchema,
    signal,
  });
  return session.files ?? [];
}

export const getSessionFilesQueryOptions = (client: GraphClient, ids: SessionIds, params: FilesQuery) =>
  queryOptions({
    queryKey: [...queryKeys.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), 'files', params],
    queryFn: ({ signal }) => getSessionFiles(client, ids, params, signal),
    placeholderData: keepPreviousWithin(queryKeys.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId)),
  });

export function useSessionFiles(ids: SessionIds, params: FilesQuery) {
  return useQuery(getSessionFilesQueryOptions(useGraphClient(), ids, params));
}
