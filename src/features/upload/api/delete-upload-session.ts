import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import type { SessionIds } from './get-session-files';

/** DELETE …/uploadSessions/{id}: throws an active session away so the review instance can start over. */
export function deleteUploadSession(client: GraphClient, ids: SessionIds) {
  return client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), { method: 'DELETE' });
}

/** `leave` takes the person away from the session's page before its queries are dropped. */
export function useDeleteUploadSession(ids: SessionIds, leave: () => Promise<void> | void) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  const sessionKey = queryKeys.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId);
  return useMutation({
    mutationFn: () => deleteUploadSession(client, ids),
    onSuccess: async () => {
      await leave();
      // The deleted session's own queries would only fetch a 404: drop them, refresh the rest.
      queryClient.removeQueries({ queryKey: sessionKey });
      return queryClient.invalidateQueries({
        queryKey: queryKeys.uploadSessions(ids.catalogId, ids.resourceId),
        predicate: (query) => !sessionKey.every((part, index) => query.queryKey[index] === part),
      });
    },
  });
}
