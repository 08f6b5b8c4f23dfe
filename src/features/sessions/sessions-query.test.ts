import { describe, expect, it } from 'vitest';
import { resourceSearchSchema } from './resource-search';
import { buildSessionsQuery, sessionsQueryFromSearch } from './sessions-query';

describe('buildSessionsQuery', () => {
  it('asks for the first page, newest first, with the total count', () => {
    expect(buildSessionsQuery({ direction: 'desc', top: 20, skip: 0 })).toBe('?$orderby=createdDateTime desc&$count=true&$top=20');
  });

  it('sorts oldest first', () => {
    expect(buildSessionsQuery({ direction: 'asc', top: 20, skip: 0 })).toContain('$orderby=createdDateTime asc');
  });

  it('filters by status', () => {
    expect(buildSessionsQuery({ status: 'expired', direction: 'desc', top: 20, skip: 0 })).toBe(
      "?$filter=status eq 'expired'&$orderby=createdDateTime desc&$count=true&$top=20",
    );
  });

  it('filters by status and review instance with and', () => {
    expect(buildSessionsQuery({ status: 'complete', referenceId: 'b25c7830', direction: 'desc', top: 20, skip: 0 })).toBe(
      "?$filter=status eq 'complete' and referenceId eq 'b25c7830'&$orderby=createdDateTime desc&$count=true&$top=20",
    );
  });

  it('quotes and encodes a hostile review instance id', () => {
    const query = buildSessionsQuery({ referenceId: "a'b&$top=1#", direction: 'desc', top: 20, skip: 0 });
    expect(query.split('&')).toHaveLength(4);
    expect(decodeURIComponent(query.split('&')[0] ?? '')).toBe("?$filter=referenceId eq 'a''b&$top=1#'");
  });

  it('pages with $top and $skip', () => {
    expect(buildSessionsQuery({ direction: 'desc', top: 10, skip: 30 })).toBe(
      '?$orderby=createdDateTime desc&$count=true&$top=10&$skip=30',
    );
  });
});

describe('sessionsQueryFromSearch', () => {
  it('turns the page number into $skip and "all" into no status filter', () => {
    expect(sessionsQueryFromSearch(resourceSearchSchema.parse({ page: 3, pageSize: 20 }))).toEqual({
      status: undefined,
      referenceId: undefined,
      direction: 'desc',
      top: 20,
      skip: 40,
    });
  });

  it('carries status, review and sort', () => {
    expect(sessionsQueryFromSearch(resourceSearchSchema.parse({ status: 'active', review: 'r1', sort: 'asc' }))).toMatchObject({
      status: 'active',
      referenceId: 'r1',
      direction: 'asc',
      skip: 0,
    });
  });
});
