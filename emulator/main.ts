import { resolve } from 'node:path';
import { CLIENT_ID, TENANT_ID } from './config';
import type { EmulatorOptions } from './config';
import { startEmulator } from './server';

/** `npm run emulator`: the only place that reads environment variables. */
function integerEnv(name: string, min: number): number | undefined {
  const text = process.env[name];
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name} must be an integer of at least ${min}, not '${text}'.`);
    process.exit(1);
  }
  return value;
}

function optionsFromEnv(): EmulatorOptions {
  const options: EmulatorOptions = { control: process.env.EMULATOR_CONTROL !== '0' };
  const port = integerEnv('EMULATOR_PORT', 0);
  if (port !== undefined) options.port = port;
  if (process.env.EMULATOR_SEED) options.seedPath = resolve(process.env.EMULATOR_SEED);
  const lifetime = integerEnv('EMULATOR_TOKEN_LIFETIME', 1);
  if (lifetime !== undefined) options.tokenLifetimeSeconds = lifetime;
  const windowMinutes = integerEnv('EMULATOR_UPLOAD_WINDOW_MINUTES', 1);
  if (windowMinutes !== undefined) options.uploadWindowMinutes = windowMinutes;
  const maxMb = integerEnv('EMULATOR_MAX_UPLOAD_MB', 1);
  if (maxMb !== undefined) options.maxUploadBytes = maxMb * 1024 * 1024;
  const extraResources = integerEnv('EMULATOR_EXTRA_RESOURCES', 0);
  if (extraResources !== undefined) options.extraResources = extraResources;
  const latency = integerEnv('EMULATOR_LATENCY_MS', 0);
  if (latency !== undefined) options.latencyMs = latency;
  return options;
}

const options = optionsFromEnv();
const emulator = await startEmulator(options).catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === 'EADDRINUSE' ? `Port ${options.port ?? 4010} is in use: set EMULATOR_PORT to another port.` : (error as Error).message);
  process.exit(1);
});

const { state } = emulator;
const catalogName = (id: string) => state.store.catalog(id)?.displayName ?? id;
const lines = [
  `Microsoft Graph + Entra ID emulator listening on ${emulator.url} (127.0.0.1 and ::1)`,
  `  tenant id   ${TENANT_ID}`,
  `  client id   ${CLIENT_ID}`,
  `  authority   ${emulator.url}/${TENANT_ID}/oauth2/v2.0/authorize`,
  `  Graph       ${emulator.url}/v1.0 and ${emulator.url}/beta`,
  `  controls    ${state.options.control ? `${emulator.url}/_emulator/info` : 'off (EMULATOR_CONTROL=0)'}`,
  `  seed        ${state.options.seedPath}`,
  '  demo users:',
  ...state.store.users.map((u) => {
    const roles = Object.entries(u.catalogRoles).map(([id, role]) => `${role} of ${catalogName(id)}`);
    return `    ${u.userPrincipalName.padEnd(34)} ${u.displayName.padEnd(18)} ${roles.length > 0 ? roles.join(', ') : 'no catalog role'}`;
  }),
  'Press Ctrl-C to stop.',
];
console.log(lines.join('\n'));

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping the emulator.`);
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
