import { fileURLToPath } from 'node:url';

/** Fixed identity of the demo tenant and app: the console's demo config (demo/demo-config.ts) relies on these values. */
export const TENANT_ID = '8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d';
export const CLIENT_ID = '4a7e9b21-6c3d-4f8e-a1b2-c3d4e5f60718';
export const APP_DISPLAY_NAME = 'Catalog Upload Console (demo)';
export const TENANT_DISPLAY_NAME = 'Contoso (emulated)';

/** Like Entra, the port of an http://localhost or http://127.0.0.1 redirect URI is ignored when matching. */
export const REDIRECT_URIS: readonly string[] = ['http://localhost/redirect.html', 'http://127.0.0.1/redirect.html'];

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

export const DEFAULT_PORT = 4010;
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
export const DEFAULT_UPLOAD_WINDOW_MINUTES = 120;
export const DEFAULT_MAX_UPLOAD_BYTES = 50 * 1024 * 1024;

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  seedPath?: string;
  /** Serve the /_emulator/ test controls (default true). */
  control?: boolean;
  tokenLifetimeSeconds?: number;
  uploadWindowMinutes?: number;
  maxUploadBytes?: number;
  /** Injectable clock for tokens, upload windows and expiry. */
  now?: () => Date;
  /** Custom data provided resources added to the seed's (its first one's copies, in its catalog; default 0). */
  extraResources?: number;
  /** Every Graph request waits this long before it is handled, as real Graph's 100 to 300 ms (default 0). */
  latencyMs?: number;
  /** How the latency is waited for: injectable, so tests need not wait for real. */
  sleep?: (ms: number) => Promise<void>;
}

export type ResolvedOptions = Required<EmulatorOptions>;

export const DEFAULT_SEED_PATH = fileURLToPath(new URL('./seed/demo-seed.json', import.meta.url));

export function resolveOptions(options: EmulatorOptions = {}): ResolvedOptions {
  return {
    port: options.port ?? DEFAULT_PORT,
    seedPath: options.seedPath ?? DEFAULT_SEED_PATH,
    control: options.control ?? true,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS,
    uploadWindowMinutes: options.uploadWindowMinutes ?? DEFAULT_UPLOAD_WINDOW_MINUTES,
    maxUploadBytes: options.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES,
    now: options.now ?? (() => new Date()),
    latencyMs: options.latencyMs ?? 0,
    extraResources: options.extraResources ?? 0,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}
