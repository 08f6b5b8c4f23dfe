import type { FilesQuery } from './session-files';
import type { SessionsQuery } from './upload-sessions';

interface ResourceIds {
  catalogId: string;
  resourceId: string;
}
interface SessionIds extends ResourceIds {
  sessionId: string;
}

/**
 * Every TanStack Query key of the app, so that one feature's mutation can refresh what another shows (an upload
 * refreshes the session page's stats and files) without the features importing each other. Keys nest: invalidating
 * a prefix refreshes everything beneath it (a resource's sessions, a session's files).
 */
export const queryKeys = {
  catalogs: () => ['catalogs'] as const,
  catalogList: () => ['catalogs', 'list'] as const,
  catalog: (catalogId: string) => ['catalogs', 'detail', catalogId] as const,
  resources: (catalogId: string) => [...queryKeys.catalog(catalogId), 'resources'] as const,
  customDataResources: (catalogId: string) => [...queryKeys.resources(catalogId), 'customData'] as const,
  resourceCount: (catalogId: string) => [...queryKeys.resources(catalogId), 'count'] as const,
  resource: ({ catalogId, resourceId }: ResourceIds) => [...queryKeys.resources(catalogId), 'detail', resourceId] as const,
  uploadSessions: (ids: ResourceIds) => [...queryKeys.resource(ids), 'uploadSessions'] as const,
  uploadSessionList: (ids: ResourceIds, query: SessionsQuery) => [...queryKeys.uploadSessions(ids), 'list', query] as const,
  /** The sessions the catalog views read: counts for the resources table, each review instance's session. */
  uploadSessionsOverview: (ids: ResourceIds) => [...queryKeys.uploadSessions(ids), 'overview'] as const,
  uploadSessionByInstance: (ids: ResourceIds, instanceId: string) =>
    [...queryKeys.uploadSessions(ids), 'byInstance', instanceId] as const,
  /** The session itself (no files); the prefix of its files' keys, so one invalidation refreshes both. */
  uploadSession: ({ sessionId, ...ids }: SessionIds) => [...queryKeys.uploadSessions(ids), 'detail', sessionId] as const,
  sessionFiles: (ids: SessionIds, query: FilesQuery) => [...queryKeys.uploadSession(ids), 'files', query] as const,
  /** The signed-in person's role on the catalog, under the catalog so refreshing the catalog refreshes it. */
  catalogRole: (catalogId: string, principalId: string) => [...queryKeys.catalog(catalogId), 'role', principalId] as const,
  /** A directory user by object id or user principal name (people lookups in bulk are cached in users.ts). */
  user: (idOrUserPrincipalName: string) => ['users', idOrUserPrincipalName.toLowerCase()] as const,
  reviewDefinitions: () => ['accessReviews', 'definitions'] as const,
  reviewInstances: (definitionId: string) => ['accessReviews', 'definitions', definitionId, 'instances'] as const,
};
