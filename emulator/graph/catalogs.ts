import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import type { FilterSchema } from '../odata/filter-eval';
import type { OrderBySchema } from '../odata/orderby';
import { applyQuery, pageOf } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import type { Catalog } from '../store/types';
import { authenticate, catalogRole, requireCatalog, requireEntitlementScope } from './auth';
import { sendCollection, sendEntity } from './responses';
import type { RouteRequest } from './router';
import { catalogJson, catalogProperties, selectFields } from './shapes';

const catalogFilter: FilterSchema<Catalog> = {
  target: 'catalogs',
  logical: ['and', 'or', 'not'],
  properties: {
    displayName: { type: 'string', ops: ['eq'], functions: ['contains'], transforms: true, get: (c) => c.displayName },
  },
};

const catalogOrder: OrderBySchema<Catalog> = { target: 'catalogs', properties: { displayName: (c) => c.displayName } };

/** Only the catalogs the caller holds a role on, as for a catalog owner or reader in Entra. */
export async function listCatalogs(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await authenticate(ctx, state);
  requireEntitlementScope(principal, 'read');
  const query = parseQueryOptions(ctx.rawQuery, {
    target: 'catalogs',
    filter: catalogFilter,
    orderby: catalogOrder,
    select: catalogProperties[route.version],
    paging: true,
  });
  const visible = state.store.catalogs.filter((c) => catalogRole(principal, c.id) !== undefined);
  const page = pageOf(applyQuery(visible, query), query, `${ctx.origin}${ctx.pathname}`);
  const items = page.items.map((c) => selectFields(catalogJson(c, route.version), query.select));
  sendCollection(ctx, route, { ...page, items }, query.select);
}

export async function getCatalog(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await authenticate(ctx, state);
  requireEntitlementScope(principal, 'read');
  const query = parseQueryOptions(ctx.rawQuery, { target: 'a catalog', select: catalogProperties[route.version] });
  const catalog = requireCatalog(state, principal, route.params.catalogId ?? '', 'read');
  sendEntity(ctx, route, selectFields(catalogJson(catalog, route.version), query.select), query.select);
}
