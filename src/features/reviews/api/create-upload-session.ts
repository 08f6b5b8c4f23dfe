import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { queryKeys } from '../../../graph/query-keys';
import { uploadSessionSchema, type UploadSession } from '../../../graph/schemas';
import { findUploadSession, type ResourceIds } from './find-upload-session';

export interface ReviewReference {
  reviewDefinitionId: string;
  reviewInstanceId: string;
}

/** The documented v1.0 body (the same on the current beta path): the session type is abstract, so name the derived one. */
export const createSessionBody = (reference: ReviewReference) => ({
  '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession',
  data: {
    '@odata.type': '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData',
    reviewDefinitionId: reference.reviewDefinitionId,
    reviewInstanceId: reference.reviewInstanceId,
  },
});

/** POST …/uploadSessions */
export function createUploadSession(client: GraphClient, ids: ResourceIds, reference: ReviewReference) {
  return client.request(client.paths.uploadSessions(ids.catalogId, ids.resourceId), {
    method: 'POST',
    body: createSessionBody(reference),
    schema: uploadSessionSchema,
  });
}

export interface OpenedSession {
  session: UploadSession;
  /** The review instance had a session already: it was opened, not created. */
  existed: boolean;
}

/** Opens the review instance's session when there is one (only one may exist), and creates it otherwise. */
export async function openOrCreateUploadSession(client: GraphClient, ids: ResourceIds, reference: ReviewReference): Promise<OpenedSession> {
  const existing = await findUploadSession(client, ids, reference.reviewInstanceId);
  if (existing) return { session: existing, existed: true };
  return { session: await createUploadSession(client, ids, reference), existed: false };
}

export function useOpenOrCreateUploadSession(ids: ResourceIds) {
  const client = useGraphClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reference: ReviewReference) => openOrCreateUploadSession(client, ids, reference),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.uploadSessions(ids.catalogId, ids.resourceId) }),
  });
}

/** Graph's 409 on create, in plain words. */
export const oneSessionRule =
  'A review instance can have only one upload session for this resource. Microsoft Graph refused to create another ' +
  'because one exists already: open it from the list of sessions. If it is still active you can delete it to start ' +
  'over; if it is complete, its data has gone to the review and no new session can be created for this review instance.';
