import { useEffect } from 'react';

export const appTitle = 'Catalog Upload Console';

/** Between the page's name, where it is (a session's resource) and the app's name. */
export const titleSeparator = ' — ';

/** "(2) Building Access — Catalog Upload Console": the page's name, led by a count when something waits. */
export function pageTitle(name: string | undefined, count = 0) {
  const base = name ? `${name}${titleSeparator}${appTitle}` : appTitle;
  return count > 0 ? `(${count}) ${base}` : base;
}

/** The browser tab's title while the page is shown; back to the app's name when it goes. */
export function usePageTitle(name: string | undefined, count = 0) {
  useEffect(() => {
    document.title = pageTitle(name, count);
  }, [name, count]);
  useEffect(
    () => () => {
      document.title = appTitle;
    },
    [],
  );
}

/** usePageTitle for a page that sets its title only in some states (an error instead of its content). */
export function PageTitle({ name, count = 0 }: { name: string | undefined; count?: number }) {
  usePageTitle(name, count);
  return null;
}
