/** Sizes and dates in the browser's locale (Intl), the same way on every page. */

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * Formatters kept per locale and options: building an Intl formatter costs far more than using one, and the upload list
 * formats sizes on every progress update (bench/README.md, issue 15). A few dozen combinations at most.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function cached<T, O>(cache: Map<string, T>, create: (locale: string | undefined, options?: O) => T, locale: string | undefined, options?: O): T {
  const key = `${locale ?? ''}|${options === undefined ? '' : JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = create(locale, options);
    cache.set(key, format);
  }
  return format;
}

const numberFormat = (locale?: string, options?: Intl.NumberFormatOptions) =>
  cached(numberFormats, (l, o) => new Intl.NumberFormat(l, o), locale, options);
const dateTimeFormat = (locale: string | undefined, options: Intl.DateTimeFormatOptions) =>
  cached(dateTimeFormats, (l, o) => new Intl.DateTimeFormat(l, o), locale, options);

/** 1536 → "1.54 kB": decimal units (1 kB = 1,000 bytes) everywhere in the console (docs/architecture.md). */
export function formatBytes(bytes: number, locale?: string): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  // Intl's short "byte" reads oddly beside kB and MB.
  if (unit === 0) return `${numberFormat(locale).format(value)} B`;
  return numberFormat(locale, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: 'short',
    maximumFractionDigits: value < 10 ? 2 : 1,
  }).format(value);
}

/**
 * A size beside a limit, for one sentence ("62.9 MB … 50 MB"): exact bytes when rounding would make two different
 * sizes read the same ("50,000,001 bytes … 50,000,000 bytes").
 */
export function formatBytesBeside(size: number, limit: number, locale?: string): [string, string] {
  const rounded: [string, string] = [formatBytes(size, locale), formatBytes(limit, locale)];
  if (size === limit || rounded[0] !== rounded[1]) return rounded;
  return [formatExactBytes(size, locale), formatExactBytes(limit, locale)];
}

/** The exact count for a tooltip: "1,234,567 bytes". */
export function formatExactBytes(bytes: number, locale?: string): string {
  return `${numberFormat(locale).format(bytes)} bytes`;
}

export function formatNumber(value: number, locale?: string): string {
  return numberFormat(locale).format(value);
}

export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A day without its time: "Nov 22, 2026". */
export function formatDate(iso: string, locale?: string, timeZone?: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(iso));
}

const relativeSteps: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
];

/** "3 hours ago", "in 20 minutes". */
export function formatRelative(iso: string, now = Date.now(), locale?: string): string {
  const seconds = (new Date(iso).getTime() - now) / 1000;
  const format = cached(relativeFormats, (l, o) => new Intl.RelativeTimeFormat(l, o), locale, { numeric: 'auto' } as const);
  for (const [unit, size] of relativeSteps) {
    if (Math.abs(seconds) >= size || unit === 'second') return format.format(Math.round(seconds / size), unit);
  }
  return format.format(0, 'second');
}

/** A time span for countdowns: "1 h 05 min", "12 min", "less than a minute". */
export function formatDuration(milliseconds: number): string {
  const minutes = Math.floor(milliseconds / 60_000);
  if (minutes < 1) return 'less than a minute';
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  // Past two days, minutes are noise: "90 days", "3 days 4 h".
  if (hours >= 48) {
    const days = Math.floor(hours / 24);
    return hours % 24 === 0 || days >= 7 ? `${days} days` : `${days} days ${hours % 24} h`;
  }
  return `${hours} h ${String(rest).padStart(2, '0')} min`;
}

/** Text that ends as a sentence, once, whether or not it brought its own full stop. */
export const asSentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);
