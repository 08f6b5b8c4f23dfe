import { describe, expect, it } from 'vitest';
import { csvFormats, csvHeaderLine } from './csv-formats';
import { checkRange } from './csv-range';
import { findRecordStart, rangeCount, splitBounds, splitMinBytes, validateSplitCsvFile, type RunRange } from './csv-split';
import { validateCsvFile } from './csv-stream';

const encoder = new TextEncoder();
const entra = csvFormats.entra;
const owner = '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95';

/** mulberry32: the same files on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A small Entra file full of what a cut can land in: quoted values holding CRLF, LF, CR and quotes, blank lines,
 * repeated rows, bad object IDs (more than the 50 issues kept), formula cells, rows without owners, short rows, stray
 * quotes, a BOM in the middle, text that is not UTF-8, CRLF, LF and CR line ends, with or without a last line break.
 */
function adversarialFile(seed: number, rows: number, options: { bom?: boolean; lastBreak?: string } = {}): Uint8Array {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)]!;
  const guid = (n: number) => `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21`;
  const breaks = ['\r\n', '\n', '\r\n', '\n', '\r'];
  const written: string[] = [];
  const parts: Uint8Array[] = [encoder.encode(`${options.bom ? '\uFEFF' : ''}${csvHeaderLine(entra).trimEnd()}`)];
  for (let n = 1; n <= rows; n++) {
    const kind = rand();
    const description = pick(['', 'plain', '"two\r\nlines"', '"a\nb, ""c"""', '"cr\ronly"', '"\n"', '"ends with\r\n"', '=SUM(A1)', 'Tür ✓']);
    let row = [n % 7 === 0 ? 'not-a-guid' : guid(n), 'EntraIdUser', `p${n % 5}`, 'P', description, 'T', 's', 'S', n % 4 === 0 ? '' : owner, '', pick(['', '-1', '@x', 'ok'])].join(',');
    if (kind < 0.1 && written.length > 0) row = pick(written);
    else if (kind < 0.14) row = 'short,row';
    else if (kind < 0.17) row = `${guid(n)},EntraIdUser,"stray"x,P,,T,s,S,${owner},,`;
    written.push(row);
    parts.push(encoder.encode(pick(breaks)));
    if (rand() < 0.08) parts.push(encoder.encode(pick(['\r\n', '\n', '\n\n', '\uFEFF'])));
    if (rand() < 0.02) parts.push(new Uint8Array([0xc3])); // half a character: U+FFFD
    parts.push(encoder.encode(row));
  }
  if (options.lastBreak) parts.push(encoder.encode(options.lastBreak));
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

const fileOf = (bytes: Uint8Array, name = 'export.csv') => ({
  name,
  type: 'text/csv',
  size: bytes.byteLength,
  slice: (start: number, end: number) => ({ arrayBuffer: async () => bytes.slice(start, end).buffer }),
});

/** The later ranges checked in this thread, their findings cloned as postMessage clones them. */
const inProcess =
  (file: ReturnType<typeof fileOf>): RunRange =>
  async (index, bounds, signal, onProgress) =>
    structuredClone(await checkRange(file, entra, bounds, index, { signal, onProgress }));

