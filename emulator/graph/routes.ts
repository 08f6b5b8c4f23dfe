import { batch } from './batch';
import { getDefinition, getInstance, listDefinitions, listInstances } from './access-reviews';
import { getCatalog, listCatalogs } from './catalogs';
import { getResource, listResources } from './resources';
import { listRoleAssignments } from './role-assignments';
import type { ApiVersion, Route } from './router';
import { uploadFile } from './upload-file';
import { getByIds } from './directory-objects';
import { getGroup, getUser, listGroups, listUsers } from './users';
import { createSession, deleteSession, getSession, listSessions, updateSession } from './upload-sessions';

/** Where catalogs live in each version, and what their resources navigation is called (docs/graph-contract.md §2.1). */
const catalogTrees: { version: ApiVersion; catalogs: string[]; resources: string }[] = [
  { version: 'v1.0', catalogs: ['identityGovernance', 'entitlementManagement', 'catalogs'], resources: 'resources' },
  { version: 'v1.0', catalogs: ['identityGovernance', 'catalogs'], resources: 'resources' },
  { version: 'beta', catalogs: ['identityGovernance', 'catalogs'], resources: 'accessPackageResources' },
  { version: 'beta', catalogs: ['identityGovernance', 'entitlementManagement', 'accessPackageCatalogs'], resources: 'accessPackageResources' },
];

/** Classic definitions in both versions; the unified route only in beta, since the v1.0 CSDL lacks it. */
const reviewTrees: { version: ApiVersion; definitions: string[] }[] = [
  { version: 'v1.0', definitions: ['identityGovernance', 'accessReviews', 'definitions'] },
  { version: 'beta', definitions: ['identityGovernance', 'accessReviews', 'definitions'] },
  { version: 'beta', definitions: ['identityGovernance', 'accessReviews', 'unified', 'definitions'] },
];

function buildRoutes(): Route[] {
  const routes: Route[] = [];
  for (const { version, catalogs, resources } of catalogTrees) {
    const catalog = [...catalogs, '{catalogId}'];
    const resource = [...catalog, resources, '{resourceId}'];
    const sessions = [...resource, 'uploadSessions'];
    const session = [...sessions, '{sessionId}'];
    routes.push(
      { version, segments: catalogs, methods: { GET: listCatalogs } },
      { version, segments: catalog, methods: { GET: getCatalog } },
      { version, segments: [...catalog, resources], methods: { GET: listResources } },
      { version, segments: resource, methods: { GET: getResource } },
      { version, segments: sessions, methods: { GET: listSessions, POST: createSession } },
      { version, segments: session, methods: { GET: getSession, PATCH: updateSession, DELETE: deleteSession } },
      { version, segments: [...session, 'uploadFile'], methods: { POST: uploadFile } },
    );
  }
  for (const { version, definitions } of reviewTrees) {
    const definition = [...definitions, '{definitionId}'];
    routes.push(
      { version, segments: definitions, methods: { GET: listDefinitions } },
      { version, segments: definition, methods: { GET: getDefinition } },
      { version, segments: [...definition, 'instances'], methods: { GET: listInstances } },
      { version, segments: [...definition, 'instances', '{instanceId}'], methods: { GET: getInstance } },
    );
  }
  // The caller's catalog roles, in both versions (docs/graph-contract.md §9.3).
  const roleAssignments = ['roleManagement', 'entitlementManagement', 'roleAssignments'];
  routes.push({ version: 'v1.0', segments: roleAssignments, methods: { GET: listRoleAssignments } }, { version: 'beta', segments: roleAssignments, methods: { GET: listRoleAssignments } });
  // JSON batching, in both versions (docs/graph-contract.md §9.2).
  routes.push({ version: 'v1.0', segments: ['$batch'], methods: { POST: batch } }, { version: 'beta', segments: ['$batch'], methods: { POST: batch } });
  // The directory, in both versions (docs/graph-contract.md §9.1).
  for (const version of ['v1.0', 'beta'] as const) {
    routes.push(
      { version, segments: ['users'], methods: { GET: listUsers } },
      { version, segments: ['users', '{userId}'], methods: { GET: getUser } },
      { version, segments: ['groups'], methods: { GET: listGroups } },
      { version, segments: ['groups', '{groupId}'], methods: { GET: getGroup } },
      { version, segments: ['directoryObjects', 'getByIds'], methods: { POST: getByIds } },
    );
  }
  return routes;
}

export const graphRoutes: readonly Route[] = buildRoutes();
