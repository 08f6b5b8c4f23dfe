import { describe, expect, it } from 'vitest';
import { directoryFixtures as fx, directoryPerson } from '../directory/fixtures';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

/** $batch as the people look-ups use it: 20 user filters of 15 values (docs/graph-contract.md §9.1, §9.2). */
const emulator = useEmulator();
const lookupScope = 'https://graph.microsoft.com/User.Read.All';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON fields
type Answer = { id: string; status: number; headers: Record<string, string>; body: any };

async function batch(requests: unknown[], scope = lookupScope) {
  const token = await emulator.current.issueAccessToken(demo.users.megan, scope);
  const answer = await graph(emulator.current.url, '/v1.0/$batch', token, { method: 'POST', body: JSON.stringify({ requests }) });
  const byId = Object.fromEntries(((answer.body?.responses ?? []) as Answer[]).map((r) => [r.id, r]));
  return { ...answer, byId };
}

/** 400 people from person 200 on who have a mail (one in 101 has none). */
const withMail = Array.from({ length: 420 }, (_, i) => directoryPerson(200 + i)).filter((p) => p.mail !== null).slice(0, 400);
const mailFilter = (first: number, count: number) => {
  const values = withMail.slice(first - 200, first - 200 + count).map((p) => `'${p.mail as string}'`).join(',');
  return `/users?$filter=mail in (${values})&$select=id,mail,accountEnabled,userType`;
};
const control = (path: string, body: unknown) => fetch(`${emulator.current.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });

describe('$batch of directory look-ups', () => {
  it('answers 20 filters of 15 mails, each with its own matches', async () => {
    const requests = Array.from({ length: 20 }, (_, n) => ({ id: `r${n}`, method: 'GET', url: mailFilter(200 + n * 15, 15) }));
    const { status, byId } = await batch(requests);
    expect(status).toBe(200);
    for (let n = 0; n < 20; n++) {
      const answer = byId[`r${n}`];
      expect(answer?.status).toBe(200);
      expect(answer?.body.value.map((u: { id: string }) => u.id)).toEqual(withMail.slice(n * 15, n * 15 + 15).map((p) => p.id));
    }
  });

  it('passes each inner limit error on: 16 values in one request is that request’s 400, not the batch’s', async () => {
    const { status, byId } = await batch([
      { id: 'ok', method: 'GET', url: mailFilter(200, 15) },
      { id: 'over', method: 'GET', url: mailFilter(200, 16) },
    ]);
    expect(status).toBe(200);
    expect(byId.ok?.status).toBe(200);
    expect(byId.over).toMatchObject({ status: 400, body: { error: { code: 'Request_UnsupportedQuery' } } });
  });

  it('authorises each inner request by the batch token: without User.Read.All every look-up is a 403', async () => {
    const { status, byId } = await batch(
      [{ id: 'a', method: 'GET', url: mailFilter(200, 2) }, { id: 'b', method: 'GET', url: `/users/${fx.member.id}` }],
      'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All',
    );
    expect(status).toBe(200);
    expect(byId.a).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect(byId.b?.status).toBe(403);
  });

  it('faults inner look-ups like direct ones: 429 and 503 each with their own Retry-After', async () => {
    await control('faults', [
      { method: 'GET', path: '^/v1\\.0/users$', status: 429, retryAfter: 3, times: 1 },
      { method: 'GET', path: '^/v1\\.0/users$', status: 503, retryAfter: 9, times: 1 },
    ]);
    const { byId } = await batch([
      { id: '1', method: 'GET', url: mailFilter(200, 1) },
      { id: '2', method: 'GET', url: mailFilter(201, 1), dependsOn: ['1'] },
      { id: '3', method: 'GET', url: mailFilter(202, 1), dependsOn: ['2'] },
    ]);
    expect(byId['1']).toMatchObject({ status: 429, headers: { 'Retry-After': '3' }, body: { error: { code: 'TooManyRequests' } } });
    // 2 depended on 1, which failed: 424, and so 3 too; the 503 fault is still queued.
    expect(byId['2']).toMatchObject({ status: 424, body: { error: { code: 'failedDependency' } } });
    expect(byId['3']?.status).toBe(424);
    const after = await batch([{ id: 'x', method: 'GET', url: mailFilter(200, 1) }, { id: 'y', method: 'GET', url: mailFilter(201, 1) }]);
    const statuses = [after.byId.x?.status, after.byId.y?.status].sort();
    expect(statuses).toEqual([200, 503]);
    const faulted = after.byId.x?.status === 503 ? after.byId.x : after.byId.y;
    expect(faulted?.headers['Retry-After']).toBe('9');
  });

  it('posts getByIds inside a batch, which needs a Content-Type with its body', async () => {
    const { byId } = await batch([
      { id: 'ids', method: 'POST', url: '/directoryObjects/getByIds', headers: { 'Content-Type': 'application/json' }, body: { ids: [fx.guest.id, fx.unknown.id], types: ['user'] } },
      { id: 'bare', method: 'POST', url: '/directoryObjects/getByIds', body: { ids: [fx.guest.id] } },
    ]);
    expect(byId.ids?.status).toBe(200);
    expect(byId.ids?.body.value).toEqual([expect.objectContaining({ '@odata.type': '#microsoft.graph.user', id: fx.guest.id })]);
    expect(byId.bare).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('Content-Type') } } });
  });

  it('uses the batch’s Authorization whatever an inner request says, refuses header values that would split a request, keeps ConsistencyLevel', async () => {
    const { byId } = await batch([
      { id: 'auth', method: 'GET', url: `/users/${fx.member.id}?$select=id`, headers: { Authorization: 'Bearer forged', 'content-length': '5' } },
      { id: 'crlf', method: 'GET', url: '/users?$top=1', headers: { 'x-note': 'a\r\nb: c' } },
      { id: 'name', method: 'GET', url: '/users?$top=1', headers: { 'bad name': 'x' } },
      { id: 'count', method: 'GET', url: '/users?$top=1&$count=true&$select=id', headers: { ConsistencyLevel: 'eventual' } },
    ]);
    expect(byId.auth).toMatchObject({ status: 200, body: { id: fx.member.id } });
    expect(byId.crlf?.status).toBe(400);
    expect(byId.name?.status).toBe(400);
    expect(byId.count?.body['@odata.count']).toBe(emulator.current.state.directory.users.length);
  });
});
