import type { AppConfig } from '../config/app-config';

type ApiVersion = AppConfig['graphApiVersion'];

const segment = (value: string) => encodeURIComponent(value);

/**
 * The one place that knows where each entity lives in each API version (docs/graph-contract.md §2.1):
 * v1.0 uses the canonical entitlementManagement paths, beta the current identityGovernance/catalogs paths.
 */
export function apiPaths(version: ApiVersion) {
  const catalogs =
    version === 'v1.0' ? '/identityGovernance/entitlementManagement/catalogs' : '/identityGovernance/catalogs';
  const resourcesSegment = version === 'v1.0' ? 'resources' : 'accessPackageResources';

  const catalog = (catalogId: string) => `${catalogs}/${segment(catalogId)}`;
  const resources = (catalogId: string) => `${catalog(catalogId)}/${resourcesSegment}`;
  const resource = (catalogId: string, resourceId: string) => `${resources(catalogId)}/${segment(resourceId)}`;
  const uploadSessions = (catalogId: string, resourceId: string) =>
    `${resource(catalogId, resourceId)}/uploadSessions`;
  const uploadSession = (catalogId: string, resourceId: string, sessionId: string) =>
    `${uploadSessions(catalogId, resourceId)}/${segment(sessionId)}`;

  return {
    catalogs: () => catalogs,
    catalog,
    resources,
    resource,
    uploadSessions,
    uploadSession,
    uploadFile: (catalogId: string, resourceId: string, sessionId: string) =>
      `${uploadSession(catalogId, resourceId, sessionId)}/uploadFile`,
    reviewDefinitions: () => '/identityGovernance/accessReviews/definitions',
    reviewInstances: (definitionId: string) =>
      `/identityGovernance/accessReviews/definitions/${segment(definitionId)}/instances`,
    /** The same path in both versions (docs/graph-contract.md §9.3). */
    roleAssignments: () => '/roleManagement/entitlementManagement/roleAssignments',
    /** Directory lookups, the same in both versions (docs/graph-contract.md §9.1). */
    users: () => '/users',
    user: (idOrUserPrincipalName: string) => `/users/${segment(idOrUserPrincipalName)}`,
    groups: () => '/groups',
    directoryObjectsByIds: () => '/directoryObjects/getByIds',
  };
}

export type ApiPaths = ReturnType<typeof apiPaths>;
