import { describe, expect, it } from 'vitest';
import { directoryFixtures as fx, directoryPerson, namedGroups } from '../directory/fixtures';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const bothScopes = 'https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/GroupMember.Read.All';

async function getByIds(body: unknown, scope = bothScopes, query = '') {
  const token = await emulator.current.issueAccessToken(demo.users.megan, scope);
  return graph(emulator.current.url, `/v1.0/directoryObjects/getByIds${query}`, token, { method: 'POST', body: JSON.stringify(body) });
}

describe('POST /directoryObjects/getByIds (docs/graph-contract.md §9.1)', () => {
  it('returns the users and groups that exist, each with @odata.type; unknown ids are simply absent', async () => {
    const group = namedGroups[2]?.id as string;
    const { status, body } = await getByIds({ ids: [fx.member.id, fx.unknown.id, group, fx.guest.id.toUpperCase()], types: ['user', 'group'] });
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe(`${emulator.current.url}/v1.0/$metadata#directoryObjects`);
    expect(body.value.map((o: { '@odata.type': string; id: string }) => [o['@odata.type'], o.id])).toEqual([
      ['#microsoft.graph.user', fx.member.id],
      ['#microsoft.graph.group', group],
      ['#microsoft.graph.user', fx.guest.id],
    ]);
  });

  it('keeps to the types asked for, and honours $select', async () => {
    const group = namedGroups[0]?.id as string;
    const users = await getByIds({ ids: [fx.disabled.id, group], types: ['User'] }, bothScopes, '?$select=id,accountEnabled,userType');
    expect(users.body.value).toEqual([{ '@odata.type': '#microsoft.graph.user', id: fx.disabled.id, accountEnabled: false, userType: 'Member' }]);
    const groups = await getByIds({ ids: [fx.disabled.id, group], types: ['microsoft.graph.group'] });
    expect(groups.body.value.map((o: { id: string }) => o.id)).toEqual([group]);
  });

  it('takes up to 1,000 ids and answers 1,001 with a 400', async () => {
    const ids = Array.from({ length: 1001 }, (_, i) => directoryPerson(i).id);
    const thousand = await getByIds({ ids: ids.slice(0, 1000), types: ['user'] });
    expect(thousand.status).toBe(200);
    expect(thousand.body.value).toHaveLength(1000);
    const over = await getByIds({ ids, types: ['user'] });
    expect(over).toMatchObject({ status: 400, body: { error: { code: 'Request_BadRequest', message: expect.stringContaining('Max allowed: 1000') } } });
  });

  it('refuses malformed bodies with 400 Request_BadRequest', async () => {
    for (const body of [{}, { ids: 'x' }, { ids: [1] }, { ids: ['not-a-guid'] }, { ids: [fx.member.id], types: ['printer'] }, { ids: [], extra: 1 }, [], null]) {
      const answer = await getByIds(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('Request_BadRequest');
    }
    expect((await getByIds({ ids: [] })).body.value).toEqual([]);
  });

  it('needs User.Read.All for users and GroupMember.Read.All (or Group.Read.All) for groups', async () => {
    const usersOnly = 'https://graph.microsoft.com/User.Read.All';
    expect((await getByIds({ ids: [fx.member.id], types: ['group'] }, usersOnly)).body.error.code).toBe('Authorization_RequestDenied');
    // Without types: the kinds the token may read.
    const group = namedGroups[0]?.id as string;
    const untyped = await getByIds({ ids: [fx.member.id, group] }, usersOnly);
    expect(untyped.body.value.map((o: { id: string }) => o.id)).toEqual([fx.member.id]);
    const none = await getByIds({ ids: [fx.member.id] }, 'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All');
    expect(none).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect((await getByIds({ ids: [group], types: ['group'] }, 'https://graph.microsoft.com/Group.Read.All')).body.value).toHaveLength(1);
  });
});
