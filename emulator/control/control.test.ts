import { describe, expect, it } from 'vitest';
import { CLIENT_ID, TENANT_ID } from '../config';
import { startEmulator } from '../server';
import { demo } from '../test-support/demo';
import { graph, sessionsPath, signIn, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const control = (path: string, init?: RequestInit) => fetch(`${emulator.current.url}/_emulator/${path}`, init);

describe('test controls', () => {
  it('describe the tenant, the app and the demo users with their catalog roles', async () => {
    const response = await control('info', { headers: { Origin: 'http://localhost:5173' } });
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const info = (await response.json()) as Record<string, unknown>;
    expect(info).toMatchObject({
      tenantId: TENANT_ID,
      clientId: CLIENT_ID,
      redirectUris: ['http://localhost/redirect.html', 'http://127.0.0.1/redirect.html'],
    });
    expect(info.users).toEqual([
      {
        username: demo.users.megan,
        displayName: 'Megan Bowen',
        oid: expect.any(String),
        catalogRoles: { [demo.catalogs.buildingAccess]: 'owner', [demo.catalogs.legacyHr]: 'owner' },
      },
      {
        username: demo.users.alex,
        displayName: 'Alex Wilber',
        oid: expect.any(String),
        catalogRoles: { [demo.catalogs.buildingAccess]: 'reader', [demo.catalogs.salesTools]: 'owner' },
      },
      { username: demo.users.diego, displayName: 'Diego Siciliani', oid: expect.any(String), catalogRoles: {} },
    ]);
    expect(info.catalogs).toContainEqual({ id: demo.catalogs.finance, displayName: 'Finance Systems' });
  });

  it('show the whole state and reset it to the seed', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const path = `${sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge)}/${demo.sessions.badgeActive}`;
    expect((await graph(emulator.current.url, path, token, { method: 'DELETE' })).status).toBe(204);
    const state = (await (await control('state')).json()) as { sessions: { id: string; status: string; stats: unknown }[]; catalogs: unknown[] };
    expect(state.sessions.some((s) => s.id === demo.sessions.badgeActive)).toBe(false);
    expect(state.catalogs).toHaveLength(5);
    expect(state.sessions[0]).toHaveProperty('stats');
    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect((await graph(emulator.current.url, path, token)).status).toBe(200);
  });

  it('log requests with grant type and user, and clear the log', async () => {
    await control('requests', { method: 'DELETE' });
    const { tokens } = await signIn(emulator.current.url, demo.users.alex);
    await graph(emulator.current.url, '/v1.0/identityGovernance/entitlementManagement/catalogs?$top=1', tokens.access_token);
    await control('info');
    const log = (await (await control('requests')).json()) as Record<string, unknown>[];
    expect(log).toHaveLength(3);
    expect(log[1]).toMatchObject({ method: 'POST', status: 200, grantType: 'authorization_code', username: demo.users.alex });
    expect(log[2]).toMatchObject({
      at: expect.stringMatching(/Z$/),
      method: 'GET',
      path: '/v1.0/identityGovernance/entitlementManagement/catalogs',
      query: '$top=1',
      status: 200,
      username: demo.users.alex,
    });
    await control('requests', { method: 'DELETE' });
    expect(await (await control('requests')).json()).toEqual([]);
  });

  it('answer unknown controls with 404 and unknown methods with 405', async () => {
    expect((await control('nothing')).status).toBe(404);
    expect((await control('reset')).status).toBe(405);
    expect((await control('revoke', { method: 'POST', body: JSON.stringify({ username: 'nobody@contoso.example' }) })).status).toBe(404);
    expect((await control('token-lifetime', { method: 'POST', body: JSON.stringify({ seconds: -1 }) })).status).toBe(400);
  });

  it('are off with control: false (EMULATOR_CONTROL=0)', async () => {
    const off = await startEmulator({ port: 0, control: false });
    try {
      const response = await fetch(`${off.url}/_emulator/info`);
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe('itemNotFound');
      expect((await fetch(`${off.url}/${TENANT_ID}/discovery/v2.0/keys`)).status).toBe(200);
    } finally {
      await off.close();
    }
  });
});

describe('Graph conventions', () => {
  it('answer CORS preflights with the methods, the requested headers, a max age and exposed headers', async () => {
    const response = await fetch(`${emulator.current.url}${sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge)}/x/uploadFile`, {
      method: 'OPTIONS',
      headers: {
        Origin: 'http://localhost:5173',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'authorization,client-request-id,consistencylevel,prefer,return-client-request-id',
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, POST, PATCH, DELETE, PUT, OPTIONS');
    expect(response.headers.get('access-control-allow-headers')).toBe('authorization,client-request-id,consistencylevel,prefer,return-client-request-id');
    expect(response.headers.get('access-control-max-age')).toBe('86400');
    expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After, request-id, client-request-id');
  });

  it('give every error the Graph shape and every answer request-id and the echoed client-request-id', async () => {
    const response = await fetch(`${emulator.current.url}/v1.0/identityGovernance/entitlementManagement/catalogs`, {
      headers: { 'client-request-id': 'my-correlation-id', Origin: 'http://localhost:5173' },
    });
    expect(response.status).toBe(401);
    const requestId = response.headers.get('request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers.get('client-request-id')).toBe('my-correlation-id');
    expect(response.headers.get('access-control-expose-headers')).toContain('request-id');
    const body = (await response.json()) as { error: Record<string, unknown> };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toEqual({
      code: 'InvalidAuthenticationToken',
      message: 'Access token is empty.',
      innerError: { date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/), 'request-id': requestId, 'client-request-id': 'my-correlation-id' },
    });
  });
});
