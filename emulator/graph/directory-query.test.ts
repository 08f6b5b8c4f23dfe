import { describe, expect, it } from 'vitest';
import { parseFilter } from '../odata/filter-parser';
import { candidates, widestOr } from './directory-query';
import type { IndexLookup } from './directory-query';

/** An index of mail and id: 'a' at 0, 'b' at 1 and 2 (shared), 'c' at 3; other properties are not indexed. */
const lookup: IndexLookup = (property, value) => {
  if (property !== 'mail' && property !== 'id') return undefined;
  return { a: [0], b: [1, 2], c: [3] }[value] ?? [];
};
const plan = (filter: string) => {
  const found = candidates(parseFilter(filter), lookup);
  return found === undefined ? 'scan' : [...new Set(found)].sort();
};

describe('directory look-ups by index', () => {
  it('takes eq and in on indexed properties from the index, and unions or', () => {
    expect(plan("mail eq 'b'")).toEqual([1, 2]);
    expect(plan("mail in ('a','c','zz')")).toEqual([0, 3]);
    expect(plan("mail eq 'a' or id eq 'c'")).toEqual([0, 3]);
  });

  it('narrows and to its smaller indexed side, and scans when nothing narrows the search', () => {
    expect(plan("mail in ('a','b') and id eq 'c'")).toEqual([3]);
    expect(plan("accountEnabled eq false and mail eq 'b'")).toEqual([1, 2]);
    expect(plan("mail eq 'a' or accountEnabled eq false")).toBe('scan');
    expect(plan("startswith(mail,'a')")).toBe('scan');
    expect(plan("tolower(mail) eq 'a'")).toBe('scan');
    expect(plan("displayName eq 'a'")).toBe('scan');
  });
});

describe('the 15-clause limit', () => {
  it('counts the clauses of the widest or group, an in counting its values', () => {
    expect(widestOr(parseFilter("mail eq 'a'"))).toBe(1);
    expect(widestOr(parseFilter("mail in ('a','b','c')"))).toBe(3);
    expect(widestOr(parseFilter("mail in ('a','b') or mail eq 'c' or (id eq 'd' and id eq 'e')"))).toBe(4);
    expect(widestOr(parseFilter("mail in ('a','b','c','d') and id in ('a','b')"))).toBe(4);
    expect(widestOr(parseFilter("(mail eq 'a' or mail eq 'b') and (id eq 'c' or id eq 'd' or id eq 'e')"))).toBe(3);
  });
});
