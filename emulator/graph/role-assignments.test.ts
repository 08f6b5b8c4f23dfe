import { describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const path = '/v1.0/roleManagement/entitlementManagement/roleAssignments';
const oids = { megan: 'bc3a3324-6a05-4360-9278-f031f956c774', alex: 'a92afbd8-b796-48af-a79f-692cc97bbc4b', diego: 'eda6ce25-63b6-4385-b188-4da4f4ce248a' };
const owner = 'ae79f266-94d4-4dab-b730-feca7e132178';
const reader = '44272f93-9762-48e8-af59-1b5351b1d6b3';

const get = async (query: string, user = demo.users.alex, scope?: string, base = path) =>
  graph(emulator.current.url, `${base}?${query}`, await emulator.current.issueAccessToken(user, scope));
const filter = (text: string) => `$filter=${encodeURIComponent(text)}`;
const onCatalog = (oid: string, catalogId: string) => filter(`principalId eq '${oid}' and appScopeId eq '/AccessPackageCatalog/${catalogId}'`);

describe('role assignments', () => {
  it('answers the unifiedRoleAssignment shape with the expanded role definition', async () => {
    const { status, body } = await get(`${onCatalog(oids.alex, demo.catalogs.salesTools)}&$expand=roleDefinition`);
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe(`${emulator.current.url}/v1.0/$metadata#roleManagement/entitlementManagement/roleAssignments`);
    expect(body.value).toEqual([
      {
        id: expect.any(String),
        principalId: oids.alex,
        roleDefinitionId: owner,
        directoryScopeId: '/',
        appScopeId: `/AccessPackageCatalog/${demo.catalogs.salesTools}`,
        roleDefinition: expect.objectContaining({ id: owner, displayName: 'Catalog owner' }),
      },
    ]);
  });

  it('tells the reader role from the owner role, and has no roleDefinition without $expand', async () => {
    const { body } = await get(onCatalog(oids.alex, demo.catalogs.buildingAccess));
    expect(body.value).toHaveLength(1);
    expect(body.value[0].roleDefinitionId).toBe(reader);
    expect(body.value[0].roleDefinition).toBeUndefined();
  });

  it('lists all the caller’s catalog roles with principalId alone, and is served in beta', async () => {
    const scopes = (b: { value: { appScopeId: string }[] }) => b.value.map((a) => a.appScopeId).sort();
    const expected = [demo.catalogs.buildingAccess, demo.catalogs.salesTools].map((id) => `/AccessPackageCatalog/${id}`).sort();
    expect(scopes((await get(filter(`principalId eq '${oids.alex}'`))).body)).toEqual(expected);
    const beta = await get(filter(`principalId eq '${oids.alex}'`), demo.users.alex, undefined, '/beta/roleManagement/entitlementManagement/roleAssignments');
    expect(beta.status).toBe(200);
    expect(beta.body['@odata.context']).toContain('/beta/$metadata#roleManagement/entitlementManagement/roleAssignments');
    expect(scopes(beta.body)).toEqual(expected);
  });

  it('answers an empty list when the caller has no role on the catalog, or the catalog is unknown', async () => {
    expect((await get(onCatalog(oids.alex, demo.catalogs.legacyHr))).body.value).toEqual([]);
    expect((await get(onCatalog(oids.diego, demo.catalogs.buildingAccess), demo.users.diego)).body.value).toEqual([]);
    expect((await get(onCatalog(oids.alex, '00000000-0000-0000-0000-000000000000'))).body.value).toEqual([]);
  });

  it('refuses another person’s assignments, or a query not pinned to the caller (403)', async () => {
    for (const query of [onCatalog(oids.megan, demo.catalogs.buildingAccess), filter(`appScopeId eq '/AccessPackageCatalog/${demo.catalogs.salesTools}'`), '']) {
      const { status, body } = await get(query);
      expect(status).toBe(403);
      expect(body.error.code).toBe('accessDenied');
    }
  });

  it('needs an EntitlementManagement scope', async () => {
    expect((await get(onCatalog(oids.alex, demo.catalogs.salesTools), demo.users.alex, 'EntitlementManagement.Read.All')).status).toBe(200);
    const { status, body } = await get(onCatalog(oids.alex, demo.catalogs.salesTools), demo.users.alex, 'User.Read');
    expect(status).toBe(403);
    expect(body.error.message).toContain('EntitlementManagement.Read.All');
  });

  it('answers a 400 naming what is not supported', async () => {
    const cases: [string, string][] = [
      [filter(`roleDefinitionId eq '${owner}'`), "Property 'roleDefinitionId'"],
      [filter(`principalId ne '${oids.alex}'`), "Operator 'ne'"],
      [filter(`principalId eq '${oids.alex}' or appScopeId eq '/'`), "Operator 'or'"],
      [`${filter(`principalId eq '${oids.alex}'`)}&$expand=principal`, "Property 'principal'"],
      [`${filter(`principalId eq '${oids.alex}'`)}&$orderby=id`, "'$orderby'"],
      [filter('principalId eq'), 'Invalid $filter'],
    ];
    for (const [query, named] of cases) {
      const { status, body } = await get(query);
      expect(status, query).toBe(400);
      expect(body.error.code).toBe('BadRequest');
      expect(body.error.message).toContain(named);
    }
  });
});
