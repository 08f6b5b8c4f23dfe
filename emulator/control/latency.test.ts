import { describe, expect, it } from 'vitest';
import { TENANT_ID } from '../config';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

/** The waits the emulator asked for, instead of waiting. */
const waits: number[] = [];
const emulator = useEmulator({ latencyMs: 40, sleep: async (ms) => void waits.push(ms) });
const control = (path: string, init?: RequestInit) => fetch(`${emulator.current.url}/_emulator/${path}`, init);
const catalogs = '/v1.0/identityGovernance/entitlementManagement/catalogs';

describe('latency (EMULATOR_LATENCY_MS, POST /_emulator/latency)', () => {
  it('delays every Graph request by the start setting, not identity or control requests', async () => {
    waits.length = 0;
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    expect((await graph(emulator.current.url, catalogs, token)).status).toBe(200);
    expect((await fetch(`${emulator.current.url}/${TENANT_ID}/v2.0/.well-known/openid-configuration`)).status).toBe(200);
    expect((await control('info')).status).toBe(200);
    expect(waits).toEqual([40]);
  });

  it('is changed by the control route, waits once for a whole $batch, and goes back to the start setting on reset', async () => {
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const set = await control('latency', { method: 'POST', body: JSON.stringify({ ms: 150 }) });
    expect(await set.json()).toEqual({ ms: 150 });
    waits.length = 0;
    const requests = [1, 2, 3].map((id) => ({ id: String(id), method: 'GET', url: '/identityGovernance/catalogs' }));
    const batch = await graph(emulator.current.url, '/v1.0/$batch', token, { method: 'POST', body: JSON.stringify({ requests }) });
    expect(batch.body.responses.map((r: { status: number }) => r.status)).toEqual([200, 200, 200]);
    expect(waits).toEqual([150]);
    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect(await (await control('latency')).json()).toEqual({ ms: 40 });
  });

  it('takes whole milliseconds from 0 to 60,000 only', async () => {
    for (const body of [{ ms: -1 }, { ms: 1.5 }, { ms: 60_001 }, { seconds: 1 }, {}]) {
      expect((await control('latency', { method: 'POST', body: JSON.stringify(body) })).status).toBe(400);
    }
    expect((await control('latency', { method: 'POST', body: '{"ms":0}' })).status).toBe(200);
  });
});
