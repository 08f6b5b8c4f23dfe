import { badQuery } from '../http/errors';
import { parseQuery } from '../http/query-string';
import type { QueryParam } from '../http/query-string';
import { parseExpand } from './expand';
import type { ExpandSchema, Expansion } from './expand';
import { compileFilter } from './filter-eval';
import type { FilterSchema, Predicate } from './filter-eval';
import { parseFilter } from './filter-parser';
import type { FilterNode } from './filter-parser';
import { parseOrderBy } from './orderby';
import type { Comparator, OrderBySchema } from './orderby';

/** What one endpoint supports; any other system query option gets a 400 naming it. */
export interface QueryCapabilities<T, F = never> {
  /** Names the endpoint in error messages. */
  target: string;
  filter?: FilterSchema<T>;
  orderby?: OrderBySchema<T>;
  select?: readonly string[];
  expand?: ExpandSchema<F>;
  /** $top, $skip, $count and the $skiptoken of nextLinks. */
  paging?: boolean;
}

export interface ParsedQuery<T, F = never> {
  filter?: Predicate<T>;
  /** The parsed $filter, for endpoints that look items up by index or check its shape (the directory). */
  filterNode?: FilterNode;
  compare?: Comparator<T>;
  select?: readonly string[];
  expand?: Expansion<F>;
  top?: number;
  /** From $skip or the $skiptoken of a nextLink. */
  offset: number;
  /** Whether this is the first page of a $skiptoken-less request with $count=true. */
  count: boolean;
  /** The request's options, for building the nextLink. */
  params: readonly QueryParam[];
}

const maxTop = 999;
const knownOptions = new Set([
  '$filter', '$orderby', '$select', '$expand', '$top', '$skip', '$count', '$skiptoken',
  '$search', '$format', '$apply', '$compute', '$index', '$levels', '$deltatoken',
]);
const pagingOptions = new Set(['$top', '$skip', '$count', '$skiptoken']);

export function parseQueryOptions<T, F = never>(rawQuery: string, caps: QueryCapabilities<T, F>): ParsedQuery<T, F> {
  const params = parseQuery(rawQuery);
  const options = new Map<string, string>();
  for (const { name, value } of params) {
    const key = name.toLowerCase();
    if (!key.startsWith('$')) continue;
    if (!knownOptions.has(key)) throw badQuery(`Query option '${name}' is not supported.`);
    if (options.has(key)) throw badQuery(`Query option '${key}' was given more than once.`);
    if (!isSupported(key, caps)) throw badQuery(`Query option '${key}' is not supported on ${caps.target}.`);
    options.set(key, value);
  }
  const parsed: ParsedQuery<T, F> = { offset: 0, count: false, params };
  const filter = options.get('$filter');
  if (filter !== undefined && caps.filter) {
    parsed.filterNode = parseFilter(filter);
    parsed.filter = compileFilter(parsed.filterNode, caps.filter);
  }
  const orderby = options.get('$orderby');
  if (orderby !== undefined && caps.orderby) parsed.compare = parseOrderBy(orderby, caps.orderby);
  const select = options.get('$select');
  if (select !== undefined && caps.select) parsed.select = parseSelect(select, caps.select, caps.target);
  const expand = options.get('$expand');
  if (expand !== undefined && caps.expand) parsed.expand = parseExpand(expand, caps.expand);
  const top = options.get('$top');
  if (top !== undefined) parsed.top = parseCount('$top', top, maxTop);
  const skip = options.get('$skip');
  if (skip !== undefined) parsed.offset = parseCount('$skip', skip);
  const skiptoken = options.get('$skiptoken');
  if (skiptoken !== undefined) parsed.offset = decodeSkipToken(skiptoken);
  const count = options.get('$count');
  if (count !== undefined && count !== 'true' && count !== 'false') {
    throw badQuery(`Invalid $count: '${count}' must be true or false.`);
  }
  parsed.count = count === 'true' && skiptoken === undefined;
  return parsed;
}

function isSupported<T, F>(key: string, caps: QueryCapabilities<T, F>): boolean {
  if (pagingOptions.has(key)) return caps.paging === true;
  if (key === '$filter') return caps.filter !== undefined;
  if (key === '$orderby') return caps.orderby !== undefined;
  if (key === '$select') return caps.select !== undefined;
  if (key === '$expand') return caps.expand !== undefined;
  return false;
}

function parseSelect(text: string, allowed: readonly string[], target: string): readonly string[] {
  const names = text.split(',').map((name) => name.trim());
  if (names.includes('*')) return allowed;
  for (const name of names) {
    if (name === '') throw badQuery(`Invalid $select: empty property name in '${text}'.`);
    if (!allowed.includes(name)) {
      throw badQuery(`Property '${name}' is not supported in $select on ${target} (supported: ${allowed.join(', ')}).`);
    }
  }
  return names;
}

function parseCount(option: string, text: string, max?: number): number {
  if (!/^\d+$/.test(text)) throw badQuery(`Invalid ${option}: '${text}' is not a non-negative integer.`);
  const value = Number(text);
  if (max !== undefined && value > max) throw badQuery(`Invalid ${option}: ${text} is larger than the maximum of ${max}.`);
  if (!Number.isSafeInteger(value)) throw badQuery(`Invalid ${option}: '${text}' is too large.`);
  return value;
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

function decodeSkipToken(token: string): number {
  try {
    const { offset } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { offset?: unknown };
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // reported below
  }
  throw badQuery('Invalid $skiptoken: use the @odata.nextLink exactly as returned.');
}
