import { describe, expect, it } from 'vitest';
import { fakeGraph, json } from '../test/graph-test-kit';
import { buildSessionsQuery, findUploadSession, getUploadSessionsOverview, summarize } from './upload-sessions';

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


describe('getUploadSessionsOverview', () => {
  const ids = { catalogId: 'cat-1', resourceId: 'res-1' };
  const sessions = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `s${i}`, status: i % 3 === 0 ? 'active' : 'complete', createdDateTime: `2026-11-${String(20 - (i % 20)).padStart(2, '0')}T00:00:00Z` }));

  it('summarises a resource in one request of ids, statuses, dates, review instances and stats, newest first, counted', async () => {
    const { client, requests } = fakeGraph(() => json({ value: sessions(4), '@odata.count': 4 }));
    const overview = await getUploadSessionsOverview(client, ids);
    expect(overview.sessions.map((session) => session.id)).toEqual(['s0', 's1', 's2', 's3']);
    expect(overview.summary).toEqual({
      total: 4,
      active: 2,
      complete: 2,
      expired: 0,
      other: 0,
      newestCreated: '2026-11-20T00:00:00Z',
    });
    expect(requests.map((r) => r.query)).toEqual([
      '?$select=id,status,createdDateTime,referenceId,stats&$orderby=createdDateTime desc&$count=true&$top=999',
    ]);
  });

  it('asks Graph to count each status instead of paging when a resource has more sessions than one page', async () => {
    const { client, requests } = fakeGraph(({ query }) => {
      if (query.includes("status eq 'active'")) return json({ value: [{ id: 'a' }], '@odata.count': 700 });
      if (query.includes("status eq 'complete'")) return json({ value: [{ id: 'c' }], '@odata.count': 1200 });
      if (query.includes("status eq 'expired'")) return json({ value: [], '@odata.count': 100 });
      return json({ value: sessions(999), '@odata.count': 2001, '@odata.nextLink': 'https://graph.example/next' });
    });
    const overview = await getUploadSessionsOverview(client, ids);
    expect(overview.sessions).toHaveLength(999);
    expect(overview.summary).toEqual({
      total: 2001,
      active: 700,
      complete: 1200,
      expired: 100,
      other: 1,
      newestCreated: '2026-11-20T00:00:00Z',
    });
    expect(requests).toHaveLength(4);
    expect(requests.slice(1).map((r) => r.query).sort()).toEqual([
      "?$select=id&$filter=status eq 'active'&$count=true&$top=1",
      "?$select=id&$filter=status eq 'complete'&$count=true&$top=1",
      "?$select=id&$filter=status eq 'expired'&$count=true&$top=1",
    ]);
  });
});

describe('findUploadSession', () => {
  const ids = { catalogId: 'cat-1', resourceId: 'res-1' };
  it('prefers the active session, ignores expired ones, and reads old capitalised statuses', async () => {
    const { client } = fakeGraph(() =>
      json({ value: [{ id: 'old', status: 'expired' }, { id: 'done', status: 'Complete' }, { id: 'open', status: 'Active' }] }),
    );
    await expect(findUploadSession(client, ids, 'inst-1')).resolves.toMatchObject({ id: 'open' });
  });

  it('finds nothing when only expired sessions hold the instance', async () => {
    const { client, requests } = fakeGraph(() => json({ value: [{ id: 'old', status: 'expired' }] }));
    await expect(findUploadSession(client, ids, "it's")).resolves.toBeNull();
    expect(requests[0]?.query).toBe("?$filter=referenceId eq 'it''s'");
  });
});
