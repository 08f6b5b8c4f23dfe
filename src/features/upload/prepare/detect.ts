import { parseCsvText } from '../csv/csv-parser';

/** What the first bytes of an export say about how to read it (docs/architecture.md, "Preparing data"). */

export type SourceEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export const sourceEncodings: { id: SourceEncoding; label: string }[] = [
  { id: 'utf-8', label: 'UTF-8' },
  { id: 'utf-16le', label: 'UTF-16 LE' },
  { id: 'utf-16be', label: 'UTF-16 BE' },
  { id: 'windows-1252', label: 'Windows-1252 (Western European)' },
];

export interface EncodingGuess {
  encoding: SourceEncoding;
  /** Bytes of byte order mark to skip. */
  bomBytes: number;
  warning?: string;
}

/** Bytes read to detect the encoding, delimiter and header row, and to show the preview. */
export const sampleBytes = 64 * 1024;

export function detectEncoding(head: Uint8Array): EncodingGuess {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (starts(0xef, 0xbb, 0xbf)) return { encoding: 'utf-8', bomBytes: 3 };
  if (starts(0xff, 0xfe)) return { encoding: 'utf-16le', bomBytes: 2 };
  if (starts(0xfe, 0xff)) return { encoding: 'utf-16be', bomBytes: 2 };
  try {
    // stream: true, so a character cut by the end of the sample is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { encoding: 'utf-8', bomBytes: 0 };
  } catch {
    return {
      encoding: 'windows-1252',
      bomBytes: 0,
      warning: 'The file is not UTF-8: it is read as Windows-1252 (Western European). Check accented letters in the preview.',
    };
  }
}

/** A byte order mark, if the file has one for this encoding. */
export function bomLength(head: Uint8Array, encoding: SourceEncoding): number {
  const starts = (...bytes: number[]) => bytes.every((byte, index) => head[index] === byte);
  if (encoding === 'utf-8') return starts(0xef, 0xbb, 0xbf) ? 3 : 0;
  if (encoding === 'utf-16le') return starts(0xff, 0xfe) ? 2 : 0;
  if (encoding === 'utf-16be') return starts(0xfe, 0xff) ? 2 : 0;
  return 0;
}

export const delimiters = [
  { id: ',', label: 'Comma (,)' },
  { id: ';', label: 'Semicolon (;)' },
  { id: '\t', label: 'Tab' },
  { id: '|', label: 'Vertical bar (|)' },
] as const;

export type Delimiter = (typeof delimiters)[number]['id'];

export const isDelimiter = (value: string): value is Delimiter => delimiters.some((d) => d.id === value);

/** The sample's complete lines only: the last one may be cut. */
function completeText(sample: string): string {
  const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
  return lastBreak > 0 ? sample.slice(0, lastBreak + 1) : sample;
}

/** How many records share the most common field count above 1, and that count. */
function consistency(text: string, delimiter: string): { records: number; fields: number } {
  const counts = new Map<number, number>();
  for (const record of parseCsvText(text, { delimiter }).slice(0, 200)) {
    if (record.fields.length > 1) counts.set(record.fields.length, (counts.get(record.fields.length) ?? 0) + 1);
  }
  let best = { records: 0, fields: 1 };
  for (const [fields, records] of counts) {
    if (records > best.records || (records === best.records && fields > best.fields)) best = { records, fields };
  }
  return best;
}

/**
 * The delimiter under which the most records have the same number of fields (more than one): title lines and
 * commas inside text do not sway it the way counting characters would.
 */
export function detectDelimiter(sample: string): Delimiter {
  const text = completeText(sample);
  let best: { delimiter: Delimiter; records: number; fields: number } = { delimiter: ',', records: 0, fields: 1 };
  for (const { id } of delimiters) {
    const score = consistency(text, id);
    if (score.records > best.records || (score.records === best.records && score.fields > best.fields)) best = { delimiter: id, ...score };
  }
  return best.delimiter;
}

/**
 * The index (0-based, among the sample's records) of the header row: the first record with the usual number of
 * fields and a name in each, so title lines above it ("Badge export;;;", "Generated 2026-11-20") are skipped.
 */
export function detectHeaderRow(records: readonly string[][]): number {
  const counts = new Map<number, number>();
  for (const fields of records) if (fields.length > 1) counts.set(fields.length, (counts.get(fields.length) ?? 0) + 1);
  let usual = 0;
  let most = 0;
  for (const [fields, count] of counts) {
    if (count > most || (count === most && fields > usual)) [usual, most] = [fields, count];
  }
  if (usual === 0) return 0;
  const full = records.findIndex((fields) => fields.length === usual && fields.every((field) => field.trim() !== ''));
  if (full >= 0) return full;
  return Math.max(0, records.findIndex((fields) => fields.length === usual));
}

/** Decodes the sample as the encoding says, without its BOM. */
export function decodeSample(head: Uint8Array, encoding: SourceEncoding): string {
  return new TextDecoder(encoding).decode(head.subarray(bomLength(head, encoding)), { stream: true });
}

export interface SourceSample {
  encoding: EncodingGuess;
  delimiter: Delimiter;
  /** Records of the sample (the last, possibly cut, left out). */
  records: string[][];
  headerRow: number;
}

export interface SampleChoice {
  encoding?: SourceEncoding;
  delimiter?: Delimiter;
  /** The sample is the whole file: its last line is complete even without a line break. */
  wholeFile?: boolean;
}

/** Everything the Read step shows, from the file's first bytes. */
export function readSample(head: Uint8Array, choice: SampleChoice = {}): SourceSample {
  const guess = detectEncoding(head);
  const encoding: EncodingGuess = choice.encoding && choice.encoding !== guess.encoding ? { encoding: choice.encoding, bomBytes: bomLength(head, choice.encoding) } : guess;
  const decoded = decodeSample(head, encoding.encoding);
  const text = choice.wholeFile ? decoded : completeText(decoded);
  const delimiter = choice.delimiter ?? detectDelimiter(text);
  const records = parseCsvText(text, { delimiter })
    .map((record) => record.fields)
    .filter((fields) => !(fields.length === 1 && fields[0] === ''));
  return { encoding, delimiter, records, headerRow: detectHeaderRow(records) };
}
