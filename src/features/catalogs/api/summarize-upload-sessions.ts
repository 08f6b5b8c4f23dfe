import { queryOptions, useQuery } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import { queryKeys } from '../../../graph/query-keys';
import type { GraphClient } from '../../../graph/graph-client';
import { useGraphClient } from '../../../graph/graph-client-context';
import { uploadSessionSchema, type UploadSession } from '../../../graph/schemas';

export interface SessionSummary {
  active: number;
  complete: number;
  expired: number;
  other: number;
  newestCreated?: string;
}

export function summarize(sessions: Pick<UploadSession, 'status' | 'createdDateTime'>[]): SessionSummary {
  const summary: SessionSummary = { active: 0, complete: 0, expired: 0, other: 0 };
  for (const session of sessions) {
    const status = session.status?.toLowerCase();
    if (status === 'active' || status === 'complete' || status === 'expired') summary[status]++;
    else summary.other++;
    if (session.createdDateTime && (!summary.newestCreated || session.createdDateTime > summary.newestCreated)) {
      summary.newestCreated = session.createdDateTime;
    }
  }
  return summary;
}

/** GET …/resources/{id}/uploadSessions?$select=id,status,createdDateTime, every page, summed up. */
export async function summarizeUploadSessions(client: GraphClient, catalogId: string, resourceId: string, signal?: AbortSignal) {
  const query = buildQuery({ select: ['id', 'status', 'createdDateTime'] });
  const page = await client.listAll(client.paths.uploadSessions(catalogId, resourceId), uploadSessionSchema, { query, signal });
  return summarize(page.items);
}

export const summarizeUploadSessionsQueryOptions = (client: GraphClient, catalogId: string, resourceId: string) =>
  queryOptions({
    queryKey: [...queryKeys.uploadSessions(catalogId, resourceId), 'summary'],
    queryFn: ({ signal }) => summarizeUploadSessions(client, catalogId, resourceId, signal),
  });

export function useUploadSessionSummary(catalogId: string, resourceId: string) {
  return useQuery(summarizeUploadSessionsQueryOptions(useGraphClient(), catalogId, resourceId));
}
