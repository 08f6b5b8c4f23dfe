/**
 * One uploader per session across the tabs of a browser: a queue holds the Web Lock `catalog-upload:<sessionId>` while
 * it has files to send and lets it go once drained, so a second tab's files wait for the first tab instead of going out
 * beside the same files.
 */

export const otherTabUploading = 'Another tab is uploading to this session; these files wait for it.';
export const checkingOtherTab = 'Another tab uploaded to this session: checking whether it sent this file';
export const uploadedByOtherTab = 'Another tab uploaded it while this tab waited: not sent again.';

/** What the queue needs of navigator.locks (a fake in unit tests). */
export type LockRequester = Pick<LockManager, 'request'>;

export interface SessionLock {
  /**
   * Resolves once this tab holds the lock (at once while it already does). `onWait` is called when another tab holds
   * it first. Resolves with true when this acquisition had to wait for another tab. Rejects with the signal's reason
   * if it aborts first (the lock may still be granted later: release() then lets it go at once).
   */
  acquire(signal: AbortSignal, onWait: () => void): Promise<boolean>;
  /** Lets the lock go (or gives it up as soon as it is granted). */
  release(): void;
}

export const sessionLockName = (sessionId: string) => `catalog-upload:${sessionId}`;

/** The Web Locks API's lock for this session, or undefined where the browser has none (each tab then uploads alone). */
export function browserSessionLock(sessionId: string, locks: LockRequester | undefined = globalThis.navigator?.locks): SessionLock | undefined {
  return locks ? webSessionLock(locks, sessionLockName(sessionId)) : undefined;
}

export function webSessionLock(locks: LockRequester, name: string): SessionLock {
  /** The one request of this tab, waiting or granted, shared by every file that waits for it. */
  let request: Promise<boolean> | undefined;
  /** Some file wants the lock: false once released, so a grant that comes later is given back at once. */
  let wanted = false;
  let letGo: (() => void) | undefined;
  /** Another tab held the lock when this tab asked: files joining now are told at once. */
  let waiting = false;
  const waiters = new Set<() => void>();

  const hold = (granted: () => void) => {
    if (!wanted) {
      request = undefined;
      waiting = false;
      granted();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      waiting = false;
      letGo = resolve;
      granted();
    });
  };

  const start = () =>
    new Promise<boolean>((resolve, reject) => {
      const failed = (error: unknown) => {
        request = undefined;
        waiting = false;
        reject(error);
      };
      locks
        .request(name, { ifAvailable: true }, (lock) => {
          if (lock) return hold(() => resolve(false));
          waiting = true;
          for (const onWait of waiters) onWait();
          // Held elsewhere: queue behind it, outside this callback so the "not available" answer ends here.
          locks.request(name, () => hold(() => resolve(true))).catch(failed);
          return undefined;
        })
        .catch(failed);
    });

  return {
    acquire(signal, onWait) {
      if (signal.aborted) return Promise.reject(signal.reason);
      if (letGo) return Promise.resolve(false);
      wanted = true;
      waiters.add(onWait);
      if (waiting) onWait();
      request ??= start();
      const current = request;
      return new Promise<boolean>((resolve, reject) => {
        const done = () => {
          signal.removeEventListener('abort', onAbort);
          waiters.delete(onWait);
        };
        const onAbort = () => {
          done();
          reject(signal.reason);
        };
        signal.addEventListener('abort', onAbort, { once: true });
        current.then(
          (waited) => {
            done();
            resolve(waited);
          },
          (error: unknown) => {
            done();
            reject(error);
          },
        );
      });
    },
    release() {
      wanted = false;
      waiters.clear();
      if (!letGo) return;
      const give = letGo;
      letGo = undefined;
      request = undefined;
      give();
    },
  };
}
