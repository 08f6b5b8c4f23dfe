import { describe, expect, it } from 'vitest';
import { fakeGraph, graphError, json } from '../test/graph-test-kit';
import { GraphError } from './graph-error';
import { catalogOwnerRoleId, catalogReaderRoleId, catalogRoleOf, getCatalogRole } from './role-assignments';

const assignment = (roleDefinitionId: string) => ({ id: `a-${roleDefinitionId}`, principalId: 'p1', roleDefinitionId, appScopeId: '/AccessPackageCatalog/c1', directoryScopeId: '/' });

describe('catalogRoleOf', () => {
  it('is owner when any assignment is Catalog owner', () => {
    expect(catalogRoleOf([assignment(catalogReaderRoleId), assignment(catalogOwnerRoleId)])).toBe('owner');
  });

  it('is reader only when every assignment is Catalog reader', () => {
    expect(catalogRoleOf([assignment(catalogReaderRoleId)])).toBe('reader');
    // Access package manager: not an owner, but may be allowed more than a reader.
    expect(catalogRoleOf([assignment(catalogReaderRoleId), assignment('7f480852-ebdc-47d4-87de-0d8498384a83')])).toBe('unknown');
  });

  it('is unknown without an assignment: a directory role may still grant access', () => {
    expect(catalogRoleOf([])).toBe('unknown');
  });

  it('reads the expanded role definition when roleDefinitionId is missing', () => {
    expect(catalogRoleOf([{ id: 'a1', roleDefinition: { id: catalogOwnerRoleId, displayName: 'Catalog owner' } }])).toBe('owner');
  });
});

describe('getCatalogRole', () => {
  it('asks for the person on the catalog, quoted, with the role definition expanded', async () => {
    const { client, requests } = fakeGraph(() =>
      json({ value: [{ ...assignment(catalogReaderRoleId), roleDefinition: { id: catalogReaderRoleId, displayName: 'Catalog reader' } }] }),
    );
    await expect(getCatalogRole(client, { principalId: "O'Brien", catalogId: 'c1' })).resolves.toBe('reader');
    expect(requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: '/roleManagement/entitlementManagement/roleAssignments',
        query: "?$filter=principalId eq 'O''Brien' and appScopeId eq '/AccessPackageCatalog/c1'&$expand=roleDefinition",
      }),
    ]);
  });

  it('surfaces a Graph error as GraphError', async () => {
    const { client } = fakeGraph(() => graphError(403, 'accessDenied', 'req-403'));
    const failure = await getCatalogRole(client, { principalId: 'p1', catalogId: 'c1' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GraphError);
    expect(failure).toMatchObject({ status: 403, code: 'accessDenied', requestId: 'req-403' });
  });

  it('sends the roles of several catalogs asked in the same task in one $batch', async () => {
    const { client, requests } = fakeGraph(({ body }) => {
      const inner = (body as { requests: { id: string }[] }).requests;
      return json({ responses: inner.map(({ id }) => ({ id, status: 200, headers: {}, body: { value: id === '1' ? [assignment(catalogOwnerRoleId)] : [] } })) });
    });
    const roles = await Promise.all(['c1', 'c2'].map((catalogId) => getCatalogRole(client, { principalId: 'p1', catalogId })));
    expect(roles).toEqual(['owner', 'unknown']);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch']);
  });
});
