import { describe, expect, it } from 'vitest';
import { hashRow } from './csv-values';
import { RowHashSet } from './row-hash-set';

describe('RowHashSet', () => {
  it('gives the first line of a hash seen before, and keeps that line', () => {
    const set = new RowHashSet();
    expect(set.add(12345, 2)).toBeUndefined();
    expect(set.add(12345, 7)).toBe(2);
    expect(set.add(12345, 9)).toBe(2);
    expect(set.size).toBe(1);
  });

  it('holds hash 0 and the largest 53-bit hash like any other', () => {
    const set = new RowHashSet();
    expect(set.add(0, 1)).toBeUndefined();
    expect(set.add(Number.MAX_SAFE_INTEGER, 2)).toBeUndefined();
    expect([set.add(0, 3), set.add(Number.MAX_SAFE_INTEGER, 4)]).toEqual([1, 2]);
  });

  it('tells apart hashes that share their low 32 bits, so share a slot', () => {
    const set = new RowHashSet(4);
    const low = 0xdeadbeef;
    for (let high = 0; high < 20; high++) expect(set.add(high * 2 ** 32 + low, high + 1)).toBeUndefined();
    for (let high = 0; high < 20; high++) expect(set.add(high * 2 ** 32 + low, 100)).toBe(high + 1);
  });

  it('keeps every row through many growths, as a Map would', () => {
    const set = new RowHashSet(2);
    const map = new Map<number, number>();
    const got: (number | undefined)[] = [];
    const expected: (number | undefined)[] = [];
    for (let line = 1; line <= 50_000; line++) {
      // Every fifth row repeats an earlier one.
      const hash = hashRow([String(line % 5 === 0 ? line >> 2 : line)]);
      const earlier = map.get(hash);
      if (earlier === undefined) map.set(hash, line);
      expected.push(earlier);
      got.push(set.add(hash, line));
    }
    expect(got).toEqual(expected);
    expect(set.size).toBe(map.size);
    expect(expected.filter((line) => line !== undefined).length).toBeGreaterThan(5_000); // Many repeats were found.
  });
});

describe('RowHashSet at its largest size', () => {
  it('stops remembering new rows at 3/4 of its largest size, still finds the rows it holds, and never grows past it', () => {
    const set = new RowHashSet(2, 64);
    const hash = (n: number) => hashRow([`row ${n}`]);
    for (let line = 1; line <= 100; line++) expect(set.add(hash(line), line)).toBeUndefined();
    expect(set.isFull).toBe(true);
    expect(set.size).toBe(48); // 3/4 of 64 slots.
    // The first 48 rows are found again with their lines; the later ones were not remembered.
    for (let line = 1; line <= 48; line++) expect(set.add(hash(line), 1000 + line)).toBe(line);
    for (let line = 49; line <= 100; line++) expect(set.add(hash(line), 1000 + line)).toBeUndefined();
    expect(set.size).toBe(48);
  });

  it('reports no repeat among a million different rows (the false-positive bound in row-hash-set.ts)', () => {
    const set = new RowHashSet();
    let repeats = 0;
    for (let line = 1; line <= 1_000_000; line++) if (set.add(hashRow([String(line), 'EntraIdUser']), line) !== undefined) repeats++;
    expect(repeats).toBe(0);
    expect(set.isFull).toBe(false);
  });
});
