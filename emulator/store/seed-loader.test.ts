import { describe, expect, it } from 'vitest';
import { DEFAULT_SEED_PATH } from '../config';
import { startEmulator } from '../server';
import { demo } from '../test-support/demo';
import { graph } from '../test-support/harness';
import { loadSeed } from './seed-loader';

const now = new Date('2026-08-20T10:00:00.000Z');
const customResources = `/v1.0/identityGovernance/entitlementManagement/catalogs/${demo.catalogs.buildingAccess}/resources?$filter=originSystem eq 'CustomDataProvidedResource'&$count=true`;

describe('extra resources', () => {
  it('copies the seed first custom data provided resource into its catalog, with fixed ids and no sessions', () => {
    const plain = loadSeed(DEFAULT_SEED_PATH, now);
    const data = loadSeed(DEFAULT_SEED_PATH, now, 2);
    expect(data.resources).toHaveLength(plain.resources.length + 2);
    expect(data.resources.slice(-2)).toMatchObject([
      { id: 'b0000000-0000-4000-8000-000000000001', originId: 'c0000000-0000-4000-8000-000000000001', displayName: 'Generated resource 1', catalogId: demo.catalogs.buildingAccess, originSystem: 'CustomDataProvidedResource' },
      { id: 'b0000000-0000-4000-8000-000000000002', displayName: 'Generated resource 2', catalogId: demo.catalogs.buildingAccess },
    ]);
    expect(data.sessions).toHaveLength(plain.sessions.length);
  });

  it('are served by Graph and kept by a reset (the extraResources option, EMULATOR_EXTRA_RESOURCES)', async () => {
    const emulator = await startEmulator({ port: 0, extraResources: 50 });
    try {
      const token = await emulator.issueAccessToken('megan.bowen@contoso.example');
      const before = await graph(emulator.url, customResources, token);
      expect(before.body['@odata.count']).toBe(52);
      await fetch(`${emulator.url}/_emulator/reset`, { method: 'POST' });
      const after = await graph(emulator.url, customResources, token);
      expect(after.body['@odata.count']).toBe(52);
    } finally {
      await emulator.close();
    }
  });
});
