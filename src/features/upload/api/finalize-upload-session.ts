import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { uploadSessionSchema } from '../../../graph/schemas';
import type { SessionIds } from './get-session-files';

/** PATCH …/uploadSessions/{id} with the only update Graph allows: `{"isUploadDone": true}`. */
export function finalizeUploadSession(client: GraphClient, ids: SessionIds) {
  return client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    method: 'PATCH',
    body: { isUploadDone: true },
    schema: uploadSessionSchema,
  });
}

export function useFinalizeUploadSession(ids: SessionIds) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => finalizeUploadSession(client, ids),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids.catalogId, ids.resourceId) }),
  });
}
