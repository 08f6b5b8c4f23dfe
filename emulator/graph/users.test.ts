import { describe, expect, it } from 'vitest';
import { directoryFixtures as fx, directoryPerson } from '../directory/fixtures';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const users = 'User.Read.All';
const token = (scope: string) => emulator.current.issueAccessToken(demo.users.megan, `https://graph.microsoft.com/${scope}`);
const get = async (path: string, scope = users, headers: Record<string, string> = {}) =>
  graph(emulator.current.url, `/v1.0${path}`, await token(scope), { headers });
const q = (value: string) => `'${value.replaceAll("'", "''")}'`;
const lookupSelect = '$select=id,userPrincipalName,mail,employeeId,accountEnabled,userType,displayName';

describe('GET /users (docs/graph-contract.md §9.1)', () => {
  it('finds by mail ignoring case; without $select the default properties leave out accountEnabled, employeeId, userType', async () => {
    const person = fx.member;
    const plain = await get(`/users?$filter=mail eq ${q((person.mail as string).toUpperCase())}`);
    expect(plain.status).toBe(200);
    expect(plain.body.value).toHaveLength(1);
    expect(plain.body.value[0]).toMatchObject({ id: person.id, mail: person.mail, userPrincipalName: person.userPrincipalName, businessPhones: [] });
    expect(plain.body.value[0]).not.toHaveProperty('accountEnabled');
    expect(plain.body['@odata.context']).toBe(`${emulator.current.url}/v1.0/$metadata#users`);
    const selected = await get(`/users?$filter=userPrincipalName eq ${q(fx.disabled.userPrincipalName)}&${lookupSelect}`);
    expect(selected.body.value).toEqual([
      { id: fx.disabled.id, userPrincipalName: fx.disabled.userPrincipalName, mail: fx.disabled.mail, employeeId: fx.disabled.employeeId, accountEnabled: false, userType: 'Member', displayName: fx.disabled.displayName },
    ]);
    expect(selected.body['@odata.context']).toContain('#users(id,userPrincipalName,mail,employeeId,accountEnabled,userType,displayName)');
  });

  it('answers ambiguous mails and employee ids with every match, and unknown ones with an empty value', async () => {
    const byMail = await get(`/users?$filter=mail eq ${q(fx.ambiguous.mail)}&$select=id`);
    expect(byMail.body.value.map((u: { id: string }) => u.id)).toEqual(fx.ambiguous.users.map((u) => u.id));
    const byEmployee = await get(`/users?$filter=employeeId eq ${q(fx.ambiguous.employeeId)}&$select=id`);
    expect(byEmployee.body.value).toHaveLength(2);
    const unknown = await get(`/users?$filter=mail eq ${q(fx.unknown.mail)}`);
    expect(unknown).toMatchObject({ status: 200, body: { value: [] } });
  });

  it("takes up to 15 values in 'in' and answers 16 with Graph's error, unless advanced query parameters are used", async () => {
    const mails = Array.from({ length: 16 }, (_, i) => directoryPerson(100 + i).mail as string);
    const list = (n: number) => mails.slice(0, n).map(q).join(',');
    const fifteen = await get(`/users?$filter=mail in (${list(15)})&$select=id,mail`);
    expect(fifteen.status).toBe(200);
    expect(fifteen.body.value).toHaveLength(15);
    const sixteen = await get(`/users?$filter=mail in (${list(16)})&$select=id`);
    expect(sixteen).toMatchObject({ status: 400, body: { error: { code: 'Request_UnsupportedQuery', message: expect.stringContaining('Max allowed: 15') } } });
    const ored = await get(`/users?$filter=${mails.map((m) => `mail eq ${q(m)}`).join(' or ')}`);
    expect(ored.status).toBe(400);
    const advanced = await get(`/users?$filter=mail in (${list(16)})&$select=id&$count=true`, users, { ConsistencyLevel: 'eventual' });
    expect(advanced).toMatchObject({ status: 200, body: { '@odata.count': 16 } });
  });

  it('combines and/or, startswith, booleans and userType', async () => {
    const guests = await get("/users?$filter=userType eq 'Guest'&$top=999&$select=id");
    expect(guests.body.value).toHaveLength(400);
    const disabledGuests = await get("/users?$filter=userType eq 'guest' and accountEnabled eq false");
    expect(disabledGuests.body.value).toEqual([]);
    const disabled = await get(`/users?$filter=accountEnabled eq false and (mail eq ${q(fx.disabled.mail as string)} or mail eq ${q(fx.member.mail as string)})&$select=id`);
    expect(disabled.body.value).toEqual([{ id: fx.disabled.id }]);
    const starts = await get(`/users?$filter=startswith(displayName,'${fx.member.displayName.toLowerCase()}')&$select=displayName`);
    expect(starts.body.value.map((u: { displayName: string }) => u.displayName)).toContain(fx.member.displayName);
    const byId = await get(`/users?$filter=id in (${q(fx.guest.id)},${q(fx.unknown.id)})&$select=id,userType`);
    expect(byId.body.value).toEqual([{ id: fx.guest.id, userType: 'Guest' }]);
  });

  it('refuses what Graph refuses: unknown properties, ne, endswith, a too long value, $top over 999', async () => {
    expect((await get("/users?$filter=city eq 'x'")).status).toBe(400);
    expect((await get("/users?$filter=mail ne 'x'")).status).toBe(400);
    expect((await get("/users?$filter=endswith(mail,'x')")).status).toBe(400);
    expect((await get(`/users?$filter=mail eq '${'a'.repeat(121)}'`)).body.error.code).toBe('Request_BadRequest');
    expect((await get(`/users?$filter=mail eq '${'a'.repeat(120)}'`)).status).toBe(200);
    expect((await get('/users?$top=1000')).status).toBe(400);
    expect((await get('/users?$top=0')).body.error.code).toBe('Request_BadRequest');
    expect((await get('/users?$select=password')).status).toBe(400);
  });

  it('pages with $top and @odata.nextLink through all 20,000 users; $count needs ConsistencyLevel: eventual', async () => {
    const total = emulator.current.state.directory.users.length;
    expect((await get('/users?$count=true')).body.error.code).toBe('Request_BadRequest');
    let page = await get('/users?$top=999&$select=id&$count=true', users, { ConsistencyLevel: 'eventual' });
    expect(page.body['@odata.count']).toBe(total);
    const ids: string[] = [];
    const access = await token(users);
    for (;;) {
      ids.push(...page.body.value.map((u: { id: string }) => u.id));
      const next: string | undefined = page.body['@odata.nextLink'];
      if (next === undefined) break;
      expect(page.body.value).toHaveLength(999);
      page = await graph(emulator.current.url, next.slice(emulator.current.url.length), access, { headers: { ConsistencyLevel: 'eventual' } });
      expect(page.body['@odata.count']).toBeUndefined();
    }
    expect(new Set(ids).size).toBe(total);
    const first = await get('/users');
    expect(first.body.value).toHaveLength(100);
  });

  it('needs User.Read.All (or Directory.Read.All): other tokens get 403 Authorization_RequestDenied', async () => {
    const denied = await get('/users', 'EntitlementManagement.ReadWrite.All');
    expect(denied).toMatchObject({ status: 403, body: { error: { code: 'Authorization_RequestDenied' } } });
    expect((await get(`/users/${fx.member.id}`, 'GroupMember.Read.All')).status).toBe(403);
    expect((await get('/users?$top=1', 'Directory.Read.All')).status).toBe(200);
    expect((await graph(emulator.current.url, '/v1.0/users', undefined)).status).toBe(401);
  });
});

