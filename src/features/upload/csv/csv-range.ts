import type { CsvFormat } from './csv-formats';
import { CsvRecordParser } from './csv-parser';
import type { RangePartial } from './csv-range-partial';
import { CsvSplitValidator } from './csv-split-validator';
import { CsvBytesChecker, readSlices, type CsvFileLike } from './csv-stream';

/** Bytes of the header's search decoded at a time: the header is usually in the first few. */
const headerPieceBytes = 8 * 1024;

export interface RangeOptions {
  signal?: AbortSignal;
  /** Bytes of this range read so far. */
  onProgress?: (bytesRead: number) => void;
}

/** A later range's findings (`partial`) and where they end: a boundary of `bounds` where a record ends, or the file's end. */
export interface RangeResult {
  end: number;
  partial: RangePartial;
}

/**
 * The checks of range `index` of a file split at `bounds` (csv-split.ts: the file's start, the ranges' starts, its
 * size), as one pass over the whole file would make them, if the range starts where a record does. It reads the file's
 * header first (the first record that is not blank, found before the range's start), then its own bytes, and at each
 * later bound where a record ends it stops; where one does not (a quoted value holds that line break), it goes on to
 * the next, as the range after it is then not used. Undefined when no header ends before its start.
 */
export async function checkRange(file: CsvFileLike, format: CsvFormat, bounds: readonly number[], index: number, options: RangeOptions = {}): Promise<RangeResult | undefined> {
  const validator = new CsvSplitValidator(format, { laterRange: true });
  const start = bounds[index]!;
  if (!(await readHeader(file, start, validator, options.signal))) return undefined;
  validator.startRange();
  const checker = new CsvBytesChecker(validator, { ignoreBOM: true });
  let bytesRead = 0;
  for (let next = index + 1; next < bounds.length; next++) {
    for await (const slice of readSlices(file, undefined, bounds[next - 1], bounds[next])) {
      options.signal?.throwIfAborted();
      checker.push(slice);
      bytesRead += slice.byteLength;
      options.onProgress?.(bytesRead);
      if (validator.isStopped) return { end: bounds[next]!, partial: validator.partial(checker.nextLine - 1) };
    }
    if (next < bounds.length - 1 && checker.atRecordStart) return { end: bounds[next]!, partial: validator.partial(checker.nextLine - 1) };
  }
  checker.end();
  return { end: bounds.at(-1)!, partial: validator.partial(checker.nextLine - 1) };
}

/** Gives the validator the file's header (blank records before it too), read from bytes before `before`. */
async function readHeader(file: CsvFileLike, before: number, validator: CsvSplitValidator, signal?: AbortSignal): Promise<boolean> {
  const decoder = new TextDecoder('utf-8');
  // Records after the header are the range before this one's: only those up to the header are given.
  const parser = new CsvRecordParser((fields) => {
    if (!validator.hasHeader && !validator.isStopped) validator.addRow(fields);
  });
  for await (const slice of readSlices(file, undefined, 0, before)) {
    signal?.throwIfAborted();
    for (let at = 0; at < slice.byteLength; at += headerPieceBytes) {
      parser.push(decoder.decode(slice.subarray(at, at + headerPieceBytes), { stream: true }));
      if (validator.isStopped) return false;
      if (validator.hasHeader) return true;
    }
  }
  return false;
}
