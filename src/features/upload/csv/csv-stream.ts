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
  const decoder = new TextDecoder('utf-8');
  const parser = new CsvRecordParser((fields, problem, line) => validator.addRow(fields, problem && quoteProblemMessages[problem], line));

  const pushText = (text: string, final = false) => {
    if (validator.isStopped || text === '') return;
    validator.noteText(text);
    parser.push(text);
    if (!final && parser.recordTooLong && !validator.isStopped) validator.fail(recordTooLongMessage);
  };
  const push = (bytes: Uint8Array, final: boolean) => {
    // Decoded a piece at a time (decodeBytes), parsed and dropped before the next.
    for (let at = 0; at < bytes.byteLength && !validator.isStopped; at += decodeBytes) {
      pushText(decoder.decode(bytes.subarray(at, at + decodeBytes), { stream: true }));
    }
    if (!final) return;
    pushText(decoder.decode(), true);
    if (!validator.isStopped) parser.end();
  };

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
      push(head, false);
    } else {
      push(chunk, false);
    }
    options.onProgress?.(bytesRead);
    if (validator.isStopped) break;
  }
  if (!sniffed && startAfterSniff(head, validator)) push(head, false);
  if (!validator.isStopped) push(new Uint8Array(0), true);
  return validator.finish();
}

function startAfterSniff(head: Uint8Array, validator: CsvRowValidator): boolean {
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
 * Chromium reads a stream ahead and frees what it read lazily; and a BYOB reader on it crashed the browser.
 */
export async function* readSlices(file: CsvFileLike, sliceBytes = fileSliceBytes): AsyncGenerator<Uint8Array> {
  const read = (start: number) => {
    const reading = file.slice(start, start + sliceBytes).arrayBuffer();
    // Handled here too, so that a read still under way when the reader stops early is no unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next = file.size > 0 ? read(0) : undefined;
  for (let start = 0; next; start += sliceBytes) {
    const buffer = await next;
    next = start + sliceBytes < file.size ? read(start + sliceBytes) : undefined;
    yield new Uint8Array(buffer);
  }
}

/**
 * Every check for one file: name, type and size first, then its content, slice by slice, whatever its size (memory
 * stays flat). A file over the upload limit (`maxCsvFileBytes`) is read all the same, with an error saying to split it.
 */
export async function validateCsvFile(file: CsvFileLike, format: CsvFormat, options: ValidateOptions = {}) {
  const validator = new CsvRowValidator(format);
  const facts = checkFileFacts(file, Number.POSITIVE_INFINITY);
  const tooLarge = uploadSizeProblem(file.size);
  if (tooLarge && facts.errors.length === 0) validator.error(tooLarge);
  for (const warning of facts.warnings) validator.warn(warning);
  if (facts.errors.length > 0) {
    for (const error of facts.errors) validator.fail(error);
    return validator.finish();
  }
  return validateCsvChunks(readSlices(file), format, options, validator);
}
