import type { SignInAgain } from '../../auth/sign-in-again';

/**
 * What the upload queue waits for before it sends a file: the connection, and a signed-in person. While a gate is
 * closed the queue holds its files (no attempt is made, no retry is spent) and shows the gate's reason.
 */
export interface UploadGate {
  /** Why nothing may be sent now, or undefined when sending may go on. */
  closedBecause(): string | undefined;
  /** Resolves when the gate opens (at once if open); rejects with the signal's reason if it aborts first. */
  whenOpen(signal: AbortSignal): Promise<void>;
}

export const waitingForConnection = 'Waiting for the connection…';

/** Open while the browser is online: closed from the `offline` event (or navigator.onLine false) to the `online` event. */
export function browserConnectivity(target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window, nav = navigator): UploadGate {
  return {
    closedBecause: () => (nav.onLine ? undefined : waitingForConnection),
    whenOpen: (signal) => waitForEvent(target, 'online', signal, () => nav.onLine),
  };
}

export const signInNeeded = 'Paused: sign in again to continue.';

/** Closed while the person is asked to sign in again (src/auth/sign-in-again.ts); opens when they have. */
export function signInGate(signInAgain: Pick<SignInAgain, 'getSnapshot' | 'subscribe'>): UploadGate {
  return {
    closedBecause: () => (signInAgain.getSnapshot().needed ? signInNeeded : undefined),
    whenOpen: (signal) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (signInAgain.getSnapshot().needed) return;
          stop();
          resolve();
        };
        const onAbort = () => {
          stop();
          reject(signal.reason);
        };
        const unsubscribe = signInAgain.subscribe(check);
        const stop = () => {
          unsubscribe();
          signal.removeEventListener('abort', onAbort);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        if (signal.aborted) onAbort();
        else check();
      }),
  };
}

/** The first closed gate's reason; opens when every gate is open at once. */
export function allGates(...gates: UploadGate[]): UploadGate {
  return {
    closedBecause: () => gates.map((gate) => gate.closedBecause()).find((reason) => reason !== undefined),
    async whenOpen(signal) {
      for (let closed = gates.find((gate) => gate.closedBecause()); closed; closed = gates.find((gate) => gate.closedBecause())) {
        await closed.whenOpen(signal);
      }
    },
  };
}

export function waitForEvent(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  type: string,
  signal: AbortSignal,
  isOpen: () => boolean,
): Promise<void> {
  if (isOpen()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const done = () => {
      target.removeEventListener(type, onEvent);
      signal.removeEventListener('abort', onAbort);
    };
    const onEvent = () => {
      if (!isOpen()) return;
      done();
      resolve();
    };
    const onAbort = () => {
      done();
      reject(signal.reason);
    };
    if (signal.aborted) return onAbort();
    target.addEventListener(type, onEvent);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** A gate that is always open (unit tests, and a queue with nothing to wait for). */
export const openGate: UploadGate = { closedBecause: () => undefined, whenOpen: () => Promise.resolve() };
