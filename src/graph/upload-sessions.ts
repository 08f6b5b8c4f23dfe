import { queryOptions } from '@tanstack/react-query';
import buildQuery from 'odata-query';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import type { ResourceIds } from './resources';
import { uploadSessionSchema, type UploadSession } from './schemas';
import { sessionStatusOf, type SessionStatus } from './session-status';

export type { ResourceIds } from './resources';
export interface SessionIds extends ResourceIds {
  sessionId: string;
}

/** One page of a resource's upload sessions, as Graph is asked for it. */
export interface SessionsQuery {
  status?: 'active' | 'complete' | 'expired' | 'unknownFutureValue';
  /** A review instance id. */
  referenceId?: string;
  direction: 'asc' | 'desc';
  top: number;
  skip: number;
}

/**
 * `?$filter=status eq '…' and referenceId eq '…'&$orderby=createdDateTime desc&$count=true&$top=…&$skip=…`:
 * Graph filters, sorts, counts and pages (docs/graph-contract.md §2.3); odata-query quotes and encodes the values.
 */
export function buildSessionsQuery(query: SessionsQuery): string {
  const filter: Record<string, string> = {};
  if (query.status) filter.status = query.status;
  if (query.referenceId) filter.referenceId = query.referenceId;
  return buildQuery({
    filter: Object.keys(filter).length > 0 ? filter : undefined,
    orderBy: `createdDateTime ${query.direction}`,
    count: true,
    top: query.top,
    skip: query.skip > 0 ? query.skip : undefined,
  });
}

/** GET …/resources/{id}/uploadSessions: one page, filtered, sorted and counted by Graph. */
export function listUploadSessions(client: GraphClient, ids: ResourceIds, query: SessionsQuery, signal?: AbortSignal) {
  return client.listPage(client.paths.uploadSessions(ids.catalogId, ids.resourceId), uploadSessionSchema, {
    query: buildSessionsQuery(query),
    signal,
  });
}

export const uploadSessionListQueryOptions = (client: GraphClient, ids: ResourceIds, query: SessionsQuery) =>
  queryOptions({
    queryKey: queryKeys.uploadSessionList(ids, query),
    queryFn: ({ signal }) => listUploadSessions(client, ids, query, signal),
  });

/** The session without its files: `files` is dropped, so no view mistakes a filtered list for the whole one. */
export const withoutFiles = ({ files: _files, ...session }: UploadSession): UploadSession => session;

/** GET …/uploadSessions/{id}: status, stats and review; the files come with the files view (session-files.ts). */
export async function getUploadSession(client: GraphClient, ids: SessionIds, signal?: AbortSignal) {
  const session = await client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    schema: uploadSessionSchema,
    signal,
  });
  return withoutFiles(session);
}

export const uploadSessionQueryOptions = (client: GraphClient, ids: SessionIds) =>
  queryOptions({
    queryKey: queryKeys.uploadSession(ids),
    queryFn: ({ signal }) => getUploadSession(client, ids, signal),
  });

export interface SessionSummary extends Record<SessionStatus, number> {
  total: number;
  newestCreated?: string;
}

export function summarize(sessions: Pick<UploadSession, 'status' | 'createdDateTime'>[]): SessionSummary {
  const summary: SessionSummary = { total: sessions.length, active: 0, complete: 0, expired: 0, other: 0 };
  for (const session of sessions) {
    summary[sessionStatusOf(session.status)]++;
    if (session.createdDateTime && (!summary.newestCreated || session.createdDateTime > summary.newestCreated)) {
      summary.newestCreated = session.createdDateTime;
    }
  }
  return summary;
}

/** Graph's largest page; a resource has one session per review instance, so one page nearly always holds them all. */
const overviewPageSize = 999;

/** What the catalog views read about a resource's sessions, from one request. */
export interface SessionsOverview {
  /**
   * The newest sessions, up to 999 (every one, for nearly every resource), with only `id`, `status`,
   * `createdDateTime`, `referenceId` (the review instance) and `stats`.
   */
  sessions: UploadSession[];
  /** Every session counted by status, also those beyond the first page. */
  summary: SessionSummary;
}

