import { describe, expect, it } from 'vitest';
import { resourceSearchSchema } from './resource-search';
import { sessionSearchSchema } from './session-search';

describe('resourceSearchSchema', () => {
  it('fills in the defaults for a bare address', () => {
    expect(resourceSearchSchema.parse({})).toEqual({ status: 'all', sort: 'desc', page: 1, pageSize: 20 });
  });

  it('keeps a valid view', () => {
    expect(resourceSearchSchema.parse({ status: 'expired', review: 'abc', sort: 'asc', page: '3', pageSize: 50 })).toEqual({
      status: 'expired',
      review: 'abc',
      sort: 'asc',
      page: 3,
      pageSize: 50,
    });
  });

  it('degrades each hand-edited bad value to its default instead of failing', () => {
    expect(
      resourceSearchSchema.parse({ status: 'Active', review: 42, sort: 'sideways', page: -2, pageSize: 7 }),
    ).toEqual({ status: 'all', review: undefined, sort: 'desc', page: 1, pageSize: 20 });
    expect(resourceSearchSchema.parse({ page: 'abc', review: '' })).toMatchObject({ page: 1, review: undefined });
    expect(resourceSearchSchema.parse({ page: 2.5 }).page).toBe(1);
  });
});

describe('sessionSearchSchema', () => {
  it('sorts newest first, unfiltered, by default', () => {
    expect(sessionSearchSchema.parse({})).toEqual({ sort: 'uploadedDateTime', dir: 'desc', page: 1 });
  });

  it('keeps names with quotes, #, % and non-ASCII as they are', () => {
    expect(sessionSearchSchema.parse({ name: "Zürich #2 (100%) O'Brien.csv" }).name).toBe("Zürich #2 (100%) O'Brien.csv");
  });

  it('accepts every filter', () => {
    expect(
      sessionSearchSchema.parse({
        sort: 'size',
        dir: 'asc',
        nameOp: 'ne',
        name: 'a',
        sizeOp: 'le',
        size: '2.5',
        sizeUnit: 'MB',
        uploadedOp: 'gt',
        uploaded: '2026-11-22T13:05:00.000Z',
        page: 4,
      }),
    ).toEqual({
      sort: 'size',
      dir: 'asc',
      nameOp: 'ne',
      name: 'a',
      sizeOp: 'le',
      size: 2.5,
      sizeUnit: 'MB',
      uploadedOp: 'gt',
      uploaded: '2026-11-22T13:05:00.000Z',
      page: 4,
    });
  });

  it('drops bad filters and bad sorts rather than failing', () => {
    expect(
      sessionSearchSchema.parse({
        sort: 'owner',
        dir: 'up',
        nameOp: 'contains',
        name: '',
        sizeOp: 'between',
        size: 'big',
        sizeUnit: 'TB',
        uploadedOp: 'gte',
        uploaded: 'yesterday',
        page: 0,
      }),
    ).toEqual({
      sort: 'uploadedDateTime',
      dir: 'desc',
      nameOp: undefined,
      name: undefined,
      sizeOp: undefined,
      size: undefined,
      sizeUnit: undefined,
      uploadedOp: undefined,
      uploaded: undefined,
      page: 1,
    });
    expect(sessionSearchSchema.parse({ size: -1 }).size).toBeUndefined();
  });
});
