import { describe, expect, it } from 'vitest';
import { filesExpand } from '../graph/session-queries';
import { GraphError } from '../http/errors';
import { buildQuery, parseQuery } from '../http/query-string';
import type { UploadedFile } from '../store/types';
import { parseExpand } from './expand';
import { parseOrderBy } from './orderby';
import { applyQuery, pageOf } from './paging';
import { parseQueryOptions } from './query-options';
import type { QueryCapabilities } from './query-options';

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    return (error as GraphError).message;
  }
  throw new Error('no error');
}

describe('query string decoding', () => {
  it('percent-decodes names and values and keeps + as a plus', () => {
    const raw = "$filter=name%20eq%20'Z%C3%BCrich%20%232%20(100%25)%20a%26b.csv'&$expand=files&x=2026-01-01T00:00:00+02:00";
    expect(parseQuery(raw)).toEqual([
      { name: '$filter', value: "name eq 'Zürich #2 (100%) a&b.csv'" },
      { name: '$expand', value: 'files' },
      { name: 'x', value: '2026-01-01T00:00:00+02:00' },
    ]);
  });

  it('rejects a broken percent-encoding', () => {
    expect(errorOf(() => parseQuery('$filter=100%'))).toContain('invalid percent-encoding');
  });

  it('builds a query string that decodes back to the same values', () => {
    const params = [{ name: '$filter', value: "name eq 'a&b #1 %.csv'" }, { name: '$top', value: '5' }];
    expect(parseQuery(buildQuery(params))).toEqual(params);
  });
});

interface Item {
  name: string;
  n: number;
}
const caps: QueryCapabilities<Item> = {
  target: 'items',
  filter: { target: 'items', logical: ['and'], properties: { n: { type: 'int', ops: ['gt'], get: (i) => i.n } } },
  orderby: { target: 'items', properties: { name: (i) => i.name, n: (i) => i.n } },
  select: ['name', 'n'],
  paging: true,
};
const items: Item[] = Array.from({ length: 250 }, (_, i) => ({ name: `item ${String(i).padStart(3, '0')}`, n: i }));

describe('system query options', () => {
  it('parses $top, $skip, $count, $select, $orderby and $filter', () => {
    const query = parseQueryOptions('$top=5&$skip=10&$count=true&$select=name&$orderby=n desc&$filter=n gt 3', caps);
    expect(query).toMatchObject({ top: 5, offset: 10, count: true, select: ['name'] });
    expect(applyQuery(items, query).slice(0, 2).map((i) => i.n)).toEqual([249, 248]);
  });

  it('accepts option names in any case, like Graph', () => {
    expect(parseQueryOptions('$TOP=3', caps).top).toBe(3);
  });

  it('names unsupported, unknown, repeated and malformed options', () => {
    expect(errorOf(() => parseQueryOptions('$search=abc', caps))).toBe("Query option '$search' is not supported on items.");
    expect(errorOf(() => parseQueryOptions('$foo=1', caps))).toBe("Query option '$foo' is not supported.");
    expect(errorOf(() => parseQueryOptions('$expand=files', caps))).toBe("Query option '$expand' is not supported on items.");
    expect(errorOf(() => parseQueryOptions('$top=1&$top=2', caps))).toContain("'$top' was given more than once");
    expect(errorOf(() => parseQueryOptions('$top=-1', caps))).toContain("Invalid $top: '-1' is not a non-negative integer");
    expect(errorOf(() => parseQueryOptions('$top=1000', caps))).toContain('1000 is larger than the maximum of 999');
    expect(errorOf(() => parseQueryOptions('$skip=abc', caps))).toContain('Invalid $skip');
    expect(errorOf(() => parseQueryOptions('$count=yes', caps))).toContain("Invalid $count: 'yes' must be true or false");
    expect(errorOf(() => parseQueryOptions('$select=name,foo', caps))).toContain("Property 'foo' is not supported in $select on items");
    expect(errorOf(() => parseQueryOptions('$skiptoken=garbage', caps))).toContain('Invalid $skiptoken');
  });

  it('ignores parameters that are not system query options', () => {
    expect(parseQueryOptions('api-version=1&foo=bar', caps).offset).toBe(0);
  });
});