describe('GET /users/{id | userPrincipalName}', () => {
  it('finds by id or UPN (a guest #EXT# UPN percent-encoded), and answers 404 Request_ResourceNotFound otherwise', async () => {
    expect((await get(`/users/${fx.member.id}`)).body).toMatchObject({ id: fx.member.id, '@odata.context': expect.stringContaining('#users/$entity') });
    expect((await get(`/users/${encodeURIComponent(fx.guest.userPrincipalName)}?$select=id,userType`)).body).toMatchObject({ id: fx.guest.id, userType: 'Guest' });
    const missing = await get(`/users/${fx.unknown.id}`);
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound', message: expect.stringContaining(fx.unknown.id) } } });
    expect((await get(`/users/${demo.users.megan}?$select=mail,accountEnabled`)).body).toMatchObject({ mail: demo.users.megan, accountEnabled: true });
  });
});

describe('GET /groups', () => {
  it('filters by id, mail and displayName (two groups share one), and needs GroupMember.Read.All or Group.Read.All', async () => {
    const byName = await get(`/groups?$filter=displayName eq ${q(fx.ambiguousGroupName.displayName)}&$select=id`, 'GroupMember.Read.All');
    expect(byName.body.value.map((g: { id: string }) => g.id)).toEqual(fx.ambiguousGroupName.groups.map((g) => g.id));
    const byMail = await get(`/groups?$filter=mail eq ${q((fx.mailGroup.mail as string).toUpperCase())}`, 'Group.Read.All');
    expect(byMail.body.value).toEqual([expect.objectContaining({ id: fx.mailGroup.id, mailEnabled: true })]);
    expect((await get(`/groups/${fx.securityGroup.id}`, 'GroupMember.Read.All')).body).toMatchObject({ mail: null, securityEnabled: true });
    expect((await get(`/groups/${fx.unknown.id}`, 'GroupMember.Read.All')).body.error.code).toBe('Request_ResourceNotFound');
    expect((await get('/groups', users)).status).toBe(403);
  });
});
