import type { FilesQuery } from '../../graph/session-files';
import { sizeUnits, type SessionSearch, type SizeUnit } from './session-search';

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
