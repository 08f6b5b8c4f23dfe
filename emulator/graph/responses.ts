import type { RequestContext } from '../http/context';
import { sendGraph } from '../http/context';
import type { Page } from '../odata/paging';
import type { RouteRequest } from './router';

type Json = Record<string, unknown>;

/** `{origin}/{version}/$metadata#{path}[(select)][/$entity]`, the way Graph writes @odata.context. */
function contextUrl(ctx: RequestContext, route: RouteRequest, entity: boolean, select?: readonly string[]): string {
  const selected = select ? `(${select.join(',')})` : '';
  return `${ctx.origin}/${route.version}/$metadata#${route.collectionPath}${selected}${entity ? '/$entity' : ''}`;
}

export function sendCollection(ctx: RequestContext, route: RouteRequest, page: Page<Json>, select?: readonly string[]): void {
  const body: Json = { '@odata.context': contextUrl(ctx, route, false, select) };
  if (page.count !== undefined) body['@odata.count'] = page.count;
  if (page.nextLink !== undefined) body['@odata.nextLink'] = page.nextLink;
  body.value = page.items;
  sendGraph(ctx, 200, body);
}

export function sendEntity(ctx: RequestContext, route: RouteRequest, json: Json, select?: readonly string[], status = 200): void {
  sendGraph(ctx, status, { '@odata.context': contextUrl(ctx, route, true, select), ...json });
}
