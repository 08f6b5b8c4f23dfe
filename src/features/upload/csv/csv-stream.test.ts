import { describe, expect, it } from 'vitest';
import { checkFileFacts, maxCsvFileBytes } from './csv-file-checks';
import { csvFormats, csvHeaderLine } from './csv-formats';
import { maxReportedIssues } from './csv-row-validator';
import { maxRecordChars, readSlices, validateCsvChunks } from './csv-stream';
import { inChunks } from './csv-test-support';

const encoder = new TextEncoder();
const entra = csvFormats.entra;
const guid = (n: number) => `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21`;
const owner = '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95';

/**
 * Streams a generated Entra file of about `targetBytes` in slices of an odd size, so slices end inside
 * multi-byte characters, quoted values and CRLF pairs. Nothing holds the whole file.
 */
async function* generatedFile(targetBytes: number, sliceBytes: number, plant: { badGuidAtRow: number; duplicateOfRow: number }) {
  const expected = { rows: 0, lines: 1, badGuidLine: 0, duplicateLine: 0, duplicateOfLine: 0, bytes: 0 };
  let pending = encoder.encode(csvHeaderLine(entra));
  let row = 0;
  const rowText = (n: number) => {
    // Every 97th row has a quoted two-line value; accents everywhere.
    const custom = n % 97 === 0 ? '"Begleitung nötig,\r\nsiehe ""Zürich"" Regeln"' : 'Nachtschicht';
    return `${guid(n)},EntraIdUser,door-${n % 50},Tür ${n % 50},"Zugang, São Paulo",Physical,site-${n % 7},Gebäude ${n % 7},${owner},,${custom}\r\n`;
  };
  while (expected.bytes + pending.byteLength < targetBytes) {
    row++;
    const line = expected.lines + 1;
    let text = rowText(row);
    if (row === plant.badGuidAtRow) {
      text = text.replace(guid(row), 'not-a-guid');
      expected.badGuidLine = line;
    }
    if (row === plant.duplicateOfRow) expected.duplicateOfLine = line;
    expected.lines += row % 97 === 0 ? 2 : 1;
    const bytes = encoder.encode(text);
    const joined = new Uint8Array(pending.byteLength + bytes.byteLength);
    joined.set(pending);
    joined.set(bytes, pending.byteLength);
    pending = joined;
    while (pending.byteLength >= sliceBytes) {
      yield pending.slice(0, sliceBytes);
      expected.bytes += sliceBytes;
      pending = pending.slice(sliceBytes);
    }
  }
  // The last row repeats an earlier one.
  expected.duplicateLine = expected.lines + 1;
  yield encoder.encode(new TextDecoder().decode(pending) + rowText(plant.duplicateOfRow));
  expected.rows = row + 1;
  generatedFile.expected = expected;
}
generatedFile.expected = { rows: 0, lines: 0, badGuidLine: 0, duplicateLine: 0, duplicateOfLine: 0, bytes: 0 };

function concat(...parts: Uint8Array[]) {
  const joined = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.byteLength;
  }
  return joined;
}
async function* fromList(...chunks: Uint8Array[]) {
  yield* chunks;
}

