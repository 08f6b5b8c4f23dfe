/**
 * TanStack Query keys, shared by every feature so that one feature's mutation can refresh what another
 * shows (an upload refreshes the session page's stats and files) without the features importing each other.
 * Keys nest: invalidating a prefix refreshes everything beneath it.
 */
export const queryKeys = {
  catalogs: () => ['catalogs'] as const,
  catalogList: () => ['catalogs', 'list'] as const,
  catalog: (catalogId: string) => ['catalogs', 'detail', catalogId] as const,
  resources: (catalogId: string) => [...queryKeys.catalog(catalogId), 'resources'] as const,
  resource: (catalogId: string, resourceId: string) => [...queryKeys.resources(catalogId), 'detail', resourceId] as const,
  uploadSessions: (catalogId: string, resourceId: string) =>
    [...queryKeys.resource(catalogId, resourceId), 'uploadSessions'] as const,
  uploadSession: (catalogId: string, resourceId: string, sessionId: string) =>
    [...queryKeys.uploadSessions(catalogId, resourceId), 'detail', sessionId] as const,
  reviewDefinitions: () => ['accessReviews', 'definitions'] as const,
  reviewInstances: (definitionId: string) => ['accessReviews', 'definitions', definitionId, 'instances'] as const,
};
