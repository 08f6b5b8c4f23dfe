import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { coversCatalog, newestInstancesFirst, reviewDefinitionsQueryOptions, reviewInstancesQueryOptions } from '../../graph/access-reviews';
import { useGraphClient } from '../../graph/graph-client-context';
import { queryKeys } from '../../graph/query-keys';
import type { ResourceIds } from '../../graph/resources';
import type { ReviewDefinition } from '../../graph/schemas';
import { openOrCreateUploadSession, uploadSessionByInstanceQueryOptions, type ReviewReference } from '../../graph/upload-sessions';

/** The access reviews that cover a catalog, by name. */
export function useCatalogReviewDefinitions(catalogId: string, enabled = true) {
  const select = useCallback(
    (definitions: ReviewDefinition[]) =>
      definitions
        .filter((definition) => coversCatalog(definition, catalogId))
        .sort((a, b) => (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id)),
    [catalogId],
  );
  return useQuery({ ...reviewDefinitionsQueryOptions(useGraphClient()), enabled, select });
}

/**
 * A review's instances, newest first. `choosing`: the list a session is about to be created from, asked for again when
 * it appears, since an instance may have left Initializing since the cache was filled.
 */
export function useReviewInstances(definitionId: string | undefined, { choosing = false } = {}) {
  return useQuery({
    ...reviewInstancesQueryOptions(useGraphClient(), definitionId ?? ''),
    enabled: Boolean(definitionId),
    select: newestInstancesFirst,
    refetchOnMount: choosing ? 'always' : true,
  });
}

/** The session that already holds this review instance for the resource, if any. */
export function useExistingUploadSession(ids: ResourceIds, instanceId: string | undefined) {
  return useQuery({ ...uploadSessionByInstanceQueryOptions(useGraphClient(), ids, instanceId ?? ''), enabled: Boolean(instanceId) });
}

export function useOpenOrCreateUploadSession(ids: ResourceIds) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reference: ReviewReference) => openOrCreateUploadSession(client, ids, reference),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids) }),
  });
}

/** Graph's 409 on create, in plain words. */
export const oneSessionRule =
  'A review instance can have only one upload session for this resource. Microsoft Graph refused to create another ' +
  'because one exists already: open it from the list of sessions. If it is still active you can delete it to start ' +
  'over; if it is complete, its data has gone to the review and no new session can be created for this review instance.';
