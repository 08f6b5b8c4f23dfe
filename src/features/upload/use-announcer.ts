import { useCallback, useEffect, useState } from 'react';

/** How long an announcement stays before the live region empties, ready to announce again. */
const clearAfterMs = 5000;

/** Messages for an aria-live region: several at once are read together, then the region empties. */
export function useAnnouncer() {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => setMessage((current) => (current ? `${current} ${next}` : next)), []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(''), clearAfterMs);
    return () => clearTimeout(timer);
  }, [message]);
  return { message, announce };
}
