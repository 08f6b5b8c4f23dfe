import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { accessDenied, notFound } from '../http/errors';
import type { FilterSchema } from '../odata/filter-eval';
import { applyQuery, pageOf } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import type { Store } from '../store/store';
import type { ReviewDefinition, ReviewInstance } from '../store/types';
import { authenticate, catalogRole, requireReviewScope } from './auth';
import type { Principal } from './auth';
import { sendCollection, sendEntity } from './responses';
import type { RouteRequest } from './router';
import { definitionJson, definitionProperties, instanceJson, instanceProperties, selectFields } from './shapes';

const definitionFilter: FilterSchema<ReviewDefinition> = {
  target: 'definitions',
  logical: ['and'],
  properties: { status: { type: 'string', ops: ['eq'], get: (d) => d.status } },
};

function instanceFilter(store: Store): FilterSchema<ReviewInstance> {
  return {
    target: 'instances',
    logical: ['and', 'or'],
    properties: { status: { type: 'string', ops: ['eq', 'ne'], get: (i) => store.instanceStatus(i) } },
  };
}

async function reviewPrincipal(ctx: RequestContext, state: EmulatorState): Promise<Principal> {
  const principal = await authenticate(ctx, state);
  requireReviewScope(principal);
  return principal;
}

/** Catalog reviews the caller may see: those scoped to a catalog they hold a role on. */
const visible = (principal: Principal, definition: ReviewDefinition) => catalogRole(principal, definition.catalogId) !== undefined;

function resolveDefinition(state: EmulatorState, principal: Principal, route: RouteRequest): ReviewDefinition {
  const id = route.params.definitionId ?? '';
  const definition = state.store.definition(id);
  if (!definition) throw notFound(`Access review definition '${id}' was not found.`);
  if (!visible(principal, definition)) {
    throw accessDenied(`The signed-in user has no role on the catalog that access review definition '${id}' reviews.`);
  }
  return definition;
}

export async function listDefinitions(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await reviewPrincipal(ctx, state);
  const query = parseQueryOptions(ctx.rawQuery, { target: 'definitions', filter: definitionFilter, select: definitionProperties, paging: true });
  const definitions = state.store.definitions.filter((d) => visible(principal, d));
  const page = pageOf(applyQuery(definitions, query), query, `${ctx.origin}${ctx.pathname}`);
  sendCollection(ctx, route, { ...page, items: page.items.map((d) => selectFields(definitionJson(d), query.select)) }, query.select);
}

export async function getDefinition(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await reviewPrincipal(ctx, state);
  const query = parseQueryOptions(ctx.rawQuery, { target: 'a definition', select: definitionProperties });
  const definition = resolveDefinition(state, principal, route);
  sendEntity(ctx, route, selectFields(definitionJson(definition), query.select), query.select);
}

export async function listInstances(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await reviewPrincipal(ctx, state);
  const query = parseQueryOptions(ctx.rawQuery, {
    target: 'instances',
    filter: instanceFilter(state.store),
    select: instanceProperties,
    paging: true,
  });
  const definition = resolveDefinition(state, principal, route);
  const page = pageOf(applyQuery(state.store.instancesOf(definition.id), query), query, `${ctx.origin}${ctx.pathname}`);
  const items = page.items.map((i) => selectFields(instanceJson(state.store, i, definition), query.select));
  sendCollection(ctx, route, { ...page, items }, query.select);
}

export async function getInstance(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await reviewPrincipal(ctx, state);
  const query = parseQueryOptions(ctx.rawQuery, { target: 'an instance', select: instanceProperties });
  const definition = resolveDefinition(state, principal, route);
  const id = route.params.instanceId ?? '';
  const instance = state.store.instancesOf(definition.id).find((i) => i.id === id);
  if (!instance) throw notFound(`Access review instance '${id}' was not found in definition '${definition.id}'.`);
  sendEntity(ctx, route, selectFields(instanceJson(state.store, instance, definition), query.select), query.select);
}
