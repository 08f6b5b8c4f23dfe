import { beforeEach, describe, expect, it } from 'vitest';
import { startEmulator } from '../server';
import { demo } from '../test-support/demo';
import { csv, graph, sessionsPath, signIn, tokenRequest, uploadForm, useEmulator } from '../test-support/harness';
import type { ClockReading, StateSnapshot } from './control-routes';

const emulator = useEmulator();
const minute = 60_000;
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);

async function control(path: string, init?: RequestInit) {
  return fetch(`${emulator.current.url}/_emulator/${path}`, init);
}

async function clock(): Promise<ClockReading> {
  return (await (await control('clock')).json()) as ClockReading;
}

async function moveClock(move: unknown): Promise<Response> {
  return control('clock', { method: 'POST', body: JSON.stringify(move) });
}

async function state(): Promise<StateSnapshot> {
  return (await (await control('state')).json()) as StateSnapshot;
}

const weeklyInstance = (snapshot: StateSnapshot) => snapshot.instances.find((i) => i.id === demo.instances.weeklyOpen);
const badgeSession = (snapshot: StateSnapshot) => snapshot.sessions.find((s) => s.id === demo.sessions.badgeActive);

beforeEach(async () => {
  await control('reset', { method: 'POST' });
});

describe('the emulator clock', () => {
  it('reads real time with no offset until it is moved', async () => {
    const before = Date.now();
    const reading = await clock();
    expect(reading.offsetSeconds).toBe(0);
    expect(reading.now).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(Date.parse(reading.now)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(reading.now)).toBeLessThanOrEqual(Date.now());
  });

  it('moves forward by seconds and by minutes, adding up, and answers the new reading', async () => {
    const moved = await moveClock({ advanceSeconds: 90 });
    expect(moved.status).toBe(200);
    expect(((await moved.json()) as ClockReading).offsetSeconds).toBe(90);
    await moveClock({ advanceMinutes: 2.5 });
    const reading = await clock();
    expect(reading.offsetSeconds).toBe(240);
    expect(Date.parse(reading.now) - Date.now()).toBeGreaterThan(239_000);
    expect(Date.parse(reading.now) - Date.now()).toBeLessThanOrEqual(240_000);
  });

  it('is set to a given time, in the past too, and reset brings it back to real time', async () => {
    expect((await moveClock({ set: '2031-04-05T06:07:08+02:00' })).status).toBe(200);
    expect(Date.parse((await clock()).now) - Date.parse('2031-04-05T04:07:08Z')).toBeLessThan(1000);
    expect((await moveClock({ set: '2001-01-01T00:00:00Z' })).status).toBe(200);
    expect((await clock()).offsetSeconds).toBeLessThan(0);

    expect((await control('reset', { method: 'POST' })).status).toBe(204);
    expect((await clock()).offsetSeconds).toBe(0);
  });

  it('moves the injected `now` option too', async () => {
    const fixed = Date.parse('2030-01-01T00:00:00Z');
    const fixedClock = await startEmulator({ port: 0, now: () => new Date(fixed) });
    try {
      const url = `${fixedClock.url}/_emulator/clock`;
      expect(((await (await fetch(url)).json()) as ClockReading).now).toBe('2030-01-01T00:00:00.000Z');
      await fetch(url, { method: 'POST', body: JSON.stringify({ advanceMinutes: 90 }) });
      expect(await (await fetch(url)).json()).toEqual({ now: '2030-01-01T01:30:00.000Z', offsetSeconds: 5400 });
    } finally {
      await fixedClock.close();
    }
  });

  it('answers a Graph-shaped 400 for every body it cannot use, and leaves the clock alone', async () => {
    const bad: unknown[] = [
      {},
      { advanceSeconds: 0 },
      { advanceSeconds: -30 },
      { advanceSeconds: '30' },
      { advanceMinutes: null },
      { advanceSeconds: 1e300 },
      { advanceSeconds: 30, advanceMinutes: 1 },
      { advanceSeconds: 30, set: '2031-01-01T00:00:00Z' },
      { set: 'tomorrow' },
      { set: '2031-01-01T00:00:00' },
      { set: 1_900_000_000_000 },
      { set: '1969-12-31T23:59:59Z' },
      { rewind: 30 },
      [{ advanceSeconds: 30 }],
      'advanceSeconds=30',
    ];
    for (const move of bad) {
      const response = await moveClock(move);
      expect(response.status, JSON.stringify(move)).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('invalidRequest');
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    const notJson = await control('clock', { method: 'POST', body: '{"advanceSeconds":' });
    expect(notJson.status).toBe(400);
    // The last moment the clock takes, then one that would pass it.
    expect((await moveClock({ set: '9999-12-31T23:00:00Z' })).status).toBe(200);
    expect((await moveClock({ advanceMinutes: 120 })).status).toBe(400);
    expect(Date.parse((await clock()).now)).toBeLessThan(Date.parse('9999-12-31T23:01:00Z'));
    await control('reset', { method: 'POST' });
    expect((await clock()).offsetSeconds).toBe(0);
    expect((await control('clock', { method: 'DELETE' })).status).toBe(405);
  });
});

describe('every time-based rule follows the clock', () => {
  it('an access token expires when the clock passes its exp, and tokens issued later carry the moved time', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    const catalogs = '/v1.0/identityGovernance/entitlementManagement/catalogs';
    expect((await graph(emulator.current.url, catalogs, tokens.access_token)).status).toBe(200);

    await moveClock({ advanceSeconds: tokens.expires_in + 1 });
    const expired = await graph(emulator.current.url, catalogs, tokens.access_token);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toBe('Lifetime validation failed, the token is expired.');

    // The refresh token (24 h) still works, and the new access token is valid at the moved time.
    const refreshed = await tokenRequest(emulator.current.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refreshed.status).toBe(200);
    const renewed = (await refreshed.json()) as { access_token: string };
    const claims = JSON.parse(Buffer.from(renewed.access_token.split('.')[1] ?? '', 'base64url').toString()) as { iat: number };
    expect(claims.iat * 1000).toBeGreaterThan(Date.now() + (tokens.expires_in - 5) * 1000);
    expect((await graph(emulator.current.url, catalogs, renewed.access_token)).status).toBe(200);
  });

  it('a refresh token expires after 24 hours of emulator time', async () => {
    const { tokens } = await signIn(emulator.current.url, demo.users.megan);
    await moveClock({ advanceMinutes: 24 * 60 + 1 });
    const refreshed = await tokenRequest(emulator.current.url, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' });
    expect(refreshed.status).toBe(400);
    expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it("an upload window closes as the clock passes it, the seed's times stay put, and reset reopens it", async () => {
    const before = await state();
    const instance = weeklyInstance(before);
    expect(instance?.status).toBe('Initializing');
    expect(badgeSession(before)?.status).toBe('active');
    const windowEnd = Date.parse(instance?.uploadWindowEndDateTime ?? '');

    // Just before the window ends: still open.
    await moveClock({ set: new Date(windowEnd - minute).toISOString() });
    expect(weeklyInstance(await state())?.status).toBe('Initializing');

    await moveClock({ advanceMinutes: 2 });
    const after = await state();
    expect(weeklyInstance(after)).toMatchObject({ status: 'Active', startDateTime: instance?.startDateTime });
    expect(badgeSession(after)?.status).toBe('expired');
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const upload = await graph(emulator.current.url, `${badge}/${demo.sessions.badgeActive}/uploadFile`, token, {
      method: 'POST',
      body: uploadForm('late.csv', csv),
    });
    expect(upload.status).toBe(409);
    expect(upload.body.error.message).toContain('expired when the upload window');

    await control('reset', { method: 'POST' });
    const reset = await state();
    expect(weeklyInstance(reset)?.status).toBe('Initializing');
    expect(badgeSession(reset)?.status).toBe('active');
  });

  it('new sessions and the request log are stamped with the moved time', async () => {
    await moveClock({ advanceMinutes: 30 });
    await control('requests', { method: 'DELETE' });
    const token = await emulator.current.issueAccessToken(demo.users.megan);
    const created = await graph(emulator.current.url, badge, token, {
      method: 'POST',
      body: JSON.stringify({
        '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession',
        data: {
          '@odata.type': '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData',
          reviewDefinitionId: demo.reviews.quarterly,
          reviewInstanceId: demo.instances.quarterlyOpen,
        },
      }),
    });
    expect(created.status).toBe(201);
    // Half an hour ahead of real time, give or take the test's own run time.
    const ahead = (iso: string) => (Date.parse(iso) - Date.now()) / minute;
    expect(ahead(created.body.createdDateTime)).toBeGreaterThan(29);
    expect(ahead(created.body.createdDateTime)).toBeLessThanOrEqual(30);
    const [logged] = (await (await control('requests')).json()) as { at: string }[];
    expect(ahead(logged?.at ?? '')).toBeGreaterThan(29);
  });
});
