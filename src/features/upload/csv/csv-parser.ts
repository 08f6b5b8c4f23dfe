/**
 * A streaming CSV record parser (comma, RFC 4180 quotes), written for the checks: it hands each record to a callback
 * as soon as it ends, so no chunk's rows are ever held together, and it runs at about 2.3 times papaparse's speed on
 * a quoted review export (bench/README.md). It keeps papaparse's two quote complaints and where they are reported:
 *
 * - `MissingQuotes`: a quoted value still open at the end of the file; the rest of the file is that value.
 * - `InvalidQuotes`: a closing quote followed by anything but spaces and a comma or line break; the quote is kept as
 *   text and the value goes on to the next quote (`"Door "1" east"` is one value, `Door "1" east`).
 *
 * Records end at CRLF, LF or a lone CR (papaparse guessed one of them per file; a file mixing them now splits the
 * same way as its lines are counted). A quote inside an unquoted value is text, as in papaparse.
 */
export type CsvQuoteProblem = 'MissingQuotes' | 'InvalidQuotes';

export type RecordHandler = (fields: string[], problem: CsvQuoteProblem | undefined) => void;

const quote = 0x22;
const comma = 0x2c;
const cr = 0x0d;
const lf = 0x0a;
const space = 0x20;

export class CsvRecordParser {
  /** Text of the record not yet complete, parsed again (from its start) with the next text. */
  private rest = '';

  constructor(private readonly onRecord: RecordHandler) {}

  /** Characters held for a record that has not ended yet. */
  get pendingLength() {
    return this.rest.length;
  }

  /** Parses the next piece of the text; a record that runs past its end waits for the next piece. */
  push(text: string) {
    const input = this.rest === '' ? text : this.rest + text;
    this.rest = input.slice(this.parse(input, false));
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
    let recordStart = 0;
    let pos = 0;
    let fields: string[] = [];
    let problem: CsvQuoteProblem | undefined;
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
            fields.push(value + input.slice(from));
            this.onRecord(fields, problem ?? 'MissingQuotes');
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
          if (end >= length || code === comma || code === cr || code === lf) {
            if (end >= length && !final) return recordStart;
            value += input.slice(from, closing);
            next = end;
            break;
          }
          problem ??= 'InvalidQuotes';
          search = closing + 1;
        }
      } else {
        next = pos;
        for (; next < length; next++) {
          const code = input.charCodeAt(next);
          if (code === comma || code === cr || code === lf) break;
        }
        if (next >= length && !final) return recordStart;
        value = input.slice(pos, next);
      }
      fields.push(value);
      const code = input.charCodeAt(next);
      if (code === comma) {
        pos = next + 1;
        continue;
      }
      if (next >= length) {
        this.onRecord(fields, problem);
        return length;
      }
      // A CR at the end of the text may be the first half of a CRLF.
      if (code === cr && next + 1 >= length && !final) return recordStart;
      pos = next + (code === cr && input.charCodeAt(next + 1) === lf ? 2 : 1);
      this.onRecord(fields, problem);
      fields = [];
      problem = undefined;
      recordStart = pos;
      if (pos >= length) return length;
    }
  }
}
