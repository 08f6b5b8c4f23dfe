import { request, type APIRequestContext } from '@playwright/test';
import type { z } from 'zod';
import type { ClockReading, EmulatorInfo, StateSnapshot } from '../emulator/control/control-routes';
import type { faultSchema } from '../emulator/control/faults';
import type { RequestRecord } from '../emulator/control/request-log';
import { emulatorUrl } from './ports';

/** The emulator's own types, so the tests read what it really answers. */
/** A fault as POST /_emulator/faults takes it (`times` may be left out). */
export type EmulatorFault = z.input<typeof faultSchema>;
export type EmulatorRequest = RequestRecord;
export type EmulatorState = StateSnapshot;
export type EmulatorSession = StateSnapshot['sessions'][number];
export type EmulatorFile = EmulatorSession['files'][number];

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

  /** Also puts the emulator's clock back to real time. */
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

  async clock(): Promise<ClockReading> {
    return (await this.api.get('/_emulator/clock')).json();
  }

  /** Moves the emulator's clock forward; a page keeps its own clock (see `advanceClocks` in fixtures.ts). */
  async advanceClock(by: { seconds: number } | { minutes: number }): Promise<ClockReading> {
    const body = 'seconds' in by ? { advanceSeconds: by.seconds } : { advanceMinutes: by.minutes };
    return (await this.post('/_emulator/clock', body)).json();
  }

  async clearRequests() {
    await this.api.delete('/_emulator/requests');
  }

  async requests(): Promise<EmulatorRequest[]> {
    return (await this.api.get('/_emulator/requests')).json();
  }

  async info(): Promise<EmulatorInfo> {
    return (await this.api.get('/_emulator/info')).json();
  }

  async state(): Promise<EmulatorState> {
    return (await this.api.get('/_emulator/state')).json();
  }

  /** A session as the emulator holds it (effective status, files), or undefined once it is gone. */
  async session(id: string): Promise<EmulatorSession | undefined> {
    return (await this.state()).sessions.find((s) => s.id === id);
  }

  dispose() {
    return this.api.dispose();
  }
}
