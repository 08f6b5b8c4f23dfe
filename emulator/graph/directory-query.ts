import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { GraphError } from '../http/errors';
import type { FilterSchema } from '../odata/filter-eval';
import type { FilterNode } from '../odata/filter-parser';
import { pageOf } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import type { ParsedQuery } from '../odata/query-options';
import type { Principal } from './auth';
import { authenticate } from './auth';
import { sendCollection } from './responses';
import type { RouteRequest } from './router';

/**
 * What users, groups and getByIds share (docs/graph-contract.md §9.1): the directory's own error codes, its scopes,
 * its limits on $filter, and index lookups so 20,000 users answer as fast as 20.
 */
type Json = Record<string, unknown>;

export const directoryErrors = {
  badRequest: (message: string) => new GraphError(400, 'Request_BadRequest', message),
  unsupportedQuery: (message: string) => new GraphError(400, 'Request_UnsupportedQuery', message),
  notFound: (id: string) =>
    new GraphError(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`),
  denied: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
};

export type DirectoryKind = 'user' | 'group';

/** The delegated permissions that read each kind of directory object (one is enough); the write ones are not issued. */
export const directoryScopes: Record<DirectoryKind, readonly string[]> = {
  user: ['User.Read.All', 'Directory.Read.All'],
  group: ['GroupMember.Read.All', 'Group.Read.All', 'Directory.Read.All'],
};

export const mayRead = (principal: Principal, kind: DirectoryKind) => directoryScopes[kind].some((scope) => principal.scopes.has(scope));

export async function authenticateFor(ctx: RequestContext, state: EmulatorState, kind: DirectoryKind): Promise<Principal> {
  const principal = await authenticate(ctx, state);
  if (!mayRead(principal, kind)) throw directoryErrors.denied();
  return principal;
}

/** `in` without advanced query parameters: at most 15 values (and OR-ed clauses), like Graph. */
export const maxOrClauses = 15;
/** The longest string Graph compares with `eq` on the directory. */
export const maxEqValueLength = 120;

/** Clauses of one OR group: an `in` counts its values. */
function orWidth(node: FilterNode): number {
  if (node.kind === 'or') return orWidth(node.left) + orWidth(node.right);
  return node.kind === 'in' ? node.values.length : 1;
}

export function widestOr(node: FilterNode): number {
  switch (node.kind) {
    case 'or':
      return Math.max(orWidth(node), widestOr(node.left), widestOr(node.right));
    case 'and':
      return Math.max(widestOr(node.left), widestOr(node.right));
    case 'not':
      return widestOr(node.operand);
    case 'in':
      return node.values.length;
    default:
      return 1;
  }
}

function longestString(node: FilterNode): number {
  switch (node.kind) {
    case 'or':
    case 'and':
      return Math.max(longestString(node.left), longestString(node.right));
    case 'not':
      return longestString(node.operand);
    case 'in':
      return Math.max(...node.values.map((v) => (v.type === 'string' ? v.value.length : 0)));
    case 'compare':
      return node.value.type === 'string' ? node.value.value.length : 0;
    default:
      return 0;
  }
}

const hasCountTrue = (query: ParsedQuery<unknown>) => query.params.some((p) => p.name.toLowerCase() === '$count' && p.value === 'true');

/** The directory's rules on top of the OData options: $count needs ConsistencyLevel, `in` its limit, `eq` its length. */
function checkDirectoryRules(ctx: RequestContext, query: ParsedQuery<unknown>): void {
  const header = ctx.req.headers.consistencylevel;
  const eventual = typeof header === 'string' && header.toLowerCase() === 'eventual';
  if (hasCountTrue(query) && !eventual) {
    throw directoryErrors.badRequest('$count is not currently supported without the ConsistencyLevel header set to eventual.');
  }
  if (query.top === 0) throw directoryErrors.badRequest("Invalid page size specified: '0'. Must be between 1 and 999 inclusive.");
  // Advanced query parameters (ConsistencyLevel: eventual with $count=true) lift the `in` limit.
  const advanced = eventual && hasCountTrue(query);
  const node = query.filterNode;
  if (!node) return;
  const width = widestOr(node);
  if (width > maxOrClauses && !advanced) {
    throw directoryErrors.unsupportedQuery(
      `Too many child clauses specified in search filter expression containing 'OR' operators: ${width}. Max allowed: ${maxOrClauses}.`,
    );
  }
  if (longestString(node) > maxEqValueLength) {
    throw directoryErrors.badRequest(`A value in $filter is longer than the ${maxEqValueLength} characters the directory compares.`);
  }
}

/** Positions of the items a value of an indexed property names; undefined when the property is not indexed. */
export type IndexLookup = (property: string, value: string) => readonly number[] | undefined;

/**
 * The positions that can match, from the indexes, or undefined when the filter needs a full scan. Only a superset:
 * the compiled predicate still decides.
 */
export function candidates(node: FilterNode, lookup: IndexLookup): number[] | undefined {
  switch (node.kind) {
    case 'compare': {
      if (node.op !== 'eq' || node.value.type !== 'string' || node.property.transform) return undefined;
      const found = lookup(node.property.name, node.value.value);
      return found === undefined ? undefined : [...found];
    }
    case 'in': {
      const found: number[] = [];
      for (const value of node.values) {
        const positions = value.type === 'string' ? lookup(node.property.name, value.value) : undefined;
        if (positions === undefined) return undefined;
        found.push(...positions);
      }
      return found;
    }
    case 'or': {
      const left = candidates(node.left, lookup);
      const right = left === undefined ? undefined : candidates(node.right, lookup);
      return left === undefined || right === undefined ? undefined : [...left, ...right];
    }
    case 'and': {
      const left = candidates(node.left, lookup);
      const right = candidates(node.right, lookup);
      if (left === undefined) return right;
      return right === undefined || left.length <= right.length ? left : right;
    }
    default:
      return undefined;
  }
}

export interface DirectoryCollection<T> {
  /** Names the collection in messages and @odata.context, e.g. "users". */
  target: string;
  kind: DirectoryKind;
  filter: FilterSchema<T>;
  /** What $select may name, in the entity's order. */
  properties: readonly string[];
  /** What an answer without $select holds (Graph's default set). */
  defaultProperties: readonly string[];
  items: (state: EmulatorState) => readonly T[];
  lookup: (state: EmulatorState) => IndexLookup;
  json: (item: T) => Json;
}

/** Keeps the named properties, in the entity's order; `@odata.type` always stays. */
export function pick(json: Json, names: readonly string[]): Json {
  const picked: Json = {};
  for (const [key, value] of Object.entries(json)) if (key === '@odata.type' || names.includes(key)) picked[key] = value;
  return picked;
}

export function parseDirectoryQuery<T>(ctx: RequestContext, collection: DirectoryCollection<T>, paging: boolean): ParsedQuery<T> {
  const query = parseQueryOptions(ctx.rawQuery, {
    target: collection.target,
    select: collection.properties,
    ...(paging ? { filter: collection.filter, paging: true } : {}),
  });
  checkDirectoryRules(ctx, query as ParsedQuery<unknown>);
  return query;
}

/** `GET /users`, `GET /groups`: $filter (from the indexes where it can), $select, $top, $count and nextLink paging. */
export async function listDirectory<T>(ctx: RequestContext, state: EmulatorState, route: RouteRequest, collection: DirectoryCollection<T>): Promise<void> {
  await authenticateFor(ctx, state, collection.kind);
  const query = parseDirectoryQuery(ctx, collection, true);
  const all = collection.items(state);
  let matching: readonly T[] = all;
  if (query.filterNode && query.filter) {
    const positions = candidates(query.filterNode, collection.lookup(state));
    const pool = positions === undefined ? all : [...new Set(positions)].sort((a, b) => a - b).map((p) => all[p] as T);
    matching = pool.filter(query.filter);
  }
  const page = pageOf(matching, query, `${ctx.origin}${ctx.pathname}`);
  const names = query.select ?? collection.defaultProperties;
  const items = page.items.map((item) => pick(collection.json(item), names));
  sendCollection(ctx, route, { ...page, items }, query.select);
}
