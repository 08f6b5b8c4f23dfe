import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import { CLIENT_ID, TENANT_ID } from '../config';
import type { EmulatorOptions } from '../config';
import { startEmulator } from '../server';
import type { RunningEmulator } from '../server';

export const graphScope = 'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All';
export const redirectUri = 'http://localhost:5173/redirect.html';

/** Starts an emulator on a free port for the file's tests and stops it afterwards. */
export function useEmulator(options: EmulatorOptions = {}): { readonly current: RunningEmulator } {
  const holder: { current?: RunningEmulator } = {};
  beforeAll(async () => {
    holder.current = await startEmulator({ port: 0, ...options });
  });
  afterAll(async () => {
    await holder.current?.close();
  });
  return {
    get current(): RunningEmulator {
      if (!holder.current) throw new Error('The emulator is not running yet.');
      return holder.current;
    },
  };
}

export function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export function authorizeUrl(base: string, params: Record<string, string>): string {
  const query = new URLSearchParams({
    client_id: CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    response_mode: 'fragment',
    scope: 'openid profile offline_access',
    state: 'state-123',
    nonce: 'nonce-456',
    ...params,
  });
  return `${base}/${TENANT_ID}/oauth2/v2.0/authorize?${query.toString()}`;
}

/** The parameters of an authorization response, from a 302's Location (fragment or query). */
export function responseParams(response: Response): URLSearchParams {
  const location = response.headers.get('location') ?? '';
  const url = new URL(location);
  return new URLSearchParams(url.hash !== '' ? url.hash.slice(1) : url.search);
}

function sessionCookieOf(response: Response): string | undefined {
  return /emulator_session=[^;]*/.exec(response.headers.get('set-cookie') ?? '')?.[0];
}

export async function tokenRequest(base: string, form: Record<string, string>): Promise<Response> {
  return fetch(`${base}/${TENANT_ID}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: 'http://localhost:5173' },
    body: new URLSearchParams({ client_id: CLIENT_ID, ...form }),
  });
}

export interface TokenResponse {
  token_type: string;
  access_token: string;
  refresh_token?: string;
  id_token: string;
  scope: string;
  expires_in: number;
  client_info: string;
}

/** The browser flow without a browser: authorize with login_hint (no page), then redeem the code with PKCE. */
export async function signIn(base: string, username: string, scope = `openid profile offline_access ${graphScope}`) {
  const { verifier, challenge } = pkce();
  const authorize = await fetch(
    authorizeUrl(base, { login_hint: username, scope, code_challenge: challenge, code_challenge_method: 'S256' }),
    { redirect: 'manual' },
  );
  const code = responseParams(authorize).get('code');
  if (authorize.status !== 302 || !code) throw new Error(`Sign-in failed: ${authorize.status} ${authorize.headers.get('location')}`);
  const response = await tokenRequest(base, { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, scope });
  if (response.status !== 200) throw new Error(`Token request failed: ${response.status} ${await response.text()}`);
  return { tokens: (await response.json()) as TokenResponse, cookie: sessionCookieOf(authorize) };
}

export interface GraphResult {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- assertions read arbitrary JSON fields
  body: any;
}

/** A Graph call; `path` starts with /v1.0 or /beta. */
export async function graph(base: string, path: string, token: string | undefined, init: RequestInit = {}): Promise<GraphResult> {
  const headers = new Headers(init.headers);
  if (token !== undefined) headers.set('Authorization', `Bearer ${token}`);
  if (typeof init.body === 'string') headers.set('Content-Type', 'application/json');
  const response = await fetch(`${base}${path}`, { ...init, headers });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
}

export function uploadForm(name: string, content: string | Uint8Array<ArrayBuffer>, part = 'file'): FormData {
  const form = new FormData();
  form.append(part, new File([content], name, { type: 'application/octet-stream' }));
  return form;
}

export const csv = 'principalId,principalType,permissionId,permissionName,permissionDescription,permissionType\n' +
  '550e8400-e29b-41d4-a716-446655440000,user,6ba7b810-9dad-11d1-80b4-00c04fd430c8,Access,Physical access to building,Physical\n';

export function sessionsPath(catalogId: string, resourceId: string, version: 'v1.0' | 'beta' = 'v1.0'): string {
  return version === 'v1.0'
    ? `/v1.0/identityGovernance/entitlementManagement/catalogs/${catalogId}/resources/${resourceId}/uploadSessions`
    : `/beta/identityGovernance/catalogs/${catalogId}/accessPackageResources/${resourceId}/uploadSessions`;
}
