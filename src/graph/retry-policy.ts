/** Statuses Graph documents as "wait and try again" (throttling, service busy). */
export const retryableStatuses = new Set([429, 503]);

/** Never wait longer than this for one retry, whatever Retry-After says. */
export const maxRetryDelayMs = 120_000;

/** Exponential backoff for when Graph gives no Retry-After: 1 s, 2 s, 4 s, 8 s … capped at 30 s. */
export function backoffDelayMs(attempt: number): number {
  return Math.min(1000 * 2 ** attempt, 30_000);
}

export function retryDelayMs(attempt: number, retryAfterSeconds: number | undefined): number {
  const delay = retryAfterSeconds === undefined ? backoffDelayMs(attempt) : retryAfterSeconds * 1000;
  return Math.min(delay, maxRetryDelayMs);
}

/** A sleep that ends early, with an AbortError, when the caller gives up. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
