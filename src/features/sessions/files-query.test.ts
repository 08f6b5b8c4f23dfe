import { describe, expect, it } from 'vitest';
import { buildFilesQuery, filesQueryFromSearch, toBytes, type FilesQuery } from './files-query';
import { comparisonOperators, sessionSearchSchema } from './session-search';

const byName: FilesQuery['sort'] = { key: 'name', direction: 'asc' };
/** What the server sees: fetch percent-encodes the rest, the emulator decodes each value with decodeURIComponent. */
const decoded = (query: string) => decodeURIComponent(query);

describe('buildFilesQuery', () => {
  it.each([
    ['name', 'asc'],
    ['name', 'desc'],
    ['size', 'asc'],
    ['size', 'desc'],
    ['uploadedDateTime', 'asc'],
    ['uploadedDateTime', 'desc'],
  ] as const)('sorts by %s %s through the nested $orderby', (key, direction) => {
    expect(buildFilesQuery({ sort: { key, direction } })).toBe(`?$expand=files($orderby=${key} ${direction})`);
  });

  it.each(['eq', 'ne'] as const)('filters name with %s', (op) => {
    expect(buildFilesQuery({ sort: byName, name: { op, value: 'a.csv' } })).toBe(
      `?$expand=files($filter=name ${op} 'a.csv';$orderby=name asc)`,
    );
  });

  it.each(comparisonOperators)('filters size with %s, in bytes', (op) => {
    expect(buildFilesQuery({ sort: byName, size: { op, bytes: 1500 } })).toBe(
      `?$expand=files($filter=size ${op} 1500;$orderby=name asc)`,
    );
  });

  it.each(comparisonOperators)('filters uploadedDateTime with %s, as an unquoted UTC DateTimeOffset', (op) => {
    expect(buildFilesQuery({ sort: byName, uploaded: { op, at: '2026-11-22T13:05:00.000Z' } })).toBe(
      `?$expand=files($filter=uploadedDateTime ${op} 2026-11-22T13:05:00.000Z;$orderby=name asc)`,
    );
  });

  it("doubles the quote in O'Brien", () => {
    expect(buildFilesQuery({ sort: byName, name: { op: 'eq', value: "O'Brien badge export.csv" } })).toBe(
      "?$expand=files($filter=name eq 'O''Brien%20badge%20export.csv';$orderby=name asc)",
    );
  });

  it('percent-encodes #, %, &, ; and non-ASCII inside the value, so the URL cannot be cut short', () => {
    const value = 'Zürich #2 (100%) & more; done.csv';
    const query = buildFilesQuery({ sort: byName, name: { op: 'ne', value } });
    expect(query).not.toContain('#');
    expect(query).not.toContain('&');
    expect(query).not.toMatch(/[^\x20-\x7e]/);
    expect(query.split(';')).toHaveLength(2);
    expect(decoded(query)).toBe(`?$expand=files($filter=name ne '${value}';$orderby=name asc)`);
  });

  it('joins every filter with and, before the sort', () => {
    const query = buildFilesQuery({
      sort: { key: 'size', direction: 'desc' },
      name: { op: 'ne', value: "it's.csv" },
      size: { op: 'ge', bytes: 1_000_000 },
      uploaded: { op: 'lt', at: '2026-01-01T00:00:00.000Z' },
    });
    expect(decoded(query)).toBe(
      "?$expand=files($filter=name ne 'it''s.csv' and size ge 1000000 and uploadedDateTime lt 2026-01-01T00:00:00.000Z;$orderby=size desc)",
    );
  });
});

describe('filesQueryFromSearch', () => {
  it('sorts newest first without filters by default', () => {
    expect(filesQueryFromSearch(sessionSearchSchema.parse({}))).toEqual({ sort: { key: 'uploadedDateTime', direction: 'desc' } });
  });

  it('converts sizes to bytes with the unit and fills in missing operators', () => {
    const search = sessionSearchSchema.parse({ size: 1.5, sizeUnit: 'MB', name: 'x.csv', uploaded: '2026-11-22T14:05:00+01:00' });
    expect(filesQueryFromSearch(search)).toEqual({
      sort: { key: 'uploadedDateTime', direction: 'desc' },
      name: { op: 'eq', value: 'x.csv' },
      size: { op: 'gt', bytes: 1_500_000 },
      uploaded: { op: 'ge', at: '2026-11-22T13:05:00.000Z' },
    });
  });

  it('keeps the operators it is given', () => {
    const search = sessionSearchSchema.parse({ sort: 'size', dir: 'asc', nameOp: 'ne', name: 'a', sizeOp: 'le', size: 2, uploadedOp: 'eq', uploaded: '2026-01-01T00:00:00Z' });
    const query = filesQueryFromSearch(search);
    expect(query.name?.op).toBe('ne');
    expect(query.size).toEqual({ op: 'le', bytes: 2000 });
    expect(query.uploaded?.op).toBe('eq');
    expect(query.sort).toEqual({ key: 'size', direction: 'asc' });
  });
});

describe('toBytes', () => {
  it('uses decimal units, like the tables, and whole bytes', () => {
    expect(toBytes(3, 'B')).toBe(3);
    expect(toBytes(1.5, 'KB')).toBe(1500);
    expect(toBytes(2, 'MB')).toBe(2_000_000);
    expect(toBytes(0.1, 'GB')).toBe(100_000_000);
    expect(toBytes(0.0005, 'KB')).toBe(1);
  });
});
