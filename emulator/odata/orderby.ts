import { badQuery } from '../http/errors';
import { ownValue } from './limits';
import { splitTopLevel } from './split';

export type Comparator<T> = (a: T, b: T) => number;

export interface OrderBySchema<T> {
  target: string;
  /** Sort keys; dates as epoch milliseconds. */
  properties: Readonly<Record<string, (item: T) => string | number>>;
}

/** `prop [asc|desc]`, comma-separated; strings compare by code unit (ordinal), like a binary collation. */
export function parseOrderBy<T>(text: string, schema: OrderBySchema<T>, option = '$orderby'): Comparator<T> {
  const keys = splitTopLevel(text, ',', option).map((part) => {
    const words = part.trim().split(/\s+/);
    const [name, direction, extra] = words;
    if (!name) throw badQuery(`Invalid ${option}: empty sort key in '${text}'.`);
    const get = ownValue(schema.properties, name);
    if (!get) {
      const supported = Object.keys(schema.properties).join(', ');
      throw badQuery(`Property '${name}' is not supported in ${option} on ${schema.target} (supported: ${supported}).`);
    }
    if (extra !== undefined || (direction !== undefined && direction !== 'asc' && direction !== 'desc')) {
      throw badQuery(`Invalid ${option}: '${part.trim()}' must be a property followed by asc or desc.`);
    }
    return { get, sign: direction === 'desc' ? -1 : 1 };
  });
  return (a, b) => {
    for (const key of keys) {
      const x = key.get(a);
      const y = key.get(b);
      if (x !== y) return (x < y ? -1 : 1) * key.sign;
    }
    return 0;
  };
}
