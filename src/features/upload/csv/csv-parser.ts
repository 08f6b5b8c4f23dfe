/**
 * A streaming CSV record parser (RFC 4180 quotes; comma unless another one-character delimiter is given), shared by
 * the upload checks and the prepare flow's exports (`;`, tabs, `|`): it hands each record to a callback
 * as soon as it ends, so no chunk's rows are ever held together, and it runs at about 2.3 times papaparse's speed on
 * a quoted review export (bench/README.md). It keeps papaparse's two quote complaints and where they are reported:
 *
 * - `MissingQuotes`: a quoted value still open at the end of the file; the rest of the file is that value.
 * - `InvalidQuotes`: a closing quote followed by anything but spaces and a comma or line break; the quote is kept as
 *   text and the value goes on to the next quote (`"Door "1" east"` is one value, `Door "1" east`).
 *
 * Records end at CRLF, LF or a lone CR (papaparse guessed one of them per file; a file mixing them now splits the
 * same way as its lines are counted). A quote inside an unquoted value is text, as in papaparse.
 *
 * Each record comes with the line it starts on: lines are counted as the upload check counts them (CRLF, CR or LF
 * each once, including those inside quoted values).
 */
export type CsvQuoteProblem = 'MissingQuotes' | 'InvalidQuotes';

export const quoteProblemMessages: Record<CsvQuoteProblem, string> = {
  MissingQuotes: 'A quoted value is never closed: a " is missing.',
  InvalidQuotes: 'A quoted value has a stray " in it: write "" for a quote inside a value.',
};

/** A record this long means a quoted value never ends; stop before re-scanning megabytes per chunk. */
export const maxRecordChars = 1_000_000;

export const recordTooLongMessage = `A record is longer than ${maxRecordChars / 1_000_000} million characters: a quoted value is probably never closed.`;

export type RecordHandler = (fields: string[], problem: CsvQuoteProblem | undefined, line: number) => void;

export interface CsvParserOptions {
  /** One character; a comma unless given. */
  delimiter?: string;
  /** The line the first record starts on: 1 unless given (a range of a file split between workers, csv-split.ts). */
  firstLine?: number;
}

const quote = 0x22;
const cr = 0x0d;
const lf = 0x0a;
const space = 0x20;

/** Line breaks in a quoted value: CRLF, CR or LF, each once. */
function countLineBreaks(value: string): number {
  const lfAt = value.indexOf('\n');
  const crAt = value.indexOf('\r');
  if (lfAt < 0 && crAt < 0) return 0;
  let count = 0;
  for (let i = lfAt < 0 ? crAt : crAt < 0 ? lfAt : Math.min(lfAt, crAt); i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code === lf || (code === cr && value.charCodeAt(i + 1) !== lf)) count++;
  }
  return count;
}

/** A string that shares no memory with the one it was cut from (V8 makes longer slices views of their source). */
const copyOf = (text: string): string => (text.length < 13 ? text : (JSON.parse(JSON.stringify(text)) as string));

/** Where `char` next appears in `text` from `from`, or the text's length when it does not. */
function indexOrLength(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}

export class CsvRecordParser {
  /** Text of the record not yet complete, parsed again (from its start) with the next text. */
  private rest = '';
  /** The line the next record starts on. */
  private line = 1;
  private readonly delimiter: number;
  private readonly delimiterChar: string;

