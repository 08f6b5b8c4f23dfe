import buildQuery from 'odata-query';
import {
  sizeUnits,
  type ComparisonOperator,
  type FileSortKey,
  type NameOperator,
  type SessionSearch,
  type SizeUnit,
} from './session-search';

/** The files view Graph is asked for: one sort key and up to one filter per property, joined with `and`. */
export interface FilesQuery {
  sort: { key: FileSortKey; direction: 'asc' | 'desc' };
  name?: { op: NameOperator; value: string };
  size?: { op: ComparisonOperator; bytes: number };
  /** An instant in UTC, ISO 8601. */
  uploaded?: { op: ComparisonOperator; at: string };
}

/** Graph's `size` is an Int64 of bytes, so 1.5 KB is sent as 1500. */
export function toBytes(value: number, unit: SizeUnit): number {
  return Math.round(value * sizeUnits[unit]);
}

export const defaultSizeUnit: SizeUnit = 'KB';
export const defaultOperators = { name: 'eq', size: 'gt', uploaded: 'ge' } as const;

export function filesQueryFromSearch(search: SessionSearch): FilesQuery {
  const query: FilesQuery = { sort: { key: search.sort, direction: search.dir } };
  if (search.name !== undefined) query.name = { op: search.nameOp ?? defaultOperators.name, value: search.name };
  if (search.size !== undefined) {
    query.size = { op: search.sizeOp ?? defaultOperators.size, bytes: toBytes(search.size, search.sizeUnit ?? defaultSizeUnit) };
  }
  if (search.uploaded !== undefined) {
    query.uploaded = { op: search.uploadedOp ?? defaultOperators.uploaded, at: new Date(search.uploaded).toISOString() };
  }
  return query;
}

export function activeFilterCount(query: FilesQuery): number {
  return [query.name, query.size, query.uploaded].filter(Boolean).length;
}

/**
 * `?$expand=files($filter=…;$orderby=…)`: Graph filters and sorts the files inside the session (graph-api.md §2.3).
 * odata-query doubles quotes and percent-encodes each value, so names with `'`, `#`, `%`, `&` or `;` survive.
 */
export function buildFilesQuery(query: FilesQuery): string {
  const filter: Record<string, Record<string, string | number | Date>>[] = [];
  if (query.name) filter.push({ name: { [query.name.op]: query.name.value } });
  if (query.size) filter.push({ size: { [query.size.op]: query.size.bytes } });
  if (query.uploaded) filter.push({ uploadedDateTime: { [query.uploaded.op]: new Date(query.uploaded.at) } });
  const orderBy = `${query.sort.key} ${query.sort.direction}`;
  return buildQuery({ expand: { files: filter.length > 0 ? { filter, orderBy } : { orderBy } } });
}
