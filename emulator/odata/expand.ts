import { badQuery } from '../http/errors';
import { compileFilter } from './filter-eval';
import type { FilterSchema, Predicate } from './filter-eval';
import { parseFilter } from './filter-parser';
import { parseOrderBy } from './orderby';
import type { Comparator, OrderBySchema } from './orderby';
import { splitTopLevel } from './split';

export interface ExpandSchema<T> {
  navigation: string;
  filter: FilterSchema<T>;
  orderby: OrderBySchema<T>;
}

export interface Expansion<T> {
  filter?: Predicate<T>;
  compare?: Comparator<T>;
}

/** `$expand=files` or `files($filter=...;$orderby=...)`: the one navigation Graph documents, never paged. */
export function parseExpand<T>(text: string, schema: ExpandSchema<T>): Expansion<T> {
  const items = splitTopLevel(text, ',', '$expand').map((item) => item.trim());
  const nav = schema.navigation;
  const expansion: Expansion<T> = {};
  if (items.length > 1) throw badQuery(`Invalid $expand: only '${nav}' can be expanded, once.`);
  const item = items[0] ?? '';
  const open = item.indexOf('(');
  const name = (open < 0 ? item : item.slice(0, open)).trim();
  if (name !== nav) throw badQuery(`Property '${name}' is not supported in $expand (supported: ${nav}).`);
  if (open < 0) return expansion;
  if (!item.endsWith(')')) throw badQuery(`Invalid $expand: '${item}' must end with ')'.`);
  const inner = item.slice(open + 1, -1);
  const seen = new Set<string>();
  for (const option of splitTopLevel(inner, ';', `$expand=${nav}(...)`)) {
    if (option.trim() === '') continue;
    const eq = option.indexOf('=');
    const optionName = (eq < 0 ? option : option.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : option.slice(eq + 1);
    if (seen.has(optionName)) throw badQuery(`Query option '${optionName}' appears twice inside $expand=${nav}(...).`);
    seen.add(optionName);
    const where = `${optionName} inside $expand=${nav}(...)`;
    if (optionName === '$filter') {
      expansion.filter = compileFilter(parseFilter(value, where), schema.filter, where);
    } else if (optionName === '$orderby') {
      expansion.compare = parseOrderBy(value, schema.orderby, where);
    } else {
      throw badQuery(`Query option '${optionName}' is not supported inside $expand=${nav}(...) (supported: $filter, $orderby).`);
    }
  }
  return expansion;
}
