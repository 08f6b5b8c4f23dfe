import { describe, expect, it } from 'vitest';
import { startEmulator } from '../server';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const catalogs = '/v1.0/identityGovernance/entitlementManagement/catalogs';
const token = (user: string, scope?: string) => emulator.current.issueAccessToken(user, scope);
const get = async (path: string, user = demo.users.megan) => graph(emulator.current.url, path, await token(user));
const names = (body: { value: { displayName: string }[] }) => body.value.map((c) => c.displayName);

describe('catalog list', () => {
  it('shows each user only the catalogs they hold a role on', async () => {
    expect(names((await get(catalogs)).body)).toEqual(['Building Access', 'Legacy HR App']);
    expect(names((await get(catalogs, demo.users.alex)).body)).toEqual(['Building Access', 'Sales Tools']);
    expect((await get(catalogs, demo.users.diego)).body.value).toEqual([]);
  });

  it('has the v1.0 shape and @odata.context', async () => {
    const { status, body, headers } = await get(catalogs);
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('application/json');
    expect(body['@odata.context']).toBe(`${emulator.current.url}/v1.0/$metadata#identityGovernance/entitlementManagement/catalogs`);
    expect(body.value[0]).toEqual({
      id: demo.catalogs.buildingAccess,
      displayName: 'Building Access',
      description: expect.stringContaining('Badge'),
      isExternallyVisible: false,
      createdDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      modifiedDateTime: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      catalogType: 'userManaged',
      state: 'published',
    });
  });

  it('is also served at /v1.0/identityGovernance/catalogs', async () => {
    const { body } = await get('/v1.0/identityGovernance/catalogs');
    expect(names(body)).toEqual(['Building Access', 'Legacy HR App']);
    expect(body['@odata.context']).toContain('$metadata#identityGovernance/catalogs');
  });

  it('filters with contains(tolower(displayName)) and displayName eq', async () => {
    expect(names((await get(`${catalogs}?$filter=contains(tolower(displayName),'access')`)).body)).toEqual(['Building Access']);
    expect(names((await get(`${catalogs}?$filter=${encodeURIComponent("displayName eq 'Legacy HR App'")}`)).body)).toEqual(['Legacy HR App']);
    expect(names((await get(`${catalogs}?$filter=contains(tolower(displayName),'ACCESS')`)).body)).toEqual([]);
    expect(names((await get(`${catalogs}?$filter=displayName eq 'Sales Tools'`)).body)).toEqual([]);
  });

  it('orders, counts, pages and selects', async () => {
    expect(names((await get(`${catalogs}?$orderby=displayName desc`)).body)).toEqual(['Legacy HR App', 'Building Access']);
    const first = (await get(`${catalogs}?$top=1&$count=true&$orderby=displayName`)).body;
    expect(first['@odata.count']).toBe(2);
    expect(names(first)).toEqual(['Building Access']);
    const next = await graph(emulator.current.url, first['@odata.nextLink'].slice(emulator.current.url.length), await token(demo.users.megan));
    expect(names(next.body)).toEqual(['Legacy HR App']);
    expect(next.body['@odata.nextLink']).toBeUndefined();
    expect(next.body['@odata.count']).toBeUndefined();
    expect(names((await get(`${catalogs}?$skip=1`)).body)).toEqual(['Legacy HR App']);
    const selected = (await get(`${catalogs}?$select=id,displayName`)).body;
    expect(Object.keys(selected.value[0]).sort()).toEqual(['displayName', 'id']);
    expect(selected['@odata.context']).toMatch(/catalogs\(id,displayName\)$/);
  });

  it('answers unsupported query options with a 400 naming them', async () => {
    const filter = await get(`${catalogs}?$filter=state eq 'published'`);
    expect(filter.status).toBe(400);
    expect(filter.body.error.code).toBe('BadRequest');
    expect(filter.body.error.message).toContain("Property 'state' is not supported in $filter");
    expect((await get(`${catalogs}?$orderby=createdDateTime`)).body.error.message).toContain("Property 'createdDateTime' is not supported in $orderby");
    expect((await get(`${catalogs}?$expand=accessPackages`)).body.error.message).toBe("Query option '$expand' is not supported on catalogs.");
  });
});

