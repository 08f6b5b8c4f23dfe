import { useCallback, useEffect, useRef } from 'react';
import { rescueFocus, rescueFocusToPageHeading } from './focus-rescue';

/**
 * For a list whose rows each have a button that removes the row: after a removal, the focus goes to the same button of
 * the row that took the removed one's place (or of the new last row), or to the page heading once the list is empty,
 * instead of falling to <body>. `removing(index)` is called as a row is removed.
 */
export function useFocusAfterRemoval<List extends HTMLElement>(rowCount: number, buttonSelector: string) {
  const listRef = useRef<List>(null);
  const removedAt = useRef<number>(undefined);
  useEffect(() => {
    const index = removedAt.current;
    if (index === undefined) return;
    removedAt.current = undefined;
    const buttons = listRef.current?.querySelectorAll<HTMLElement>(buttonSelector) ?? [];
    const next = buttons[Math.min(index, buttons.length - 1)];
    if (next) rescueFocus(next);
    else rescueFocusToPageHeading();
  }, [rowCount, buttonSelector]);
  const removing = useCallback((index: number) => {
    removedAt.current = index;
  }, []);
  return { listRef, removing };
}
