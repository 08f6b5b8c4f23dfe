import { describe, expect, it } from 'vitest';
import { fakeGraph, json } from '../../../test/graph-test-kit';
import { getSessionFiles } from './get-session-files';

const ids = { catalogId: 'cat-1', resourceId: 'res-1', sessionId: 'ses-1' };

describe('getSessionFiles', () => {
  it('asks for the files of one name, quoted and encoded so that #, & and quotes survive', async () => {
    const files = [{ id: 'f1', name: "O'Brien #2 (100%) & more.csv", size: 5, uploadedDateTime: '2026-11-22T10:00:00Z' }];
    const { client, requests } = fakeGraph(() => json({ id: ids.sessionId, files }));
    await expect(getSessionFiles(client, ids, "O'Brien #2 (100%) & more.csv")).resolves.toEqual(files);
    expect(requests[0]).toMatchObject({
      path: '/identityGovernance/entitlementManagement/catalogs/cat-1/resources/res-1/uploadSessions/ses-1',
      query: "?$expand=files($filter=name eq 'O''Brien #2 (100%) & more.csv')",
    });
  });

  it('lists every file by name when no name is given, and copes with a session without files', async () => {
    const { client, requests } = fakeGraph(() => json({ id: ids.sessionId }));
    await expect(getSessionFiles(client, ids)).resolves.toEqual([]);
    expect(requests[0]?.query).toBe('?$expand=files($orderby=name asc)');
  });
});