describe('catalog get', () => {
  it('returns an owned or read catalog with @odata.context …/$entity', async () => {
    const owned = await get(`${catalogs}/${demo.catalogs.buildingAccess}`);
    expect(owned.status).toBe(200);
    expect(owned.body['@odata.context']).toBe(`${emulator.current.url}/v1.0/$metadata#identityGovernance/entitlementManagement/catalogs/$entity`);
    expect(owned.body.displayName).toBe('Building Access');
    expect((await get(`${catalogs}/${demo.catalogs.buildingAccess}`, demo.users.alex)).status).toBe(200);
  });

  it('answers 403 accessDenied without a role and 404 itemNotFound for an unknown id', async () => {
    for (const [path, user] of [
      [`${catalogs}/${demo.catalogs.salesTools}`, demo.users.megan],
      [`${catalogs}/${demo.catalogs.finance}`, demo.users.megan],
      [`${catalogs}/${demo.catalogs.buildingAccess}`, demo.users.diego],
    ] as const) {
      const { status, body } = await get(path, user);
      expect(status).toBe(403);
      expect(body.error.code).toBe('accessDenied');
    }
    const missing = await get(`${catalogs}/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('itemNotFound');
  });
});

describe('beta catalogs', () => {
  it('serves the beta shape at /beta/identityGovernance/catalogs and …/accessPackageCatalogs', async () => {
    const list = (await get('/beta/identityGovernance/catalogs')).body;
    expect(list['@odata.context']).toBe(`${emulator.current.url}/beta/$metadata#identityGovernance/catalogs`);
    expect(list.value[0]).toMatchObject({ displayName: 'Building Access', catalogType: 'UserManaged', catalogStatus: 'Published' });
    expect(list.value[0]).not.toHaveProperty('state');
    const one = await get(`/beta/identityGovernance/entitlementManagement/accessPackageCatalogs/${demo.catalogs.legacyHr}`);
    expect(one.body).toMatchObject({ id: demo.catalogs.legacyHr, createdBy: 'adele.vance@contoso.example' });
  });
});

describe('authentication and scopes', () => {
  it('answers 401 InvalidAuthenticationToken with WWW-Authenticate without a valid token', async () => {
    for (const auth of [undefined, 'not-a-jwt']) {
      const { status, body, headers } = await graph(emulator.current.url, catalogs, auth);
      expect(status).toBe(401);
      expect(body.error.code).toBe('InvalidAuthenticationToken');
      expect(headers.get('www-authenticate')).toMatch(/^Bearer realm=""/);
    }
  });

  it('rejects a token signed by another key (another emulator run)', async () => {
    const other = await startEmulator({ port: 0 });
    try {
      const foreign = await other.issueAccessToken(demo.users.megan);
      const { status, body } = await graph(emulator.current.url, catalogs, foreign);
      expect(status).toBe(401);
      expect(body.error.message).toContain('signature');
    } finally {
      await other.close();
    }
  });

  it('reads with EntitlementManagement.Read.All and refuses tokens without an EntitlementManagement scope', async () => {
    const read = await graph(emulator.current.url, catalogs, await token(demo.users.megan, 'EntitlementManagement.Read.All'));
    expect(read.status).toBe(200);
    const denied = await graph(emulator.current.url, catalogs, await token(demo.users.megan, 'User.Read'));
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe('accessDenied');
    expect(denied.body.error.message).toContain('EntitlementManagement.Read.All');
  });
});

describe('routing', () => {
  it('answers an unknown segment with 400 naming it, and a wrong method with 405', async () => {
    const unknown = await get(`${catalogs}/${demo.catalogs.buildingAccess}/accessPackages`);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Resource not found for the segment 'accessPackages'.");
    const method = await graph(emulator.current.url, catalogs, await token(demo.users.megan), { method: 'DELETE' });
    expect(method.status).toBe(405);
    expect(method.headers.get('allow')).toBe('GET');
    expect((await get('/v2.0/me')).status).toBe(404);
  });
});
