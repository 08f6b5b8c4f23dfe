/**
 * A streaming RFC 4180 reader for any one-character delimiter: text goes in chunk by chunk, records come out with
 * the line each starts on. Only the unfinished last record is kept between chunks. The upload feature's own reader
 * (csv/csv-stream.ts) reads commas only, since uploads must be comma-separated; exports are not.
 */

export type RecordHandler = (fields: string[], line: number, problem?: string) => void;

/** A record this long means a quoted value never ends. */
export const maxRecordChars = 1_000_000;

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

export class DelimitedParser {
  private rest = '';
  private line = 1;
  private readonly delimiter: number;
  private failed = false;

  constructor(
    delimiter: string,
    private readonly onRecord: RecordHandler,
  ) {
    if (delimiter.length !== 1) throw new Error(`The delimiter must be one character, not '${delimiter}'.`);
    this.delimiter = delimiter.charCodeAt(0);
  }

  /** Whether a record grew past maxRecordChars: reading stopped there. */
  get stopped() {
    return this.failed;
  }

  push(text: string) {
    if (this.failed) return;
    const consumed = this.parse(this.rest + text, false);
    this.rest = consumed.rest;
    if (this.rest.length > maxRecordChars) {
      this.failed = true;
      this.onRecord([], this.line, `A record is longer than ${maxRecordChars / 1_000_000} million characters: a quoted value is probably never closed.`);
    }
  }

  end() {
    if (this.failed) return;
    if (this.rest !== '') this.parse(this.rest, true);
    this.rest = '';
  }

  /** Emits every complete record of `text`; returns what is left for the next chunk (nothing when final). */
  private parse(text: string, final: boolean): { rest: string } {
    const delimiter = this.delimiter;
    const length = text.length;
    let start = 0;
    while (start < length) {
      const fields: string[] = [];
      let i = start;
      let breaks = 0;
      let problem: string | undefined;
      for (;;) {
        if (i < length && text.charCodeAt(i) === QUOTE) {
          // A quoted value: up to the quote that is not doubled.
          let close = text.indexOf('"', i + 1);
          while (close >= 0 && text.charCodeAt(close + 1) === QUOTE) close = text.indexOf('"', close + 2);
          if (close < 0 || (close === length - 1 && !final)) {
            if (!final) return { rest: text.slice(start) };
            problem = 'A quoted value is never closed: a " is missing.';
            const value = text.slice(i + 1);
            breaks += countBreaks(value);
            fields.push(value.replaceAll('""', '"'));
            i = length;
            break;
          }
          const raw = text.slice(i + 1, close);
          breaks += countBreaks(raw);
          let value = raw.includes('"') ? raw.replaceAll('""', '"') : raw;
          i = close + 1;
          // Text after the closing quote, before the next delimiter: kept, but the record is flagged.
          if (i < length) {
            const next = text.charCodeAt(i);
            if (next !== delimiter && next !== CR && next !== LF) {
              problem ??= 'A quoted value has a stray " in it: write "" for a quote inside a value.';
              let end = i;
              while (end < length) {
                const code = text.charCodeAt(end);
                if (code === delimiter || code === CR || code === LF) break;
                end++;
              }
              value += text.slice(i, end);
              i = end;
            }
          }
          fields.push(value);
        } else {
          let end = i;
          while (end < length) {
            const code = text.charCodeAt(end);
            if (code === delimiter || code === CR || code === LF) break;
            end++;
          }
          fields.push(text.slice(i, end));
          i = end;
        }
        if (i >= length) {
          if (!final) return { rest: text.slice(start) };
          break;
        }
        const code = text.charCodeAt(i);
        if (code === delimiter) {
          i++;
          continue;
        }
        // A line break ends the record: CRLF, LF or a lone CR. A CR at the end of a chunk waits for its LF.
        if (code === CR) {
          if (i + 1 >= length && !final) return { rest: text.slice(start) };
          i += text.charCodeAt(i + 1) === LF ? 2 : 1;
        } else {
          i++;
        }
        break;
      }
      this.onRecord(fields, this.line, problem);
      this.line += 1 + breaks;
      start = i;
    }
    return { rest: '' };
  }
}

function countBreaks(value: string): number {
  let count = 0;
  for (let at = value.indexOf('\n'); at >= 0; at = value.indexOf('\n', at + 1)) count++;
  return count;
}

/** Every record of a whole text (for previews and tests). */
export function parseDelimited(text: string, delimiter: string): { fields: string[]; line: number; problem?: string }[] {
  const records: { fields: string[]; line: number; problem?: string }[] = [];
  const parser = new DelimitedParser(delimiter, (fields, line, problem) => records.push(problem ? { fields, line, problem } : { fields, line }));
  parser.push(text);
  parser.end();
  return records;
}
