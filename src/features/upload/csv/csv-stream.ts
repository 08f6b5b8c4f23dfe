import type { CsvFormat } from './csv-formats';
import { checkFileFacts, sniffBytes, uploadSizeProblem, type FileFacts } from './csv-file-checks';
import { CsvRecordParser, quoteProblemMessages, recordTooLongMessage } from './csv-parser';
import { CsvRowValidator } from './csv-row-validator';
import type { CsvValidationResult } from './validation-result';

export { maxRecordChars } from './csv-parser';
/** Bytes looked at before parsing: enough to spot a workbook, UTF-16 or binary data. */
const sniffLength = 512;
/**
 * Bytes decoded at a time. Their text is young garbage: small pieces keep what survives each minor garbage collection
 * small, so V8 keeps its young generation small too (with 1 MiB at a time the worker's heap grew by about 40 MiB).
 */
const decodeBytes = 8 * 1024;

export interface ValidateOptions {
  signal?: AbortSignal;
  /** Bytes read so far, after each chunk. */
  onProgress?: (bytesRead: number) => void;
}

/**
 * Validates CSV bytes as they stream in: decoded as UTF-8 (a BOM is dropped), parsed record by record
 * (`csv-parser.ts`) and checked by the row validator as each record ends. Only the current chunk and one partial
 * record are held in memory.
 */
export async function validateCsvChunks(
  chunks: AsyncIterable<Uint8Array>,
  format: CsvFormat,
  options: ValidateOptions = {},
  validator = new CsvRowValidator(format),
): Promise<CsvValidationResult> {
  const checker = new CsvBytesChecker(validator);
  let head: Uint8Array = new Uint8Array(0);
  let sniffed = false;
  let bytesRead = 0;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    bytesRead += chunk.byteLength;
    if (!sniffed) {
      head = concat(head, chunk);
      if (head.byteLength < sniffLength) continue;
      sniffed = true;
      if (!startAfterSniff(head, validator)) break;
      checker.push(head);
    } else {
      checker.push(chunk);
    }
    options.onProgress?.(bytesRead);
    if (validator.isStopped) break;
  }
  if (!sniffed && startAfterSniff(head, validator)) checker.push(head);
  checker.end();
  return validator.finish();
}

/**
 * Bytes to the row validator: decoded as UTF-8, parsed record by record (`csv-parser.ts`) and checked as each record
 * ends. A range of a file split between workers (csv-split.ts) starts after a line break, with its own line numbers
 * (`firstLine`) and any BOM taken as text (`ignoreBOM`): the file's start is the only place a BOM is dropped.
 */
export class CsvBytesChecker {
  private readonly decoder: TextDecoder;
  private readonly parser: CsvRecordParser;
  private lastByte = -1;

  constructor(
    readonly validator: CsvRowValidator,
    options: { firstLine?: number; ignoreBOM?: boolean } = {},
  ) {
    this.decoder = new TextDecoder('utf-8', { ignoreBOM: options.ignoreBOM ?? false });
    this.parser = new CsvRecordParser((fields, problem, line) => validator.addRow(fields, problem && quoteProblemMessages[problem], line), {
      firstLine: options.firstLine,
    });
  }

  /** The line the next record starts on. */
  get nextLine() {
    return this.parser.nextLine;
  }

  /**
   * Whether the bytes so far end with a complete record: after an LF (a whole character, so the decoder holds
   * nothing) outside quotes.
   */
  get atRecordStart() {
    return this.lastByte === 0x0a && this.parser.atRecordStart;
  }

  /** Decoded a piece at a time (decodeBytes), parsed and dropped before the next. */
  push(bytes: Uint8Array) {
    const validator = this.validator;
    if (bytes.byteLength > 0) this.lastByte = bytes[bytes.byteLength - 1]!;
    for (let at = 0; at < bytes.byteLength && !validator.isStopped; at += decodeBytes) {
      this.pushText(this.decoder.decode(bytes.subarray(at, at + decodeBytes), { stream: true }), false);
    }
  }

  /** The end of the file: the last record, even without a line break. */
  end() {
    if (this.validator.isStopped) return;
    this.pushText(this.decoder.decode(), true);
    if (!this.validator.isStopped) this.parser.end();
  }

  private pushText(text: string, final: boolean) {
    const validator = this.validator;
    if (validator.isStopped || text === '') return;
    validator.noteText(text);
    this.parser.push(text);
    if (!final && this.parser.recordTooLong && !validator.isStopped) validator.fail(recordTooLongMessage);
  }
}

/** The first bytes' checks (a workbook, UTF-16, binary data): false when the rest need not be read. */
export function startAfterSniff(head: Uint8Array, validator: CsvRowValidator): boolean {
  const sniff = sniffBytes(head);
  validator.hasBom = sniff.hasBom;
  if (sniff.problem) validator.fail(sniff.problem);
  return !sniff.problem;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

export interface CsvFileLike extends FileFacts {
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/**
 * Bytes read from a file at a time. Each File.slice().arrayBuffer() costs the worker about 2 ms on this machine
 * (profiles in bench/README.md): 256 KiB slices halved the worker's heap but spent a sixth of its time reading.
 */
export const fileSliceBytes = 1024 * 1024;

/**
 * The file in slices, the next one read while this one is parsed, so at most two are in use. Dead slices are left to
 * the garbage collector: detaching each with `transfer(0)` looked like freeing it, but in Chromium 156 the renderer
 * then grew by the file's whole size while reading it with no other work (bench/README.md). Not file.stream():
 * Chromium reads a stream ahead and frees what it read lazily; and a BYOB reader on it crashed the browser. `from` and
 * `to`: only those bytes (a range of a split file, csv-split.ts).
 */
export async function* readSlices(file: Pick<CsvFileLike, 'size' | 'slice'>, sliceBytes = fileSliceBytes, from = 0, to = file.size): AsyncGenerator<Uint8Array> {
  const read = (start: number) => {
    const reading = file.slice(start, Math.min(start + sliceBytes, to)).arrayBuffer();
    // Handled here too, so that a read still under way when the reader stops early is no unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next = from < to ? read(from) : undefined;
  for (let start = from; next; start += sliceBytes) {
    const buffer = await next;
    next = start + sliceBytes < to ? read(start + sliceBytes) : undefined;
    yield new Uint8Array(buffer);
  }
}

/**
 * Every check for one file: name, type and size first, then its content, slice by slice, whatever its size (memory
 * stays flat). A file over the upload limit (`maxCsvFileBytes`) is read all the same, with an error saying to split it.
 */
export async function validateCsvFile(file: CsvFileLike, format: CsvFormat, options: ValidateOptions = {}) {
  const validator = new CsvRowValidator(format);
  if (!checkFileFactsInto(file, validator)) return validator.finish();
  return validateCsvChunks(readSlices(file), format, options, validator);
}

/** The checks of the file's name, type and size, reported to the validator: false when its content need not be read. */
export function checkFileFactsInto(file: FileFacts, validator: CsvRowValidator): boolean {
  const facts = checkFileFacts(file, Number.POSITIVE_INFINITY);
  const tooLarge = uploadSizeProblem(file.size);
  if (tooLarge && facts.errors.length === 0) validator.error(tooLarge);
  for (const warning of facts.warnings) validator.warn(warning);
  for (const error of facts.errors) validator.fail(error);
  return facts.errors.length === 0;
}
