import { describe, expect, it } from 'vitest';
import { fakeGraph, json } from '../test/graph-test-kit';
import { allFilesQuery, buildFilesQuery, comparisonOperators, findStoredCopies, listSessionFiles, type FilesQuery } from './session-files';

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

describe('buildFilesQuery with any of several names', () => {
  it('asks for one name with eq, and for several with or inside the and', () => {
    expect(decoded(buildFilesQuery({ sort: byName, anyName: ['a.csv'] }))).toBe("?$expand=files($filter=name eq 'a.csv';$orderby=name asc)");
    expect(decoded(buildFilesQuery({ sort: byName, anyName: ['q"uote.csv', 'q%22uote.csv'], size: { op: 'eq', bytes: 5 } }))).toBe(
      "?$expand=files($filter=((name eq 'q\"uote.csv') or (name eq 'q%22uote.csv')) and size eq 5;$orderby=name asc)",
    );
  });
});

const ids = { catalogId: 'cat-1', resourceId: 'res-1', sessionId: 'ses-1' };

describe('listSessionFiles', () => {
  it('asks for the files inside the session and answers them with the session', async () => {
    const files = [{ id: 'f1', name: 'a.csv', size: 5, uploadedDateTime: '2026-11-22T10:00:00Z' }];
    const { client, requests } = fakeGraph(() => json({ id: ids.sessionId, status: 'active', files }));
    const view = await listSessionFiles(client, ids, allFilesQuery);
    expect(view.files).toEqual(files);
    expect(view.session).toMatchObject({ id: ids.sessionId, status: 'active' });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      path: '/identityGovernance/entitlementManagement/catalogs/cat-1/resources/res-1/uploadSessions/ses-1',
      query: '?$expand=files($orderby=name asc)',
    });
  });

  it('copes with a session without files', async () => {
    const { client } = fakeGraph(() => json({ id: ids.sessionId }));
    await expect(listSessionFiles(client, ids, allFilesQuery)).resolves.toMatchObject({ files: [] });
  });
});

describe('findStoredCopies', () => {
  it("asks for the file's name quoted and encoded, so that #, & and quotes survive", async () => {
    const files = [{ id: 'f1', name: "O'Brien #2 (100%) & more.csv", size: 5, uploadedDateTime: '2026-11-22T10:00:00Z' }];
    const { client, requests } = fakeGraph(() => json({ id: ids.sessionId, files }));
    await expect(findStoredCopies(client, ids, "O'Brien #2 (100%) & more.csv")).resolves.toEqual(files);
    expect(requests[0]?.query).toBe("?$expand=files($filter=name eq 'O''Brien #2 (100%) & more.csv';$orderby=name asc)");
  });

  it('also asks for the name as the browser sent it, when that differs', async () => {
    const { client, requests } = fakeGraph(() => json({ id: ids.sessionId, files: [] }));
    await findStoredCopies(client, ids, 'q"uote.csv');
    expect(requests[0]?.query).toBe(`?$expand=files($filter=((name eq 'q"uote.csv') or (name eq 'q%22uote.csv'));$orderby=name asc)`);
  });
});
