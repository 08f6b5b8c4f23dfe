import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { accessDenied } from '../http/errors';
import { parseQuery } from '../http/query-string';
import type { ExpandSchema } from '../odata/expand';
import type { FilterSchema } from '../odata/filter-eval';
import type { FilterNode } from '../odata/filter-parser';
import { parseFilter } from '../odata/filter-parser';
import { applyQuery, pageOf } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import type { CatalogRole } from '../store/types';
import type { Principal } from './auth';
import { authenticate, requireEntitlementScope } from './auth';
import { sendCollection } from './responses';
import type { RouteRequest } from './router';

/** The built-in entitlement management role definitions the seed's catalog roles stand for (docs/graph-contract.md §9.3). */
export const catalogRoleDefinitions: Record<CatalogRole, { id: string; displayName: string; description: string }> = {
  owner: { id: 'ae79f266-94d4-4dab-b730-feca7e132178', displayName: 'Catalog owner', description: 'Edit and manage access packages and other resources in a catalog.' },
  reader: { id: '44272f93-9762-48e8-af59-1b5351b1d6b3', displayName: 'Catalog reader', description: 'View access packages and other resources in a catalog.' },
};

interface Assignment {
  id: string;
  principalId: string;
  role: CatalogRole;
  catalogId: string;
}

const appScopeOf = (catalogId: string) => `/AccessPackageCatalog/${catalogId}`;

const assignmentFilter: FilterSchema<Assignment> = {
  target: 'roleAssignments',
  logical: ['and'],
  properties: {
    principalId: { type: 'string', ops: ['eq'], get: (a) => a.principalId },
    appScopeId: { type: 'string', ops: ['eq'], get: (a) => appScopeOf(a.catalogId) },
  },
};

/** `$expand=roleDefinition` is the one expansion; options inside it name no property, so any is a 400. */
const roleDefinitionExpand: ExpandSchema<unknown> = {
  navigation: 'roleDefinition',
  filter: { target: 'roleDefinition', logical: [], properties: {} },
  orderby: { target: 'roleDefinition', properties: {} },
};

/** Every catalog role of every user, in seed order; the id is stable for the same (user, catalog). */
function allAssignments(state: EmulatorState): Assignment[] {
  return state.store.users.flatMap((user) =>
    Object.entries(user.catalogRoles).map(([catalogId, role]) => ({
      id: `${user.id}_${catalogId}`,
      principalId: user.id,
      role,
      catalogId,
    })),
  );
}

/** The principalId values the filter pins with `principalId eq '…'` (only `and` is allowed, so each one must hold). */
function pinnedPrincipals(node: FilterNode | undefined): string[] {
  if (!node) return [];
  if (node.kind === 'and') return [...pinnedPrincipals(node.left), ...pinnedPrincipals(node.right)];
  if (node.kind === 'compare' && node.property.name === 'principalId' && node.value.type === 'string') return [node.value.value];
  return [];
}

/**
 * *Choice*: a user may read only their own assignments, so the filter must pin `principalId` to the caller's object
 * id; anything that could list someone else's (another id, or no principalId) is 403.
 */
function requireOwnAssignments(ctx: RequestContext, principal: Principal): void {
  const filterText = parseQuery(ctx.rawQuery).find((p) => p.name.toLowerCase() === '$filter')?.value;
  const pinned = pinnedPrincipals(filterText === undefined ? undefined : parseFilter(filterText));
  if (!pinned.includes(principal.user.id)) {
    throw accessDenied("Reading role assignments needs a role management permission; a user may read only their own: filter with principalId eq '<your object id>'.");
  }
}

/** GET /roleManagement/entitlementManagement/roleAssignments (docs/graph-contract.md §9.3). */
export async function listRoleAssignments(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await authenticate(ctx, state);
  requireEntitlementScope(principal, 'read');
  // Parsed first so a malformed or unsupported query is a 400 whoever asks.
  const query = parseQueryOptions(ctx.rawQuery, {
    target: 'roleAssignments',
    filter: assignmentFilter,
    expand: roleDefinitionExpand,
    paging: true,
  });
  requireOwnAssignments(ctx, principal);
  const page = pageOf(applyQuery(allAssignments(state), query), query, `${ctx.origin}${ctx.pathname}`);
  const items = page.items.map((a) => {
    const definition = catalogRoleDefinitions[a.role];
    const json: Record<string, unknown> = {
      id: a.id,
      principalId: a.principalId,
      roleDefinitionId: definition.id,
      directoryScopeId: '/',
      appScopeId: appScopeOf(a.catalogId),
    };
    if (query.expand) json.roleDefinition = { ...definition, isBuiltIn: true, isEnabled: true };
    return json;
  });
  sendCollection(ctx, route, { ...page, items });
}
