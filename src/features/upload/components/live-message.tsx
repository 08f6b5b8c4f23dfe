import { makeStyles } from '@fluentui/react-components';
import { useEffect, useState, useSyncExternalStore } from 'react';

/** How long an announcement stays before the live region empties, ready to announce again. */
const clearAfterMs = 5000;

export interface Announcer {
  /** Several messages at once are read together, then the region empties. */
  announce: (message: string) => void;
  subscribe: (listener: () => void) => () => void;
  getMessage: () => string;
}

/**
 * An aria-live region's messages kept apart from the component that announces them: announcing re-renders only the
 * region, not the upload panel, which re-rendered with each file that arrived (bench/README.md, issue 15).
 */
export function useAnnouncerStore(): Announcer {
  const [store] = useState(createAnnouncer);
  useEffect(() => store.dispose, [store]);
  return store;
}

function createAnnouncer() {
  let message = '';
  let timer: ReturnType<typeof setTimeout> | undefined;
  const listeners = new Set<() => void>();
  const set = (next: string) => {
    message = next;
    for (const listener of listeners) listener();
  };
  return {
    announce: (next: string) => {
      set(message ? `${message} ${next}` : next);
      clearTimeout(timer);
      timer = setTimeout(() => set(''), clearAfterMs);
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    getMessage: () => message,
    dispose: () => clearTimeout(timer),
  };
}

const useStyles = makeStyles({
  // Read out, not shown: the page already shows what it says.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** The polite live region that reads out what `announcer` is told. */
export function LiveMessage({ announcer }: { announcer: Announcer }) {
  const styles = useStyles();
  const message = useSyncExternalStore(announcer.subscribe, announcer.getMessage);
  return (
    <div role="status" aria-live="polite" className={styles.hidden}>
      {message}
    </div>
  );
}
