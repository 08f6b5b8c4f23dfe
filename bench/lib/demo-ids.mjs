// The demo seed's ids, looked up by name in emulator/test-support/demo.ts (as the e2e tests do), so no bench
// hard-codes a seed GUID. tsImport loads that TypeScript module from this plain .mjs without registering tsx globally.
import { tsImport } from 'tsx/esm/api';

export const { demo } = await tsImport('../../emulator/test-support/demo.ts', import.meta.url);

/** The app's path of the Badge Access Data page (catalog Building Access), where the benches' sessions live. */
export const badgePath = `/catalogs/${demo.catalogs.buildingAccess}/resources/${demo.resources.badge}`;
