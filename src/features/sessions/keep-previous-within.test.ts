import type { Query, QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { keepPreviousWithin } from './keep-previous-within';

const queryWithKey = (queryKey: QueryKey) => ({ queryKey }) as unknown as Query<string[], Error, string[], QueryKey>;

describe('keepPreviousWithin', () => {
  const placeholder = keepPreviousWithin(['catalogs', 'detail', 'c1', 'resources', 'detail', 'r1', 'uploadSessions']);
  const rows = ['s1', 's2'];

  it('keeps the rows of another view of the same list', () => {
    const previous = queryWithKey(['catalogs', 'detail', 'c1', 'resources', 'detail', 'r1', 'uploadSessions', 'list', { skip: 20 }]);
    expect(placeholder(rows, previous)).toBe(rows);
  });

  it("never shows another resource's rows", () => {
    const previous = queryWithKey(['catalogs', 'detail', 'c1', 'resources', 'detail', 'r2', 'uploadSessions', 'list', {}]);
    expect(placeholder(rows, previous)).toBeUndefined();
    expect(placeholder(undefined, undefined)).toBeUndefined();
  });
});