  constructor(
    private readonly onRecord: RecordHandler,
    options: CsvParserOptions = {},
  ) {
    const delimiter = options.delimiter ?? ',';
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
      throw new Error(`The delimiter must be one character other than a quote or a line break, not '${delimiter}'.`);
    }
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterChar = delimiter;
    this.line = options.firstLine ?? 1;
  }

  /** The line the next record (or the one not yet complete) starts on. */
  get nextLine() {
    return this.line;
  }

  /** Whether every record pushed so far is complete: the text ended with a record's line break, outside quotes. */
  get atRecordStart() {
    return this.rest === '';
  }

  /** Whether the record not yet complete is longer than `maxRecordChars`: its quoted value probably never ends. */
  get recordTooLong() {
    return this.rest.length > maxRecordChars;
  }

  /** Parses the next piece of the text; a record that runs past its end waits for the next piece. */
  push(text: string) {
    const input = this.rest === '' ? text : this.rest + text;
    // A copy: a slice would keep the whole input alive through every garbage collection until the next push.
    this.rest = copyOf(input.slice(this.parse(input, false)));
  }

  /** The end of the text: the last record, even without a line break. */
  end() {
    const input = this.rest;
    this.rest = '';
    if (input !== '') this.parse(input, true);
  }

  /** Emits every complete record of `input` and returns where the first incomplete one starts. */
  private parse(input: string, final: boolean): number {
    const length = input.length;
    const delimiter = this.delimiter;
    let recordStart = 0;
    /** Line breaks inside the quoted values of the record so far. */
    let breaks = 0;
    let pos = 0;
    let fields: string[] = [];
    let problem: CsvQuoteProblem | undefined;
    // The first delimiter, CR and LF at or after where each was last looked for (`length`: none left). An unquoted
    // value ends at the first of the three: native searches, each run again only once passed, instead of a comparison
    // per character.
    let nextDelimiter = -1;
    let nextCr = -1;
    let nextLf = -1;
    for (;;) {
      let value: string;
      let next: number;
      if (input.charCodeAt(pos) === quote) {
        // A quoted value: up to the quote that is followed by spaces and a comma, a line break or the end.
        let from = pos + 1;
        let search = from;
        value = '';
        for (;;) {
          const closing = input.indexOf('"', search);
          if (closing < 0) {
            if (!final) return recordStart;
            // Never closed: the rest of the text is the value.
            value += input.slice(from);
            fields.push(value);
            this.onRecord(fields, problem ?? 'MissingQuotes', this.line);
            this.line += 1 + breaks + countLineBreaks(value);
            return length;
          }
          const after = input.charCodeAt(closing + 1);
          if (after === quote) {
            value += input.slice(from, closing + 1);
            from = search = closing + 2;
            continue;
          }
          if (closing + 1 >= length && !final) return recordStart;
          let end = closing + 1;
          while (input.charCodeAt(end) === space) end++;
          const code = input.charCodeAt(end);
          if (end >= length || code === delimiter || code === cr || code === lf) {
            if (end >= length && !final) return recordStart;
            value += input.slice(from, closing);
            breaks += countLineBreaks(value);
            next = end;
            break;
          }
          problem ??= 'InvalidQuotes';
          search = closing + 1;
        }
      } else {
        if (nextDelimiter < pos) nextDelimiter = indexOrLength(input, this.delimiterChar, pos);
        if (nextLf < pos) nextLf = indexOrLength(input, '\n', pos);
        if (nextCr < pos) nextCr = indexOrLength(input, '\r', pos);
        next = Math.min(nextDelimiter, nextLf, nextCr);
        if (next >= length && !final) return recordStart;
        value = input.slice(pos, next);
      }
      fields.push(value);
      const code = input.charCodeAt(next);
      if (code === delimiter) {
        pos = next + 1;
        continue;
      }
      if (next >= length) {
        this.onRecord(fields, problem, this.line);
        this.line += 1 + breaks;
        return length;
      }
      // A CR at the end of the text may be the first half of a CRLF.
      if (code === cr && next + 1 >= length && !final) return recordStart;
      pos = next + (code === cr && input.charCodeAt(next + 1) === lf ? 2 : 1);
      this.onRecord(fields, problem, this.line);
      this.line += 1 + breaks;
      breaks = 0;
      fields = [];
      problem = undefined;
      recordStart = pos;
      if (pos >= length) return length;
    }
  }
}

/** Every record of a whole text, with its line and quote problem (for samples and tests). */
export function parseCsvText(text: string, options: CsvParserOptions = {}): { fields: string[]; line: number; problem?: CsvQuoteProblem }[] {
  const records: { fields: string[]; line: number; problem?: CsvQuoteProblem }[] = [];
  const parser = new CsvRecordParser((fields, problem, line) => records.push(problem ? { fields, line, problem } : { fields, line }), options);
  parser.push(text);
  parser.end();
  return records;
}