describe('a file split between workers', () => {
  it.each([
    ['CRLF at the end', 1, { bom: true, lastBreak: '\r\n' }],
    ['no last line break', 2, {}],
    ['a lone CR at the end', 3, { lastBreak: '\r' }],
    ['blank lines at the end', 4, { lastBreak: '\n\n\r\n' }],
  ])('gives exactly the result of one pass, wherever its one cut falls (%s)', async (_, seed, options) => {
    const bytes = adversarialFile(seed, 40, options);
    const file = fileOf(bytes);
    const expected = await validateCsvFile(file, entra);
    expect(expected.issues.length).toBeGreaterThan(10);
    let used = 0;
    for (let cut = 1; cut < bytes.byteLength; cut++) {
      let taken = false;
      const run = inProcess(file);
      const result = await validateSplitCsvFile(file, entra, [0, cut, bytes.byteLength], async (...args) => {
        const range = await run(...args);
        taken = range !== undefined;
        return range;
      });
      expect(result, `cut at byte ${cut}`).toEqual(expected);
      if (taken && bytes[cut - 1] === 0x0a) used++;
    }
    // Most cuts after an LF are used (the others are inside quoted values, or before the header ends).
    expect(used).toBeGreaterThan(20);
  });

  it('gives the same result with more issues than are kept, repeats across ranges and three or four ranges', async () => {
    const bytes = adversarialFile(7, 400, { lastBreak: '\r\n' });
    const file = fileOf(bytes);
    const expected = await validateCsvFile(file, entra);
    expect(expected.errorCount).toBeGreaterThan(50);
    expect(expected.issues).toHaveLength(51); // The 50 kept and the one about formula cells.
    expect(expected.issues.filter((issue) => issue.message.startsWith('The row repeats')).length).toBeGreaterThan(3);
    const rand = random(99);
    for (let trial = 0; trial < 400; trial++) {
      const cuts = Array.from({ length: 2 + (trial % 2) }, () => 1 + Math.floor(rand() * (bytes.byteLength - 1))).sort((a, b) => a - b);
      const bounds = [0, ...new Set(cuts), bytes.byteLength];
      expect(await validateSplitCsvFile(file, entra, bounds, inProcess(file)), `bounds ${bounds.join(' ')}`).toEqual(expected);
    }
  });

  it('reads on itself when a range fails or is not there', async () => {
    const bytes = adversarialFile(11, 60, {});
    const file = fileOf(bytes);
    const expected = await validateCsvFile(file, entra);
    const bounds = await splitBounds(file, 3);
    expect(bounds).toHaveLength(4);
    const failing: RunRange = async () => {
      throw new Error('The worker could not start');
    };
    expect(await validateSplitCsvFile(file, entra, bounds, failing)).toEqual(expected);
    const secondFails: RunRange = (index, ...rest) => (index === 2 ? Promise.resolve(undefined) : inProcess(file)(index, ...rest));
    expect(await validateSplitCsvFile(file, entra, bounds, secondFails)).toEqual(expected);
  });

  it('stops early as one pass does: a header with other delimiters, a record that never ends', async () => {
    const semicolons = encoder.encode(`${entra.columns.map((column) => column.name).join(';')}\r\n${'a;b\r\n'.repeat(200)}`);
    const unclosed = encoder.encode(`${csvHeaderLine(entra)}${`${owner},EntraIdUser,p,P,,T,s,S,${owner},,\r\n`.repeat(50)}x,"${'y\n'.repeat(600_000)}`);
    for (const bytes of [semicolons, unclosed]) {
      const file = fileOf(bytes);
      const expected = await validateCsvFile(file, entra);
      expect(expected.verdict).toBe('invalid');
      for (const cut of [bytes.byteLength >> 2, bytes.byteLength >> 1, bytes.byteLength - 7]) {
        expect(await validateSplitCsvFile(file, entra, [0, cut, bytes.byteLength], inProcess(file))).toEqual(expected);
      }
    }
  });

  it('reports the bytes read by every range, and stops every range when cancelled', async () => {
    const bytes = adversarialFile(5, 400, {});
    const file = fileOf(bytes);
    const progress: number[] = [];
    const bounds = await splitBounds(file, 2);
    await validateSplitCsvFile(file, entra, bounds, inProcess(file), { onProgress: (read) => progress.push(read) });
    expect(progress.at(-1)).toBe(bytes.byteLength);
    const controller = new AbortController();
    const signals: AbortSignal[] = [];
    const checking = validateSplitCsvFile(file, entra, bounds, (_index, _bounds, signal) => {
      signals.push(signal);
      controller.abort(new DOMException('Stopped', 'AbortError'));
      return new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
    }, { signal: controller.signal });
    await expect(checking).rejects.toMatchObject({ name: 'AbortError' });
    expect(signals.map((signal) => signal.aborted)).toEqual([true]);
  });
});

describe('where the ranges start', () => {
  it('starts after an LF outside quotes, told by the first quote that opens or closes a value', () => {
    const at = (text: string) => findRecordStart(encoder.encode(text));
    expect(at('abc\ndef')).toBe(4);
    // Cut inside a quoted value: the closing quote says so, and its LF is not the one.
    expect(at('lue\nmore",x\nnext')).toBe(12);
    // Cut before an opening quote: the first LF is a record's end.
    expect(at('x,y\nz,"a\nb",c\nw')).toBe(4);
    // Doubled quotes tell nothing; the next lone one does.
    expect(at('a ""b"" c\nd",e\nf')).toBe(15);
    expect(at('no line break')).toBe(-1);
  });

  it('splits only large files, in as many ranges as there are processors, at most four', async () => {
    expect(rangeCount(splitMinBytes - 1, 8)).toBe(1);
    expect(rangeCount(splitMinBytes, 1)).toBe(1);
    expect(rangeCount(splitMinBytes, 8)).toBe(2);
    expect(rangeCount(200 * 1048576, 2)).toBe(2);
    expect(rangeCount(200 * 1048576, 16)).toBe(4);
    const bytes = adversarialFile(3, 100, {});
    const bounds = await splitBounds(fileOf(bytes), 4);
    for (const bound of bounds.slice(1, -1)) expect(bytes[bound - 1]).toBe(0x0a);
  });
});
