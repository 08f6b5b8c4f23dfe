import { badQuery } from './errors';

export interface QueryParam {
  readonly name: string;
  readonly value: string;
}

/**
 * Splits on `&` and percent-decodes each name and value with decodeURIComponent: unlike form encoding,
 * `+` stays a plus, so DateTimeOffset literals like `2026-01-01T00:00:00+02:00` survive unencoded.
 */
export function parseQuery(rawQuery: string): QueryParam[] {
  const params: QueryParam[] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const rawName = eq < 0 ? part : part.slice(0, eq);
    const rawValue = eq < 0 ? '' : part.slice(eq + 1);
    params.push({ name: decode(rawName), value: decode(rawValue) });
  }
  return params;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    throw badQuery(`The query string contains an invalid percent-encoding in '${text}'.`);
  }
}

export function buildQuery(params: readonly QueryParam[]): string {
  return params.map((p) => `${encodeName(p.name)}=${encodeURIComponent(p.value)}`).join('&');
}

function encodeName(name: string): string {
  return name.startsWith('$') ? `$${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name);
}
