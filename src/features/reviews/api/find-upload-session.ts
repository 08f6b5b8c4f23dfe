import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { uploadSessionSchema, type UploadSession } from '../../../graph/schemas';

export interface ResourceIds {
  catalogId: string;
  resourceId: string;
}

/**
 * GET …/uploadSessions?$filter=referenceId eq '{instanceId}': the session that already holds this review instance,
 * if any. An expired one does not count: it blocks nothing.
 */
export async function findUploadSession(client: GraphClient, ids: ResourceIds, instanceId: string, signal?: AbortSignal) {
  const query = buildQuery({ filter: { referenceId: instanceId } });
  const page = await client.listAll(client.paths.uploadSessions(ids.catalogId, ids.resourceId), uploadSessionSchema, { query, signal });
  const blocking = page.items.filter((session) => session.status?.toLowerCase() !== 'expired');
  return blocking.find((session) => session.status?.toLowerCase() === 'active') ?? blocking[0] ?? null;
}

export const findUploadSessionQueryOptions = (client: GraphClient, ids: ResourceIds, instanceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.uploadSessions(ids.catalogId, ids.resourceId), 'byReference', instanceId],
    queryFn: ({ signal }): Promise<UploadSession | null> => findUploadSession(client, ids, instanceId, signal),
    staleTime: 0,
  });

export function useExistingUploadSession(ids: ResourceIds, instanceId: string | undefined) {
  return useQuery({ ...findUploadSessionQueryOptions(useGraphClient(), ids, instanceId ?? ''), enabled: Boolean(instanceId) });
}
