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

// React's development warnings reach only the unit tests (the end-to-end suite runs the production build, which
// prints none): the ones that mean a real bug fail the test that caused them.
const reactBugWarnings = [
  /Cannot update a component .* while rendering a different component/,
  /Each child in a list should have a unique "key" prop/,
  /Encountered two children with the same key/,
  /Maximum update depth exceeded/,
];
const reactWarnings: string[] = [];
const consoleError = console.error.bind(console);
console.error = (...args: unknown[]) => {
  const text = args.map(String).join(' ');
  if (reactBugWarnings.some((pattern) => pattern.test(text))) reactWarnings.push(text.slice(0, 500));
  consoleError(...args);
};
afterEach(() => {
  const warned = reactWarnings.splice(0);
  if (warned.length > 0) throw new Error(`React warned during this test:\n${warned.join('\n')}`);
});
