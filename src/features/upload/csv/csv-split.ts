import type { CsvFormat } from './csv-formats';
import type { RangeResult } from './csv-range';
import { CsvSplitValidator } from './csv-split-validator';
import { checkFileFactsInto, CsvBytesChecker, fileSliceBytes, readSlices, startAfterSniff, type CsvFileLike, type ValidateOptions } from './csv-stream';
import type { CsvValidationResult } from './validation-result';

/**
 * A large file's checks split between workers (docs/architecture.md, the CSV checks): the file is cut into ranges
 * that each start after a line break, every later range is checked by a worker of its own (csv-range.ts), and the
 * first range's checks absorb their findings in order, so the result is exactly one pass's.
 */

/** Files from this size are split: below it, starting the workers costs more than they save. */
export const splitMinBytes = 16 * 1024 * 1024;
/** Ranges at most: a bound on the workers, and their heaps, that one file takes (each range worker has its own). */
export const maxRanges = 4;
/** Bytes looked at after each range's nominal start for the line break it starts after. */
const startWindowBytes = 64 * 1024;

/** How many ranges a file is checked in, given the browser's logical processors. */
export function rangeCount(size: number, cores: number): number {
  if (size < splitMinBytes || cores < 2) return 1;
  return Math.max(1, Math.min(cores, maxRanges, Math.floor(size / (splitMinBytes / 2))));
}

const lf = 0x0a;
const cr = 0x0d;
const quote = 0x22;
const comma = 0x2c;
const endsValue = (byte: number | undefined) => byte === comma || byte === lf || byte === cr;

/**
 * Where, in bytes cut from the middle of a file, a record most likely starts: after the first LF outside quotes,
 * taking the first quote whose neighbours tell whether it opens or closes a value (not a doubled one) to know
 * whether the cut is inside quotes. A guess: the range before checks it (`checkRange`) and a wrong one only costs
 * time. -1 when the bytes hold no such LF.
 */
export function findRecordStart(bytes: Uint8Array): number {
  let quotes = 0;
  let insideAtStart = false;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] !== quote) continue;
    const [before, after] = [bytes[at - 1], bytes[at + 1]];
    if (before !== quote && after !== quote && at > 0 && at + 1 < bytes.length) {
      const opens = endsValue(before) && !endsValue(after);
      const closes = endsValue(after) && !endsValue(before);
      if (opens || closes) {
        // Outside quotes just before an opening quote, inside before a closing one.
        insideAtStart = (quotes % 2 === 1) === opens;
        break;
      }
    }
    quotes++;
  }
  let inside = insideAtStart;
  for (let at = 0; at < bytes.length; at++) {
    if (bytes[at] === quote) inside = !inside;
    else if (bytes[at] === lf && !inside) return at + 1;
  }
  return -1;
}

/** The file's start, the start of each later range (after a line break, where one was found) and its size. */
export async function splitBounds(file: CsvFileLike, ranges: number): Promise<number[]> {
  const bounds = [0];
  for (let k = 1; k < ranges; k++) {
    const nominal = Math.floor((file.size * k) / ranges);
    const window = new Uint8Array(await file.slice(nominal, Math.min(file.size, nominal + startWindowBytes)).arrayBuffer());
    const found = findRecordStart(window);
    if (found >= 0 && nominal + found > bounds.at(-1)! && nominal + found < file.size) bounds.push(nominal + found);
  }
  bounds.push(file.size);
  return bounds;
}

/** Starts the checks of range `index` (in another worker); rejects or gives undefined when they cannot be used. */
export type RunRange = (index: number, bounds: readonly number[], signal: AbortSignal, onProgress: (bytesRead: number) => void) => Promise<RangeResult | undefined>;

/**
 * Every check for one file split at `bounds` (splitBounds), the later ranges run by `runRange`. This worker checks
 * the first range; at each bound where its record ends, it takes the findings of the range starting there and of
 * those that follow it; where one does not end (or a range failed), it reads on itself and drops that range.
 */
export async function validateSplitCsvFile(file: CsvFileLike, format: CsvFormat, bounds: readonly number[], runRange: RunRange, options: ValidateOptions = {}): Promise<CsvValidationResult> {
  const validator = new CsvSplitValidator(format);
  if (!checkFileFactsInto(file, validator)) return validator.finish();
  const last = bounds.length - 1;
  /** Bytes read by this worker and by each later range: the progress of the whole file. */
  let ownRead = 0;
  const read = new Array<number>(last).fill(0);
  const progress = () => options.onProgress?.(Math.min(file.size, read.reduce((sum, bytes) => sum + bytes, ownRead)));
  const controllers = bounds.map(() => new AbortController());
  const stopAll = () => controllers.forEach((controller) => controller.abort());
  options.signal?.addEventListener('abort', stopAll, { once: true });
  const results = bounds.map((_, index) => {
    if (index === 0 || index >= last) return undefined;
    const result = runRange(index, bounds, controllers[index]!.signal, (bytes) => {
      read[index] = bytes;
      progress();
    });
    // Handled where it is awaited; a range not awaited (dropped) must not be an unhandled rejection.
    result.catch(() => undefined);
    return result;
  });
  const take = async (index: number) => (await results[index]?.catch(() => undefined)) ?? undefined;
  try {
    let checker = new CsvBytesChecker(validator);
    // The bytes one pass sniffs: its first slice.
    const head = new Uint8Array(await file.slice(0, Math.min(file.size, fileSliceBytes)).arrayBuffer());
    if (!startAfterSniff(head, validator)) return validator.finish();
    for (let index = 1; index <= last && !validator.isStopped; index++) {
      for await (const slice of readSlices(file, undefined, bounds[index - 1], bounds[index])) {
        options.signal?.throwIfAborted();
        checker.push(slice);
        ownRead += slice.byteLength;
        progress();
        if (validator.isStopped) break;
      }
      if (index === last || validator.isStopped) break;
      if (!checker.atRecordStart || !validator.hasHeader) {
        controllers[index]!.abort();
        continue;
      }
      // The ranges from here on, as long as each ends where the next starts.
      let lineOffset = checker.nextLine - 1;
      let next = index;
      for (let result = await take(next); result; result = await take(next)) {
        validator.absorb(result.partial, lineOffset);
        lineOffset += result.partial.lines;
        if (result.end === file.size || validator.isStopped) return validator.finish();
        next = bounds.indexOf(result.end);
      }
      // Range `next` could not be used: this worker reads on from its start.
      checker = new CsvBytesChecker(validator, { firstLine: lineOffset + 1, ignoreBOM: true });
      index = next;
    }
    options.signal?.throwIfAborted();
    checker.end();
    return validator.finish();
  } finally {
    stopAll();
    options.signal?.removeEventListener('abort', stopAll);
  }
}
