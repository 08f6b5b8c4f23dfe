import type { ResolvedOptions } from './config';
import { EmulatorClock } from './control/clock';
import { FaultQueue } from './control/faults';
import { RequestLog } from './control/request-log';
import { Directory } from './directory/directory';
import { Consents } from './identity/consent';
import { Grants } from './identity/grants';
import { createSigningKey } from './identity/tokens';
import type { SigningKey } from './identity/tokens';
import { loadSeed } from './store/seed-loader';
import { Store } from './store/store';

/** Everything a request handler may touch. */
export interface EmulatorState {
  /** `options.now` is the clock's: the base clock moved by POST /_emulator/clock. */
  readonly options: ResolvedOptions;
  readonly clock: EmulatorClock;
  readonly store: Store;
  /** Users and groups for the directory endpoints (read-only; built once from the seed's users). */
  readonly directory: Directory;
  readonly grants: Grants;
  /** Who consented to (or refuses) the directory scopes; cleared by reset. */
  readonly consents: Consents;
  readonly key: SigningKey;
  readonly faults: FaultQueue;
  readonly requests: RequestLog;
  /** Set by POST /_emulator/token-lifetime; cleared by reset. */
  tokenLifetimeOverride: number | undefined;
  /** The delay of every Graph request: `options.latencyMs`, changed by POST /_emulator/latency, back by reset. */
  latencyMs: number;
  /** The server's own address, for the inner requests of a `$batch`; set once it listens. */
  selfUrl: string;
}

export async function createEmulatorState(given: ResolvedOptions): Promise<EmulatorState> {
  const clock = new EmulatorClock(given.now);
  const options: ResolvedOptions = { ...given, now: clock.now };
  const store = new Store(loadSeed(options.seedPath, options.now(), options.extraResources), options.now, options.uploadWindowMinutes);
  return {
    options,
    clock,
    store,
    directory: new Directory(store.users),
    grants: new Grants(options.now),
    consents: new Consents(),
    key: await createSigningKey(),
    faults: new FaultQueue(),
    requests: new RequestLog(),
    tokenLifetimeOverride: undefined,
    latencyMs: options.latencyMs,
    selfUrl: '',
  };
}

export function tokenLifetime(state: EmulatorState): number {
  return state.tokenLifetimeOverride ?? state.options.tokenLifetimeSeconds;
}

/**
 * Back to the unmoved clock (real time unless the `now` option says otherwise), then to the seed with its relative
 * times resolved again, without faults, consents to the directory scopes, a token lifetime override or a latency other than the start option's.
 */
export function resetState(state: EmulatorState): void {
  state.clock.reset();
  state.store.replace(loadSeed(state.options.seedPath, state.options.now(), state.options.extraResources));
  state.faults.clear();
  state.consents.clear();
  state.tokenLifetimeOverride = undefined;
  state.latencyMs = state.options.latencyMs;
}