/**
 * A resource's sessions for the catalog views (the resources table's counts, the readiness of each review
 * instance): one request, `$select=id,status,createdDateTime,referenceId,stats&$orderby=createdDateTime desc&$count=true&$top=999`.
 * Only a resource with more sessions than that asks Graph to count each status (`$filter=status eq …&$count=true&$top=1`)
 * instead of paging through them all; the newest 999 hold every review instance whose window is open or recent.
 */
export async function getUploadSessionsOverview(client: GraphClient, ids: ResourceIds, signal?: AbortSignal): Promise<SessionsOverview> {
  const path = client.paths.uploadSessions(ids.catalogId, ids.resourceId);
  const select = ['id', 'status', 'createdDateTime', 'referenceId', 'stats'];
  const first = await client.listPage(path, uploadSessionSchema, {
    query: buildQuery({ select, orderBy: 'createdDateTime desc', top: overviewPageSize, count: true }),
    signal,
    // The catalog page asks this for every resource at once: one $batch per 20 resources (batch.ts).
    batch: true,
  });
  const sessions = first.items;
  const summary = summarize(sessions);
  if (first.count === undefined || first.count <= sessions.length) return { sessions, summary };

  const countOf = async (status: 'active' | 'complete' | 'expired') => {
    const page = await client.listPage(path, uploadSessionSchema, {
      query: buildQuery({ filter: { status }, select: ['id'], top: 1, count: true }),
      signal,
    });
    return page.count ?? 0;
  };
  const [active, complete, expired] = await Promise.all([countOf('active'), countOf('complete'), countOf('expired')]);
  return {
    sessions,
    summary: {
      total: first.count,
      active,
      complete,
      expired,
      other: Math.max(0, first.count - active - complete - expired),
      newestCreated: summary.newestCreated,
    },
  };
}

export const uploadSessionsOverviewQueryOptions = (client: GraphClient, ids: ResourceIds) =>
  queryOptions({
    queryKey: queryKeys.uploadSessionsOverview(ids),
    queryFn: ({ signal }) => getUploadSessionsOverview(client, ids, signal),
  });

/**
 * GET …/uploadSessions?$filter=referenceId eq '{instanceId}': the session that already holds this review instance,
 * if any (docs/graph-contract.md §7.12). An expired one does not count: it blocks nothing.
 */
export async function findUploadSession(client: GraphClient, ids: ResourceIds, instanceId: string, signal?: AbortSignal) {
  const query = buildQuery({ filter: { referenceId: instanceId } });
  const page = await client.listAll(client.paths.uploadSessions(ids.catalogId, ids.resourceId), uploadSessionSchema, { query, signal });
  const blocking = page.items.filter((session) => sessionStatusOf(session.status) !== 'expired');
  return blocking.find((session) => sessionStatusOf(session.status) === 'active') ?? blocking[0] ?? null;
}

export const uploadSessionByInstanceQueryOptions = (client: GraphClient, ids: ResourceIds, instanceId: string) =>
  queryOptions({
    queryKey: queryKeys.uploadSessionByInstance(ids, instanceId),
    queryFn: ({ signal }): Promise<UploadSession | null> => findUploadSession(client, ids, instanceId, signal),
    // Whether a session exists decides between opening and creating: always ask Graph.
    staleTime: 0,
  });

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

/** POST …/uploadSessions (docs/graph-contract.md §2.2) */
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

/** PATCH …/uploadSessions/{id} with the only update Graph allows: `{"isUploadDone": true}` (docs/graph-contract.md §2.5). */
export function finalizeUploadSession(client: GraphClient, ids: SessionIds) {
  return client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), {
    method: 'PATCH',
    body: { isUploadDone: true },
    schema: uploadSessionSchema,
  });
}

/** DELETE …/uploadSessions/{id}: throws an active session away so the review instance can start over (§2.7). */
export function deleteUploadSession(client: GraphClient, ids: SessionIds) {
  return client.request(client.paths.uploadSession(ids.catalogId, ids.resourceId, ids.sessionId), { method: 'DELETE' });
}
