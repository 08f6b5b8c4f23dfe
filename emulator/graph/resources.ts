import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { notFound } from '../http/errors';
import type { FilterSchema } from '../odata/filter-eval';
import { applyQuery, pageOf } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import type { Catalog, Resource } from '../store/types';
import { authenticate, requireCatalog, requireEntitlementScope } from './auth';
import type { Access, Principal } from './auth';
import { sendCollection, sendEntity } from './responses';
import type { RouteRequest } from './router';
import { resourceJson, resourceProperties, selectFields } from './shapes';

const resourceFilter: FilterSchema<Resource> = {
  target: 'resources',
  logical: ['and', 'or', 'not'],
  properties: {
    originSystem: { type: 'string', ops: ['eq', 'ne'], get: (r) => r.originSystem },
    id: { type: 'string', ops: ['eq'], get: (r) => r.id },
  },
};

export async function listResources(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await authenticate(ctx, state);
  requireEntitlementScope(principal, 'read');
  const query = parseQueryOptions(ctx.rawQuery, {
    target: 'resources',
    filter: resourceFilter,
    select: resourceProperties[route.version],
    paging: true,
  });
  const catalog = requireCatalog(state, principal, route.params.catalogId ?? '', 'read');
  const page = pageOf(applyQuery(state.store.resourcesOf(catalog.id), query), query, `${ctx.origin}${ctx.pathname}`);
  const items = page.items.map((r) => selectFields(resourceJson(r, route.version), query.select));
  sendCollection(ctx, route, { ...page, items }, query.select);
}

export async function getResource(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await authenticate(ctx, state);
  requireEntitlementScope(principal, 'read');
  const query = parseQueryOptions(ctx.rawQuery, { target: 'a resource', select: resourceProperties[route.version] });
  const { resource } = resolveResource(state, principal, route, 'read');
  sendEntity(ctx, route, selectFields(resourceJson(resource, route.version), query.select), query.select);
}

/** Catalog (with the role the access needs), then the resource in it: 404 if either is unknown. */
export function resolveResource(state: EmulatorState, principal: Principal, route: RouteRequest, access: Access): { catalog: Catalog; resource: Resource } {
  const catalog = requireCatalog(state, principal, route.params.catalogId ?? '', access);
  const resourceId = route.params.resourceId ?? '';
  const resource = state.store.resource(catalog.id, resourceId);
  if (!resource) throw notFound(`Resource '${resourceId}' was not found in catalog '${catalog.id}'.`);
  return { catalog, resource };
}
