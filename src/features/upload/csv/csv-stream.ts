import type { CsvFormat } from './csv-formats';
import { checkFileFacts, sniffBytes, uploadSizeProblem, type FileFacts } from './csv-file-checks';
import { CsvRecordParser, quoteProblemMessages, recordTooLongMessage } from './csv-parser';
import { CsvRowValidator } from './csv-row-validator';
import type { CsvValidationResult } from './validation-result';

export { maxRecordChars } from './csv-parser';
/** Bytes looked at before parsing: enough to spot a workbook, UTF-16 or binary data. */
const sniffLength = 512;

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
  const parser = new CsvRecordParser((fields, problem) => validator.addRow(fields, problem && quoteProblemMessages[problem]));

  const push = (bytes: Uint8Array, final: boolean) => {
    const text = decoder.decode(bytes, { stream: !final });
    if (validator.isStopped) return;
    if (text !== '') {
      validator.noteText(text);
      parser.push(text);
    }
    if (final && !validator.isStopped) parser.end();
    else if (parser.recordTooLong && !validator.isStopped) validator.fail(recordTooLongMessage);
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

/** Bytes read from a file at a time. */
export const fileSliceBytes = 1024 * 1024;

/**
 * The file in slices, each read when the last is parsed. Not file.stream(): Chromium reads a stream ahead and frees
 * what it read lazily, so the page grew by more than the file's size while checking it.
 */
async function* readSlices(file: CsvFileLike): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.size; start += fileSliceBytes) {
    yield new Uint8Array(await file.slice(start, start + fileSliceBytes).arrayBuffer());
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
