import { buildQuery } from '../http/query-string';
import type { ParsedQuery } from './query-options';
import { encodeSkipToken } from './query-options';

const defaultPageSize = 100;

export interface Page<T> {
  items: T[];
  count?: number;
  nextLink?: string;
}

/**
 * Graph-style paging: `$top` sets the page size, and when more items follow, `@odata.nextLink` repeats the
 * request's other options with an opaque `$skiptoken` in place of `$skip`.
 */
export function pageOf<T, F>(items: readonly T[], query: ParsedQuery<T, F>, baseUrl: string): Page<T> {
  const size = query.top ?? defaultPageSize;
  const end = query.offset + size;
  const page: Page<T> = { items: items.slice(query.offset, end) };
  if (query.count) page.count = items.length;
  if (end < items.length && size > 0) {
    const kept = query.params.filter((p) => !['$skip', '$skiptoken'].includes(p.name.toLowerCase()));
    page.nextLink = `${baseUrl}?${buildQuery([...kept, { name: '$skiptoken', value: encodeSkipToken(end) }])}`;
  }
  return page;
}

/** Filter then sort: the order of the steps OData defines. */
export function applyQuery<T, F>(items: readonly T[], query: ParsedQuery<T, F>): T[] {
  const filtered = query.filter ? items.filter(query.filter) : [...items];
  return query.compare ? filtered.sort(query.compare) : filtered;
}
