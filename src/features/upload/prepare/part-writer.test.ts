import { describe, expect, it } from 'vitest';
import { PartWriter, partFileName } from './part-writer';

function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.byteLength;
  }
  return joined;
}

function collect() {
  const pieces: Uint8Array[][] = [];
  const sink = { onPiece: (part: number, bytes: Uint8Array) => (pieces[part] ??= []).push(bytes.slice()) };
  const text = () => pieces.map((part) => new TextDecoder().decode(joinBytes(part)));
  return { sink, text };
}

describe('PartWriter', () => {
  it('keeps everything in one part under the limit', () => {
    const { sink, text } = collect();
    const writer = new PartWriter('h1,h2\r\n', 100, sink);
    writer.write('a,b\r\n');
    writer.write('ü,c\r\n');
    writer.finish();
    expect(text()).toEqual(['h1,h2\r\na,b\r\nü,c\r\n']);
    expect(writer.partSizes).toEqual([7 + 5 + 6]);
    expect(writer.partRows).toEqual([2]);
  });

  it('splits at row boundaries, each part with the header and none over the limit (in UTF-8 bytes)', () => {
    const { sink, text } = collect();
    const writer = new PartWriter('h\r\n', 14, sink);
    for (const row of ['aaa\r\n', 'bbb\r\n', 'ééé\r\n', 'c\r\n']) expect(writer.write(row)).toBe(true);
    writer.finish();
    expect(text()).toEqual(['h\r\naaa\r\nbbb\r\n', 'h\r\nééé\r\nc\r\n']);
    // 'ééé' is 6 bytes: after 'h', 'aaa' and 'bbb' (13 bytes) it would make 21.
    expect(writer.partSizes).toEqual([13, 14]);
    expect(writer.partRows).toEqual([2, 2]);
  });

  it('refuses a row that cannot fit in any part', () => {
    const { sink, text } = collect();
    const writer = new PartWriter('h\r\n', 8, sink);
    expect(writer.write('toolong\r\n')).toBe(false);
    expect(writer.write('ok\r\n')).toBe(true);
    writer.finish();
    expect(text()).toEqual(['h\r\nok\r\n']);
  });

  it('sends pieces of about 1 MiB, never the whole output at once', () => {
    const sizes: number[] = [];
    const writer = new PartWriter('h\r\n', 10 * 1024 * 1024, { onPiece: (_, bytes) => sizes.push(bytes.byteLength) });
    const row = `${'x'.repeat(98)}\r\n`;
    for (let i = 0; i < 30_000; i++) writer.write(row);
    writer.finish();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(3 + 30_000 * 100);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1024 * 1024);
  });
});

describe('PartWriter over many rows', () => {
  it('fills each part as far as the limit allows, exactly, while lines wait as text between encodings', () => {
    const { sink, text } = collect();
    const encoder = new TextEncoder();
    const limit = 100_000;
    const writer = new PartWriter('h\r\n', limit, sink);
    // Rows of 1 to 3 bytes a character, in lengths that do not divide the limit.
    const rows = Array.from({ length: 5_000 }, (_, n) => `${n},${['a', 'ü', '€'][n % 3]!.repeat(n % 61)}\r\n`);
    for (const row of rows) writer.write(row);
    writer.finish();
    const parts = text();
    expect(parts.length).toBeGreaterThan(3);
    expect(parts.join('').replaceAll('h\r\n', '')).toBe(rows.join(''));
    parts.forEach((part, index) => {
      const bytes = encoder.encode(part).byteLength;
      expect(part.startsWith('h\r\n')).toBe(true);
      expect(writer.partSizes[index]).toBe(bytes);
      expect(bytes).toBeLessThanOrEqual(limit);
      // Greedy: the next part's first row would not have fitted in this one.
      const next = parts[index + 1];
      if (next) expect(bytes + encoder.encode(next.slice(3, next.indexOf('\r\n', 3) + 2)).byteLength).toBeGreaterThan(limit);
    });
    expect(writer.partRows.reduce((a, b) => a + b, 0)).toBe(rows.length);
  });
});

describe('partFileName', () => {
  it('names one part "prepared" and several "part n of m"', () => {
    expect(partFileName('badge export.csv', 0, 1)).toBe('badge export (prepared).csv');
    expect(partFileName('badge.export.txt', 1, 3)).toBe('badge.export (part 2 of 3).csv');
  });
});
