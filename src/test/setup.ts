import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// Vitest runs without globals, so Testing Library cannot register its own cleanup.
afterEach(cleanup);

// Fluent pages render slowly in jsdom when the machine is busy: wait longer than the 1 s default for them.
configure({ asyncUtilTimeout: 5000 });

// jsdom has no layout: tabster (Fluent's focus manager) would take every element for hidden, leave the focus on a
// dialog's surface and mark the surface aria-hidden. Give it a body with a size and offset parents.
document.body.getBoundingClientRect = () => DOMRect.fromRect({ width: 1024, height: 768 });
Object.defineProperty(HTMLElement.prototype, 'offsetParent', {
  configurable: true,
  get(this: HTMLElement) {
    return this.parentElement;
  },
});

// jsdom cannot scroll; the router resets the scroll position after each navigation.
window.scrollTo = () => {};
