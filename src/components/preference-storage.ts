/**
 * Small, non-secret preferences kept across visits (recently opened catalogs). The one module allowed to
 * touch localStorage, so tokens can never end up there by accident.
 */
export function readPreference<T>(key: string, parse: (value: unknown) => T, fallback: T): T {
  try {
    const raw = window.localStorage.getItem(`catalog-upload-console:${key}`);
    return raw === null ? fallback : parse(JSON.parse(raw));
  } catch {
    return fallback;
  }
}

export function writePreference(key: string, value: unknown) {
  try {
    window.localStorage.setItem(`catalog-upload-console:${key}`, JSON.stringify(value));
  } catch {
    // Storage full or disabled: a preference is not worth an error.
  }
}
