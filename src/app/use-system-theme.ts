import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useSyncExternalStore } from 'react';

const darkQuery = '(prefers-color-scheme: dark)';

function subscribe(onChange: () => void) {
  const media = window.matchMedia(darkQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}

/** Light or dark, following the operating system, live. */
export function useSystemTheme(): Theme {
  const dark = useSyncExternalStore(subscribe, () => window.matchMedia(darkQuery).matches);
  return dark ? webDarkTheme : webLightTheme;
}
