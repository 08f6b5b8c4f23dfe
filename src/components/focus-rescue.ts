/** The element that had the focus last: tells "the focus was lost" apart from "nothing was focused yet". */
let lastFocused: Element | null = null;
let tracking = false;

/** Starts following the focus; the first component that may rescue it calls this. */
export function trackFocus() {
  if (tracking) return;
  tracking = true;
  document.addEventListener('focusin', (event) => {
    lastFocused = event.target instanceof Element ? event.target : null;
  });
}

/** The focus fell back to <body> because the element that had it was removed (a page or a control went away). */
function focusWasLost() {
  const active = document.activeElement;
  return (active === null || active === document.body) && lastFocused !== null && !lastFocused.isConnected;
}

/**
 * Puts a lost focus on `target`, rather than leaving keyboard users on <body>, where the next Tab starts over at the
 * top of the page. Does nothing when something has the focus, or when nothing had it yet (a page just loaded).
 */
export function rescueFocus(target: HTMLElement | null | undefined) {
  if (target && focusWasLost()) target.focus();
}

export const pageHeadingId = 'page-heading';

/** The page's heading, which screen readers then read out, takes a lost focus. */
export function rescueFocusToPageHeading() {
  rescueFocus(document.getElementById(pageHeadingId));
}
