import { describe, expect, it } from 'vitest';
import { filesQueryFromSearch, toBytes } from './files-query';
import { sessionSearchSchema } from './session-search';

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