describe('paging', () => {
  const base = 'http://localhost:4010/v1.0/items';

  it('pages by 100 by default and links the next page with a $skiptoken, keeping the other options', () => {
    const first = parseQueryOptions("$count=true&$filter=n gt -1&$orderby=name", caps);
    const page1 = pageOf(applyQuery(items, first), first, base);
    expect(page1.items).toHaveLength(100);
    expect(page1.count).toBe(250);
    const next = new URL(page1.nextLink ?? '');
    expect(`${next.origin}${next.pathname}`).toBe(base);
    expect(next.searchParams.get('$filter')).toBe('n gt -1');
    expect(next.searchParams.get('$orderby')).toBe('name');
    const second = parseQueryOptions(next.search.slice(1), caps);
    const page2 = pageOf(applyQuery(items, second), second, base);
    expect(page2.items[0]?.n).toBe(100);
    expect(page2.count).toBeUndefined();
    const third = parseQueryOptions(new URL(page2.nextLink ?? '').search.slice(1), caps);
    const page3 = pageOf(applyQuery(items, third), third, base);
    expect(page3.items.map((i) => i.n)).toEqual(items.slice(200).map((i) => i.n));
    expect(page3.nextLink).toBeUndefined();
  });

  it('uses $top as the page size and starts at $skip', () => {
    const query = parseQueryOptions('$top=7&$skip=3', caps);
    const page = pageOf(items, query, base);
    expect(page.items.map((i) => i.n)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const next = new URL(page.nextLink ?? '');
    expect(next.searchParams.get('$top')).toBe('7');
    expect(next.searchParams.has('$skip')).toBe(false);
    expect(pageOf(items, parseQueryOptions(next.search.slice(1), caps), base).items[0]?.n).toBe(10);
  });
});

describe('$orderby', () => {
  const schema = filesExpand.orderby;
  const files: UploadedFile[] = [
    { id: 'a', name: 'b.csv', size: 10, uploadedDateTime: '2026-01-02T00:00:00.000Z' },
    { id: 'b', name: 'a.csv', size: 10, uploadedDateTime: '2026-01-01T00:00:00.000Z' },
    { id: 'c', name: 'c.csv', size: 5, uploadedDateTime: '2026-01-03T00:00:00.000Z' },
  ];
  const order = (text: string) => [...files].sort(parseOrderBy(text, schema)).map((f) => f.id);

  it('sorts by one or several keys, asc by default', () => {
    expect(order('name')).toEqual(['b', 'a', 'c']);
    expect(order('uploadedDateTime desc')).toEqual(['c', 'a', 'b']);
    expect(order('size desc,name asc')).toEqual(['b', 'a', 'c']);
    expect(order('size asc, uploadedDateTime desc')).toEqual(['c', 'a', 'b']);
  });

  it('names unsupported properties and bad directions', () => {
    expect(errorOf(() => order('id'))).toContain("Property 'id' is not supported in $orderby on files");
    expect(errorOf(() => order('name up'))).toContain("'name up' must be a property followed by asc or desc");
    expect(errorOf(() => order('name,'))).toContain('empty sort key');
  });
});

describe('$expand=files', () => {
  it('reads nested $filter and $orderby separated by ;, with ; and ) inside quoted names', () => {
    const expansion = parseExpand("files($filter=name eq 'a;b).csv' or size gt 5;$orderby=size desc)", filesExpand);
    expect(expansion.filter?.({ id: '1', name: 'a;b).csv', size: 1, uploadedDateTime: '2026-01-01T00:00:00Z' })).toBe(true);
    expect(expansion.compare).toBeTypeOf('function');
  });

  it('accepts a bare files', () => {
    expect(parseExpand('files', filesExpand)).toEqual({});
  });

  it('names what it does not support', () => {
    expect(errorOf(() => parseExpand('stats', filesExpand))).toBe("Property 'stats' is not supported in $expand (supported: files).");
    expect(errorOf(() => parseExpand('files($top=5)', filesExpand))).toContain("Query option '$top' is not supported inside $expand=files(...)");
    expect(errorOf(() => parseExpand("files($filter=foo eq 'x')", filesExpand))).toContain("Property 'foo' is not supported in $filter inside $expand=files(...)");
    expect(errorOf(() => parseExpand('files($filter=size gt 1', filesExpand))).toContain("unbalanced '('");
    expect(errorOf(() => parseExpand('files,files', filesExpand))).toContain("only 'files' can be expanded");
  });
});