describe('streaming validation', () => {
  it('checks a 24 MB file in odd-sized slices with exact line numbers across slice boundaries', { timeout: 60_000 }, async () => {
    let progressCalls = 0;
    const result = await validateCsvChunks(generatedFile(24_000_000, 65_521, { badGuidAtRow: 70_001, duplicateOfRow: 500 }), entra, {
      onProgress: () => progressCalls++,
    });
    const expected = generatedFile.expected;
    expect(result.rowCount).toBe(expected.rows);
    expect(result.errorCount).toBe(1);
    expect(result.warningCount).toBe(1);
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'error', line: expected.badGuidLine, column: { index: 1, name: 'PrincipalId' } }),
      { severity: 'warning', line: expected.duplicateLine, message: `The row repeats line ${expected.duplicateOfLine}.` },
    ]);
    expect(progressCalls).toBeGreaterThan(300);
  });

  it('finds text that is not UTF-8 when it first appears in a later chunk, also in a row that spans chunks', async () => {
    const rows = (from: number, to: number) =>
      Array.from({ length: to - from }, (_, n) => `${guid(from + n)},EntraIdUser,door,Door,,Physical,site,Site,${owner},,\r\n`).join('');
    const before = encoder.encode(csvHeaderLine(entra) + rows(1, 3000));
    // PermissionName holds a Windows-1252 quote (0x92), ScopeDisplayName a NUL.
    const bad = new Uint8Array([...encoder.encode(`${guid(3000)},EntraIdUser,door,Don`), 0x92, ...encoder.encode('t,,Physical,site,S'), 0]);
    const after = encoder.encode(`,${owner},,\r\n${rows(3001, 4000)}`);
    const bytes = concat(before, bad, after);
    const expected = [
      { severity: 'error', message: 'The text is not UTF-8: save the file as CSV UTF-8.', line: 3001, column: { index: 4, name: 'PermissionName' } },
      { severity: 'error', message: 'The text is not UTF-8: save the file as CSV UTF-8.', line: 3001, column: { index: 8, name: 'ScopeDisplayName' } },
    ];
    const splits = [
      inChunks(bytes, 65_536),
      // The row begins in the chunk before the one with the bad bytes...
      fromList(concat(before, bad.subarray(0, 5)), concat(bad.subarray(5), after)),
      // ...or ends in the (clean) chunk after them.
      fromList(before, bad, after),
    ];
    expect(before.byteLength).toBeGreaterThan(65_536); // Not in the first chunk, which is also sniffed for NUL bytes.
    for (const chunks of splits) {
      const result = await validateCsvChunks(chunks, entra);
      expect(result).toMatchObject({ rowCount: 3999, errorCount: 2, warningCount: 0, issues: expected });
    }
  });

  it('stops at a record that never ends instead of re-reading it for every chunk', async () => {
    const text = `${csvHeaderLine(entra)}${guid(1)},EntraIdUser,door,"Door${'x'.repeat(2 * maxRecordChars)}`;
    const result = await validateCsvChunks(inChunks(encoder.encode(text), 65_536), entra);
    expect(result.verdict).toBe('invalid');
    expect(result.issues.at(-1)?.message).toMatch(/quoted value is probably never closed/);
  });

  it('keeps the first issues and counts them all', async () => {
    const rows = Array.from({ length: 200 }, (_, n) => `bad-${n},EntraIdUser,p,P,,T,s,S,${owner},,`).join('\r\n');
    const result = await validateCsvChunks(inChunks(encoder.encode(`${csvHeaderLine(entra)}${rows}\r\n`), 4096), entra);
    expect(result.errorCount).toBe(200);
    expect(result.issues).toHaveLength(maxReportedIssues);
  });

  it('stops when the caller cancels', async () => {
    const controller = new AbortController();
    async function* endless() {
      yield encoder.encode(csvHeaderLine(entra));
      controller.abort(new DOMException('Stopped', 'AbortError'));
      for (;;) yield encoder.encode(`${guid(1)},EntraIdUser,p,P,,T,s,S,${owner},,\n`);
    }
    await expect(validateCsvChunks(endless(), entra, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('reading a file in slices', () => {
  it('gives every byte in order, reading the next slice ahead', async () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 7) % 251);
    const reads: number[] = [];
    const slice = (start: number, end: number) => {
      reads.push(start);
      return { arrayBuffer: async () => bytes.slice(start, end).buffer };
    };
    const file = { name: 'a.csv', type: 'text/csv', size: bytes.byteLength, slice };
    const slices: Uint8Array[] = [];
    const copies: number[] = [];
    for await (const slice of readSlices(file, 4096)) {
      slices.push(slice);
      copies.push(...slice);
      // The next slice is already being read while this one is handled.
      if (slices.length < 3) expect(reads).toHaveLength(slices.length + 1);
    }
    expect(reads).toEqual([0, 4096, 8192]);
    expect(copies).toEqual([...bytes]);
  });
});

describe('file checks before reading', () => {
  it('wants a .csv name and a text type', () => {
    // A workbook gets exactly one error, whether its name, its type or both give it away.
    const workbook = { errors: ['This is an Excel workbook: save it as CSV UTF-8.'], warnings: [] };
    expect(checkFileFacts({ name: 'data.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 10 })).toEqual(workbook);
    expect(checkFileFacts({ name: 'old.XLS', type: 'application/vnd.ms-excel', size: 10 })).toEqual(workbook);
    expect(checkFileFacts({ name: 'macros.xlsm', type: '', size: 0 })).toEqual(workbook);
    expect(checkFileFacts({ name: 'export', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', size: 10 })).toEqual(workbook);
    expect(checkFileFacts({ name: 'export', type: 'application/vnd.ms-excel', size: 10 })).toEqual(workbook);
    expect(checkFileFacts({ name: 'sheet.ods', type: 'application/vnd.oasis.opendocument.spreadsheet', size: 10 }).errors).toHaveLength(1);
    expect(checkFileFacts({ name: 'photo.CSV', type: 'image/png', size: 10 }).errors).toEqual(['The file is image/png, not CSV text.']);
    expect(checkFileFacts({ name: 'data.csv', type: 'application/vnd.ms-excel', size: 10 })).toEqual({ errors: [], warnings: [] });
    expect(checkFileFacts({ name: 'data.csv', type: 'application/octet-stream', size: 10 }).warnings).toEqual([
      'The browser reports the file as application/octet-stream, not as CSV.',
    ]);
  });

  it('refuses empty files and files over the size limit', () => {
    expect(checkFileFacts({ name: 'a.csv', type: 'text/csv', size: 0 }).errors).toEqual(['The file is empty.']);
    expect(checkFileFacts({ name: 'a.csv', type: 'text/csv', size: maxCsvFileBytes }).errors).toEqual([]);
    expect(checkFileFacts({ name: 'a.csv', type: 'text/csv', size: maxCsvFileBytes + 1 }).errors).toEqual([
      'The file is 50,000,001 bytes; the largest file accepted is 50,000,000 bytes. Split it.',
    ]);
  });
});

describe('files over the upload limit', () => {
  it('are read to the end, every row checked, with one error saying to split them', async () => {
    const { validateCsvFile } = await import('./csv-stream');
    const text = `${csvHeaderLine(entra)}not-a-guid,EntraIdUser,p,P,,T,s,S,${owner},,\r\n`;
    const bytes = encoder.encode(text);
    // A file that says it is 60 MiB: its slices beyond the text are empty, as if the rest were never read.
    const file = { name: 'big.csv', type: 'text/csv', size: 60 * 1048576, slice: (start: number, end: number) => ({ arrayBuffer: async () => bytes.slice(start, end).buffer }) };
    const result = await validateCsvFile(file, entra);
    expect(result.verdict).toBe('invalid');
    expect(result.rowCount).toBe(1);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'The file is 62.9 MB; an upload takes at most 50 MB (a limit of this console: Graph documents none). Its rows are checked all the same: split it into smaller files (Prepare data does) to upload it.',
      expect.stringContaining("'not-a-guid' is not an Entra object ID"),
    ]);
  });
});
