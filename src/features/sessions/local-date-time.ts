const pad = (value: number, length = 2) => String(value).padStart(length, '0');

/**
 * What `<input type="datetime-local">` holds for an instant, in the browser's time zone:
 * `2026-11-22T15:05:30` (milliseconds only when there are some, so a file's exact time can be filtered on).
 */
export function toLocalInputValue(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const base = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
  return date.getMilliseconds() > 0 ? `${base}.${pad(date.getMilliseconds(), 3)}` : base;
}

/** The instant a datetime-local value means in the browser's time zone, in UTC ISO 8601; undefined when empty or invalid. */
export function fromLocalInputValue(value: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/.test(value)) return undefined;
  // Without a zone designator, ECMAScript reads a date-time as local time: exactly what the input means.
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
