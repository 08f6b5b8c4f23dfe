import { describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, sessionsPath, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const catalogsPath = '/identityGovernance/entitlementManagement/catalogs';
const sessions = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge).slice('/v1.0'.length);
const control = (path: string, body: unknown) =>
  fetch(`${emulator.current.url}/_emulator/${path}`, { method: 'POST', body: JSON.stringify(body) });

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON fields
type Answer = { id: string; status: number; headers: Record<string, string>; body: any };
const byIdOf = (body: { responses: Answer[] }): Record<string, Answer> => Object.fromEntries(body.responses.map((r) => [r.id, r]));

async function batch(requests: unknown[], token?: string, version = 'v1.0') {
  token ??= await emulator.current.issueAccessToken(demo.users.megan);
  return graph(emulator.current.url, `/${version}/$batch`, token, { method: 'POST', body: JSON.stringify({ requests }) });
}

describe('POST /$batch (docs/graph-contract.md §9.2)', () => {
  it('answers each inner request with its own status, headers and body, as a direct request would', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const direct = await graph(emulator.current.url, `/v1.0${sessions}?$count=true&$top=2&$orderby=createdDateTime%20desc`, token);
    const { status, body } = await batch(
      [
        { id: '1', method: 'GET', url: `${sessions}?$count=true&$top=2&$orderby=createdDateTime desc` },
        { id: '2', method: 'GET', url: `${catalogsPath}/${demo.catalogs.finance}` },
        { id: '3', method: 'GET', url: `identityGovernance/catalogs/${demo.catalogs.buildingAccess}?$select=id` },
      ],
      token,
    );
    expect(status).toBe(200);
    const byId = byIdOf(body);
    expect(byId['1']).toMatchObject({ status: 200, headers: { 'Content-Type': expect.stringContaining('application/json') } });
    expect(byId['1']?.body['@odata.count']).toBe(direct.body['@odata.count']);
    expect(byId['1']?.body.value.map((s: { id: string }) => s.id)).toEqual(direct.body.value.map((s: { id: string }) => s.id));
    expect(byId['2']).toMatchObject({ status: 403, body: { error: { code: 'accessDenied' } } });
    expect(byId['3']).toMatchObject({ status: 200, body: { id: demo.catalogs.buildingAccess } });
    // The inner answers name the batch's origin, so their nextLinks can be followed.
    expect(byId['1']?.body['@odata.context']).toMatch(new RegExp(`^${emulator.current.url}/v1.0/`));
  });

  it('authorises each inner request: without a token every one is a 401, in a 200 batch', async () => {
    const { status, body } = await graph(emulator.current.url, '/v1.0/$batch', undefined, {
      method: 'POST',
      body: JSON.stringify({ requests: [{ id: 'a', method: 'GET', url: catalogsPath }] }),
    });
    expect(status).toBe(200);
    expect(body.responses).toEqual([expect.objectContaining({ id: 'a', status: 401 })]);
  });

  it('faults inner requests like direct ones, each 429 with its own Retry-After', async () => {
    await control('faults', { method: 'GET', path: 'uploadSessions$', status: 429, retryAfter: 7 });
    const { status, body } = await batch([
      { id: 's', method: 'GET', url: sessions },
      { id: 'c', method: 'GET', url: catalogsPath },
    ]);
    expect(status).toBe(200);
    const byId = byIdOf(body);
    expect(byId.s).toMatchObject({ status: 429, headers: { 'Retry-After': '7' }, body: { error: { code: 'TooManyRequests' } } });
    expect(byId.c).toMatchObject({ status: 200 });
  });

  it('runs dependants after their dependency, and answers 424 when it failed', async () => {
    const { body } = await batch([
      { id: 'bad', method: 'GET', url: `${catalogsPath}/00000000-0000-0000-0000-000000000000` },
      { id: 'after-bad', method: 'GET', url: catalogsPath, dependsOn: ['bad'] },
      { id: 'good', method: 'GET', url: catalogsPath },
      { id: 'after-good', method: 'GET', url: catalogsPath, dependsOn: ['good'] },
    ]);
    const byId = byIdOf(body);
    expect(byId.bad?.status).toBe(404);
    expect(byId['after-bad']).toMatchObject({ status: 424, body: { error: { code: 'failedDependency' } } });
    expect(byId['after-good']?.status).toBe(200);
  });

  it('refuses more than 20 requests, repeated ids, unknown dependencies and bad bodies with a 400', async () => {
    const many = Array.from({ length: 21 }, (_, n) => ({ id: String(n), method: 'GET', url: catalogsPath }));
    expect(await batch(many)).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: expect.stringContaining('limit is 20') } } });
    expect((await batch(many.slice(0, 20))).status).toBe(200);
    expect((await batch([{ id: '1', method: 'GET', url: catalogsPath }, { id: '1', method: 'GET', url: catalogsPath }])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'GET', url: catalogsPath, dependsOn: ['2'] }, { id: '2', method: 'GET', url: catalogsPath }])).status).toBe(400);
    expect((await batch([])).status).toBe(400);
    expect((await batch([{ id: '1', method: 'TRACE', url: catalogsPath }])).status).toBe(400);
  });

  it('keeps inner urls inside the version: other versions, origins, dot segments and nested batches are 400s', async () => {
    const urls = ['/v1.0/identityGovernance/catalogs', 'https://evil.example/x', '/../_emulator/reset', '/x/%2e%2e/%2e%2e/_emulator/reset', '/$batch', '/_emulator/state'];
    const { body } = await batch(urls.map((url, n) => ({ id: String(n), method: 'GET', url })));
    const statuses = (body.responses as { id: string; status: number }[]).sort((a, b) => Number(a.id) - Number(b.id)).map((r) => r.status);
    // The last is relative but names no Graph route: the router's 400.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400]);
  });

  it('logs the batch and each inner request, marked as such', async () => {
    await fetch(`${emulator.current.url}/_emulator/requests`, { method: 'DELETE' });
    await batch([{ id: '1', method: 'GET', url: catalogsPath }], undefined, 'beta');
    const log = (await (await fetch(`${emulator.current.url}/_emulator/requests`)).json()) as { path: string; inBatch?: boolean }[];
    expect(log.map((r) => [r.path, r.inBatch ?? false]).sort()).toEqual([
      ['/beta/$batch', false],
      [`/beta${catalogsPath}`, true],
    ]);
  });
});
