import { request, type APIRequestContext } from '@playwright/test';
import { emulatorUrl } from './ports';

export interface EmulatorFault {
  method?: string;
  path: string;
  status?: number;
  retryAfter?: number;
  delayMs?: number;
  reset?: boolean;
  times?: number;
  /** Overrides the error's code and message. */
  body?: { code?: string; message?: string };
}

export interface EmulatorRequest {
  at: string;
  method: string;
  path: string;
  query: string;
  status: number;
  grantType?: string;
  username?: string;
}

/** The emulator's test controls (/_emulator/), for arranging a test and checking what the app really sent. */
export class EmulatorControl {
  private constructor(private readonly api: APIRequestContext) {}

  static async create() {
    return new EmulatorControl(await request.newContext({ baseURL: emulatorUrl }));
  }

  private async post(path: string, data?: unknown) {
    const response = await this.api.post(path, { data });
    if (!response.ok()) throw new Error(`${path} answered ${response.status()}: ${await response.text()}`);
    return response;
  }

  reset() {
    return this.post('/_emulator/reset');
  }

  addFault(fault: EmulatorFault) {
    return this.post('/_emulator/faults', fault);
  }

  revoke(username: string, what: 'refresh-tokens' | 'sessions' | 'all' = 'all') {
    return this.post('/_emulator/revoke', { username, what });
  }

  setTokenLifetime(seconds: number) {
    return this.post('/_emulator/token-lifetime', { seconds });
  }

  async clearRequests() {
    await this.api.delete('/_emulator/requests');
  }

  async requests(): Promise<EmulatorRequest[]> {
    return (await this.api.get('/_emulator/requests')).json();
  }

  async info(): Promise<{ tenantId: string; clientId: string; catalogs: { id: string; displayName: string }[] }> {
    return (await this.api.get('/_emulator/info')).json();
  }

  async state(): Promise<Record<string, unknown>> {
    return (await this.api.get('/_emulator/state')).json();
  }

  dispose() {
    return this.api.dispose();
  }
}
