/**
 * Holds Graph calls while MSAL is busy with an interaction (handling the redirect back from sign-in, say): route
 * loaders start as soon as the address is known, before the page may render, and a token asked for then could find
 * no account yet. Opened and closed from MSAL's interaction status (src/app/signed-in-app.tsx).
 */
export function createIdleGate() {
  let idle = false;
  let waiting: (() => void)[] = [];
  return {
    set(isIdle: boolean) {
      idle = isIdle;
      if (!idle) return;
      for (const resolve of waiting) resolve();
      waiting = [];
    },
    /** Resolves at once while MSAL is idle, else as soon as it is. */
    whenIdle(): Promise<void> {
      return idle ? Promise.resolve() : new Promise((resolve) => waiting.push(resolve));
    },
  };
}

export type IdleGate = ReturnType<typeof createIdleGate>;
