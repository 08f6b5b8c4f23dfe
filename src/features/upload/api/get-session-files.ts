import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { uploadSessionSchema } from '../../../graph/schemas';

export interface SessionIds {
  catalogId: string;
  resourceId: string;
  sessionId: string;
}

/**
 * GET …/uploadSessions/{id}?$expand=files(…): every file in the session by name, or only the files named `name`
 * (to learn whether an upload whose answer was lost arrived after all).
 */
export async function getSessionFiles(client: GraphClient, ids: SessionIds, name?: string, signal?: AbortSignal) {
  const files = name === undefined ? { orderBy: 'name asc' } : { filter: { name } };
  const session = await client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    query: buildQuery({ expand: { files } }),
    schema: uploadSessionSchema,
    signal,
  });
  return session.files ?? [];
}

export const sessionFilesQueryOptions = (client: GraphClient, ids: SessionIds) =>
  queryOptions({
    queryKey: [...queryKeys.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), 'allFiles'],
    queryFn: ({ signal }) => getSessionFiles(client, ids, undefined, signal),
    // Decisions are made on this list (upload again? finalize these?): always ask Graph.
    staleTime: 0,
  });

export function useSessionFiles(ids: SessionIds, enabled = true) {
  return useQuery({ ...sessionFilesQueryOptions(useGraphClient(), ids), enabled });
}
