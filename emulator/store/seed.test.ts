import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_PATH } from '../config';
import { startEmulator } from '../server';
import { demo } from '../test-support/demo';
import { graph } from '../test-support/harness';
import { generateFiles } from './generate-files';
import { loadSeed } from './seed-loader';
import { resolveSeedTime } from './seed-time';

const now = new Date('2026-08-20T10:00:00.000Z');
const directory = mkdtempSync(join(tmpdir(), 'emulator-seed-'));

function writeSeed(name: string, seed: unknown): string {
  const path = join(directory, name);
  writeFileSync(path, JSON.stringify(seed));
  return path;
}

const minimalSeed = {
  users: [{ id: 'u1', userPrincipalName: 'pat@fabrikam.example', displayName: 'Pat Doe', catalogRoles: { c1: 'owner' } }],
  catalogs: [{ id: 'c1', displayName: 'Labs', createdDateTime: '-2d', modifiedDateTime: '2026-01-01T00:00:00Z' }],
  resources: [{ id: 'r1', catalogId: 'c1', displayName: 'Lab Doors', originId: 'x', originSystem: 'CustomDataProvidedResource', createdDateTime: '-1d' }],
  accessReviews: [{ id: 'd1', catalogId: 'c1', displayName: 'Lab review', createdDateTime: '-1d', instances: [{ id: 'i1', status: 'Initializing', startDateTime: '-5m', endDateTime: '+14d' }] }],
  uploadSessions: [{ id: 's1', resourceId: 'r1', reviewInstanceId: 'i1', status: 'active', createdDateTime: '-4m', generateFiles: { count: 3, seed: 1 } }],
};

describe('seed times', () => {
  it('resolve relative times against the load time and keep absolute ones', () => {
    expect(resolveSeedTime('-15m', now)).toBe('2026-08-20T09:45:00.000Z');
    expect(resolveSeedTime('+7d', now)).toBe('2026-08-27T10:00:00.000Z');
    expect(resolveSeedTime('-3d4h30m', now)).toBe('2026-08-17T05:30:00.000Z');
    expect(resolveSeedTime('now', now)).toBe(now.toISOString());
    expect(resolveSeedTime('2026-01-01T00:00:00+01:00', now)).toBe('2025-12-31T23:00:00.000Z');
    expect(() => resolveSeedTime('yesterday', now)).toThrow('is not a seed time');
  });
});

describe('generated files', () => {
  it('are the same for the same seed, with varied names, sizes and times', () => {
    const a = generateFiles(50, 7, now, 3600_000);
    expect(generateFiles(50, 7, now, 3600_000)).toEqual(a);
    expect(generateFiles(50, 8, now, 3600_000)).not.toEqual(a);
    expect(new Set(a.map((f) => f.name)).size).toBe(50);
    expect(a.every((f) => f.name.endsWith('.csv') && /^[0-9a-f-]{36}$/.test(f.id))).toBe(true);
    const times = a.map((f) => Date.parse(f.uploadedDateTime));
    expect(times).toEqual([...times].sort((x, y) => x - y));
  });
});

describe('seed loading', () => {
  it('loads a custom seed file given as seedPath', async () => {
    const emulator = await startEmulator({ port: 0, seedPath: writeSeed('custom.json', minimalSeed), now: () => now });
    try {
      const info = (await (await fetch(`${emulator.url}/_emulator/info`)).json()) as { users: { username: string }[] };
      expect(info.users.map((u) => u.username)).toEqual(['pat@fabrikam.example']);
      const token = await emulator.issueAccessToken('pat@fabrikam.example');
      const sessions = await graph(emulator.url, '/v1.0/identityGovernance/catalogs/c1/resources/r1/uploadSessions?$expand=files', token);
      expect(sessions.body.value[0]).toMatchObject({ id: 's1', status: 'active', createdDateTime: '2026-08-20T09:56:00.000Z', stats: { filesUploaded: 3 } });
    } finally {
      await emulator.close();
    }
  });

  it('names the invalid field of a malformed seed', () => {
    const path = writeSeed('bad.json', { ...minimalSeed, catalogs: [{ id: 'c1', createdDateTime: '-1d', modifiedDateTime: '-1d' }] });
    expect(() => loadSeed(path, now)).toThrow(/catalogs\[0\]\.displayName|displayName/);
    expect(() => loadSeed(join(directory, 'missing.json'), now)).toThrow('Cannot read the seed file');
  });

  it('names broken references', () => {
    const unknownCatalog = writeSeed('refs.json', { ...minimalSeed, resources: [{ ...minimalSeed.resources[0], catalogId: 'nope' }] });
    expect(() => loadSeed(unknownCatalog, now)).toThrow("resource r1: no catalog 'nope'");
    const twoActive = writeSeed('two.json', { ...minimalSeed, uploadSessions: [...minimalSeed.uploadSessions, { ...minimalSeed.uploadSessions[0], id: 's2' }] });
    expect(() => loadSeed(twoActive, now)).toThrow('a second active or complete session');
  });

  it('gives the demo what the console needs', () => {
    const data = loadSeed(DEFAULT_SEED_PATH, now);
    const open = data.instances.filter((i) => i.status === 'Initializing').map((i) => (now.getTime() - Date.parse(i.startDateTime)) / 60_000);
    expect(open).toContain(15);
    expect(open).toContain(100);
    expect(data.sessions.some((s) => s.instanceId === demo.instances.quarterlyOpen && s.resourceId === demo.resources.badge)).toBe(false);
    expect(data.sessions.find((s) => s.id === demo.sessions.badgeActive)?.instanceId).toBe(demo.instances.weeklyOpen);
    expect(data.sessions.find((s) => s.id === demo.sessions.big)?.files.length).toBeGreaterThanOrEqual(2000);
    const names = data.sessions.flatMap((s) => s.files.map((f) => f.name));
    expect(names).toEqual(expect.arrayContaining(["O'Brien badge export.csv", 'Zürich #2 (100%).csv']));
    expect(new Set(data.instances.map((i) => i.status))).toEqual(new Set(['Initializing', 'Active', 'Applying', 'Applied', 'Completed', 'NotStarted']));
    expect(new Set(data.sessions.map((s) => s.status))).toEqual(new Set(['active', 'complete', 'expired', 'unknownFutureValue']));
  });
});
