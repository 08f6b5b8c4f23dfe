import { describe, expect, it } from 'vitest';
import { buildSessionsQuery, summarize } from './upload-sessions';

describe('summarize', () => {
  it('counts each status, unknown ones apart, and finds the newest session', () => {
    expect(
      summarize([
        { status: 'Active', createdDateTime: '2026-11-01T00:00:00Z' },
        { status: 'Complete', createdDateTime: '2026-11-20T00:00:00Z' },
        { status: 'expired', createdDateTime: '2026-10-01T00:00:00Z' },
        { status: 'unknownFutureValue', createdDateTime: '2026-09-01T00:00:00Z' },
        { status: undefined },
      ]),
    ).toEqual({ total: 5, active: 1, complete: 1, expired: 1, other: 2, newestCreated: '2026-11-20T00:00:00Z' });
  });

  it('has no newest date when there are no sessions', () => {
    expect(summarize([])).toEqual({ total: 0, active: 0, complete: 0, expired: 0, other: 0 });
  });
});

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

