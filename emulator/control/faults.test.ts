import { beforeEach, describe, expect, it } from 'vitest';
import { TENANT_ID } from '../config';
import { demo } from '../test-support/demo';
import { csv, graph, sessionsPath, tokenRequest, uploadForm, useEmulator } from '../test-support/harness';
import { matchesPath, parsePathPattern } from './faults';

const emulator = useEmulator();
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);
const catalogs = '/v1.0/identityGovernance/entitlementManagement/catalogs';

async function addFaults(faults: unknown) {
  return fetch(`${emulator.current.url}/_emulator/faults`, { method: 'POST', body: JSON.stringify(faults) });
}

async function get(path: string, init: RequestInit = {}) {
  return graph(emulator.current.url, path, await emulator.current.issueAccessToken(demo.users.megan), init);
}

beforeEach(async () => {
  await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
  emulator.current.state.requests.clear();
});

describe('status faults', () => {
  it('answers 429 with Retry-After and the Graph error shape, for `times` requests', async () => {
    const added = await addFaults({ method: 'GET', path: 'catalogs$', status: 429, retryAfter: 2, times: 2 });
    expect(added.status).toBe(201);
    for (let i = 0; i < 2; i += 1) {
      const throttled = await get(catalogs);
      expect(throttled.status).toBe(429);
      expect(throttled.headers.get('retry-after')).toBe('2');
      expect(throttled.body.error.code).toBe('TooManyRequests');
      expect(throttled.body.error.innerError['request-id']).toBe(throttled.headers.get('request-id'));
    }
    expect((await get(catalogs)).status).toBe(200);
    expect(emulator.current.state.requests.list().map((r) => r.fault ?? null)).toEqual(['status', 'status', null]);
  });

  it('answers 503 serviceNotAvailable, with a code and message override when given', async () => {
    await addFaults([{ path: 'uploadSessions', status: 503 }, { path: 'uploadSessions', status: 500, body: { code: 'generalException', message: 'Boom.' } }]);
    const first = await get(badge);
    expect(first.status).toBe(503);
    expect(first.body.error.code).toBe('serviceNotAvailable');
    const second = await get(badge);
    expect(second.body.error).toMatchObject({ code: 'generalException', message: 'Boom.' });
    expect((await get(badge)).status).toBe(200);
  });

  it('matches the method when one is given', async () => {
    await addFaults({ method: 'POST', path: 'uploadFile$', status: 429, retryAfter: 1 });
    expect((await get(catalogs)).status).toBe(200);
    const listed = (await (await fetch(`${emulator.current.url}/_emulator/faults`)).json()) as { times: number }[];
    expect(listed).toEqual([{ method: 'POST', path: 'uploadFile$', status: 429, retryAfter: 1, times: 1 }]);
    const upload = await get(`${badge}/${demo.sessions.badgeActive}/uploadFile`, { method: 'POST', body: uploadForm('a.csv', csv) });
    expect(upload.status).toBe(429);
    expect(emulator.current.state.store.session(demo.resources.badge, demo.sessions.badgeActive)?.files).toHaveLength(4);
  });

  it('leaves CORS preflights alone unless the fault names OPTIONS', async () => {
    await addFaults({ path: 'catalogs$', status: 503 });
    const preflight = await fetch(`${emulator.current.url}${catalogs}`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
    });
    expect(preflight.status).toBe(204);
    expect((await get(catalogs)).status).toBe(503);
  });

  it('answers the OAuth error shape on the token endpoint', async () => {
    await addFaults({ path: '/oauth2/v2.0/token$', status: 503, retryAfter: 5 });
    const response = await tokenRequest(emulator.current.url, { grant_type: 'refresh_token', refresh_token: 'x' });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(((await response.json()) as { error: string }).error).toBe('temporarily_unavailable');
  });
});

describe('delay faults', () => {
  it('delay the answer, then answer normally', async () => {
    await addFaults({ path: 'catalogs$', delayMs: 400 });
    const started = Date.now();
    const response = await get(catalogs);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(emulator.current.state.requests.list()[0]?.fault).toBe('delay');
  });
});

describe('reset faults', () => {
  it('drop the connection without an answer', async () => {
    await addFaults({ path: 'catalogs$', reset: true });
    await expect(get(catalogs)).rejects.toThrow();
    expect((await get(catalogs)).status).toBe(200);
  });

  it('drop the uploadFile answer after the file was stored, as when a response is lost', async () => {
    await addFaults({ method: 'POST', path: 'uploadFile$', reset: true });
    await expect(get(`${badge}/${demo.sessions.badgeActive}/uploadFile`, { method: 'POST', body: uploadForm('lost answer.csv', csv) })).rejects.toThrow();
    const state = (await (await fetch(`${emulator.current.url}/_emulator/state`)).json()) as { sessions: { id: string; files: { name: string }[] }[] };
    const session = state.sessions.find((s) => s.id === demo.sessions.badgeActive);
    expect(session?.files.map((f) => f.name)).toContain('lost answer.csv');
    const log = (await (await fetch(`${emulator.current.url}/_emulator/requests`)).json()) as { method: string; path: string; status: number; fault?: string }[];
    expect(log.at(-1)).toMatchObject({ method: 'POST', status: 200, fault: 'reset', path: expect.stringMatching(/uploadFile$/) });
  });
});

describe('fault control', () => {
  it('validates faults and names the problem', async () => {
    for (const [fault, message] of [
      [{ path: 'x' }, 'a fault needs status, delayMs or reset'],
      [{ path: '(', status: 500 }, "'(' at position 1 is not supported"],
      [{ path: '(a+)+$', status: 500 }, 'path supports literal text'],
      [{ path: 'x'.repeat(1001), status: 500 }, 'path'],
      [{ path: 'x', status: 200 }, 'status'],
      [{ path: 'x', status: 500, reset: true }, 'status and reset cannot be combined'],
      [{ path: 'x', status: 500, colour: 'red' }, 'colour'],
    ] as const) {
      const response = await addFaults(fault);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { message: string } }).error.message).toContain(message);
    }
  });

  it('clears faults with DELETE, and on reset', async () => {
    await addFaults({ path: 'catalogs$', status: 500, times: 5 });
    expect((await fetch(`${emulator.current.url}/_emulator/faults`, { method: 'DELETE' })).status).toBe(204);
    expect((await get(catalogs)).status).toBe(200);
    await addFaults({ path: 'catalogs$', status: 500 });
    await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
    expect(await (await fetch(`${emulator.current.url}/_emulator/faults`)).json()).toEqual([]);
  });

  it('never faults the test controls themselves', async () => {
    await addFaults({ path: '.*', status: 500 });
    expect((await fetch(`${emulator.current.url}/_emulator/info`)).status).toBe(200);
    expect((await fetch(`${emulator.current.url}/${TENANT_ID}/discovery/v2.0/keys`)).status).toBe(500);
  });
});

describe('fault paths', () => {
  const matches = (source: string, path: string) => {
    const pattern = parsePathPattern(source);
    if (typeof pattern === 'string') throw new Error(pattern);
    return matchesPath(pattern, path);
  };
  const upload = `${badge}/${demo.sessions.badgeActive}/uploadFile`;

  it('match like the regular expressions tests write: substrings, $ and ^ anchors, . and .*', () => {
    expect(matches('uploadFile$', upload)).toBe(true);
    expect(matches('uploadFile$', `${upload}/x`)).toBe(false);
    expect(matches('uploadSessions', badge)).toBe(true);
    expect(matches('uploadSessions', `${badge}/${demo.sessions.badgeActive}`)).toBe(true);
    expect(matches('uploadSessions$', `${badge}/${demo.sessions.badgeActive}`)).toBe(false);
    expect(matches('catalogs$', '/v1.0/identityGovernance/entitlementManagement/catalogs')).toBe(true);
    expect(matches('/oauth2/v2.0/token$', `/${TENANT_ID}/oauth2/v2.0/token`)).toBe(true);
    expect(matches('^/beta/', '/beta/identityGovernance/catalogs')).toBe(true);
    expect(matches('^/beta/', '/v1.0/beta/')).toBe(false);
    expect(matches('^/v1.0/.*/uploadFile$', upload)).toBe(true);
    expect(matches('^/v1.0/.*/uploadFile$', `/beta${upload.slice(5)}`)).toBe(false);
    expect(matches('v.\\.0', '/v1.0')).toBe(true);
    expect(matches('v1\\.0', '/v1x0')).toBe(false);
    expect(matches('.*', '/anything')).toBe(true);
    expect(matches('\\$', '/a$b')).toBe(true);
  });

  it('backtrack in bounded time, where a regular expression would hang the server', () => {
    const path = `/${'a'.repeat(16_000)}`;
    const started = performance.now();
    expect(matches(`${'.*'.repeat(40)}b`, path)).toBe(false);
    expect(matches(`${'.*a'.repeat(40)}$`, path)).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('are refused outside the subset, naming the character', () => {
    expect(parsePathPattern('a|b')).toContain("'|' at position 2 is not supported");
    expect(parsePathPattern('^a+')).toContain("'+' at position 3 is not supported");
    expect(parsePathPattern('a\\')).toContain("lone '\\'");
  });
});
