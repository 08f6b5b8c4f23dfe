import { formatNumber } from '../../../components/format';
import { csvFormatList, type CsvColumn, type CsvFormat } from './csv-formats';
import { checkGuid, checkGuidList, checkJsonOwnerList, checkUserReference, hashRow, startsLikeFormula } from './csv-values';
import { RowHashSet } from './row-hash-set';
import type { CsvIssue, CsvValidationResult, IssueSeverity } from './validation-result';

/** Issues kept per file: enough to fix a file, small enough to send from the worker and show. */
export const maxReportedIssues = 50;

/** Cells that start like a spreadsheet formula, named one by one in the one warning that counts them all. */
export const maxNamedFormulaCells = 5;

const otherDelimiters: [string, string][] = [
  [';', 'semicolons'],
  ['\t', 'tabs'],
  ['|', 'vertical bars'],
];

export const headerOnlyMessage = 'The file has a header row but no data rows: there is nothing to upload. Add the rows under the header, or leave this file out.';

export interface HeaderColumn {
  index: number;
  name: string;
  spec?: CsvColumn;
  /** One of the format's entitlement owner columns. */
  isOwner?: boolean;
}

/** Line breaks in a row's values (CRLF, CR or LF, each once), so that line numbers follow the file's lines. */
function countLineBreaks(fields: readonly string[]): number {
  let count = 0;
  for (const value of fields) {
    // Most values hold none: two native searches settle them, and the rest are read once from the first break.
    const lf = value.indexOf('\n');
    const cr = value.indexOf('\r');
    if (lf < 0 && cr < 0) continue;
    for (let i = lf < 0 ? cr : cr < 0 ? lf : Math.min(lf, cr); i < value.length; i++) {
      const code = value.charCodeAt(i);
      if (code === 0x0a || (code === 0x0d && value.charCodeAt(i + 1) !== 0x0a)) count++;
    }
  }
  return count;
}

interface ValueProblem {
  severity: IssueSeverity;
  message: string;
}

// Module-level, not a closure made per checked value: it runs for every cell of every row.
const error = (message: string | undefined): ValueProblem | undefined => (message ? { severity: 'error', message } : undefined);

const issueLocationText = (line: number, column: HeaderColumn) => `line ${line}, column ${column.index + 1} (${column.name || 'unnamed'})`;

const isBlankRow = (fields: readonly string[]) => fields.length === 1 && fields[0] === '';

/** Whether a value is empty or only whitespace; most values start with a letter or digit, settled without a trim. */
const isBlank = (value: string) => value.length === 0 || (value.charCodeAt(0) <= 0x20 || value.charCodeAt(0) > 0x7e ? value.trim() === '' : false);

/**
 * Checks a CSV file row by row (the header first) against one format, without keeping rows: feed it every
 * record as parsed, in order, then call `finish`. Line numbers follow line breaks inside quoted cells.
 */
export class CsvRowValidator {
  private nextLine = 1;
  // Protected: a split file's checks (csv-split-validator.ts) hand them from one range's validator to another's.
  protected header?: HeaderColumn[];
  protected stopped = false;
  protected readonly issues: CsvIssue[] = [];
  protected errorCount = 0;
  protected warningCount = 0;
  protected rowCount = 0;
  protected readonly blankLines: number[] = [];
  /**
   * The rows seen so far, as hashes; none when repeated rows are not looked for. A later range of a split file
   * logs them instead (`add` never finds a repeat there).
   */
  protected seenRows?: Pick<RowHashSet, 'add'>;
  protected rowsWithoutOwners = 0;
  protected firstRowWithoutOwners?: number;
  protected formulaCells = 0;
  protected readonly firstFormulaCells: { line: number; column: HeaderColumn }[] = [];
  /** Whether the text so far held U+FFFD or NUL; unknown (so every cell is searched) until `noteText` is called. */
  protected badTextSeen?: boolean;
  hasBom = false;

  /** `repeatedRows: false`: no warning for repeated rows, so no row hashes (for callers that want only errors). */
  constructor(
    private readonly format: CsvFormat,
    options: { repeatedRows?: boolean } = {},
  ) {
    if (options.repeatedRows ?? true) this.seenRows = new RowHashSet();
  }

  /** A problem with the whole file that makes reading its rows pointless. */
  fail(message: string, line?: number) {
    this.report('error', message, line);
    this.stopped = true;
  }

  /** A problem with the whole file that does not stop the checks of its rows. */
  error(message: string) {
    this.report('error', message);
  }

  /** A doubt about the whole file that does not stop the checks. */
  warn(message: string) {
    this.report('warning', message);
  }

  get isStopped() {
    return this.stopped;
  }

  get hasHeader() {
    return this.header !== undefined;
  }

  /**
   * Called with all the text, chunk by chunk, before it is parsed: one native search per chunk instead of two per
   * cell. Sticky, since a row may have begun in an earlier chunk than the one that held the character.
   */
  noteText(text: string) {
    if (this.badTextSeen) return;
    this.badTextSeen = text.includes('\uFFFD') || text.includes('\u0000');
  }

  /**
   * One parsed record; `parseError` is the CSV parser's complaint about it (unbalanced quotes). `startLine`, the line
   * it starts on, when the caller knows it (the parser counts lines as it goes; give it for every row or for none):
   * otherwise it is counted here.
   */
  addRow(fields: readonly string[], parseError?: string, startLine?: number) {
    const line = startLine ?? this.nextLine;
    if (startLine === undefined) this.nextLine += 1 + countLineBreaks(fields);
    if (this.stopped) return;
    if (isBlankRow(fields)) {
      this.blankLines.push(line);
      return;
    }
    if (!this.header) {
      this.readHeader(fields, line);
      return;
    }
    // Blank lines are fine at the end of a file, not between rows.
    if (this.blankLines.length > 0) for (const blank of this.blankLines.splice(0)) this.report('warning', 'The line is empty.', blank);
    this.readRow(fields, line, parseError);
  }

  /** Errors found so far, without finishing: whether the last row added one. */
  get errorsSoFar(): number {
    return this.errorCount;
  }

  finish(): CsvValidationResult {
    if (!this.header && !this.stopped) this.report('error', 'The file has no header row: it holds no text at all.');
    if (this.header && !this.stopped && this.rowCount === 0) {
      // Blocked, not warned: an upload that adds nothing would still count as a file of the session.
      this.report('error', headerOnlyMessage);
    }
    if (this.rowsWithoutOwners > 0) {
      this.report(
        'warning',
        `${this.rowsWithoutOwners} row(s) name no entitlement owner (${this.format.ownerColumns.join(', ')}); ` +
          'resource-owner reviews need them.',
        this.firstRowWithoutOwners,
      );
    }
    if (this.formulaCells > 0) this.reportFormulaCells();
    return {
      verdict: this.errorCount > 0 ? 'invalid' : this.warningCount > 0 ? 'warnings' : 'valid',
      issues: this.issues,
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      rowCount: this.rowCount,
      hasBom: this.hasBom,
    };
  }

  protected report(severity: IssueSeverity, message: string, line?: number, column?: HeaderColumn) {
    if (severity === 'error') this.errorCount++;
    else this.warningCount++;
    if (this.issues.length >= maxReportedIssues) return;
    this.issues.push({ severity, message, line, column: column && { index: column.index + 1, name: column.name } });
  }

  /**
   * One warning for every cell that starts like a formula, however many: it names the first few (line, column) and
   * counts the rest, so 10,000 of them neither flood the list nor push the errors out of the capped issues.
   */
  private reportFormulaCells() {
    const [first, ...more] = this.firstFormulaCells;
    const others = more.map(({ line, column }) => issueLocationText(line, column)).join('; ');
    const count = this.formulaCells;
    const rest = count - this.firstFormulaCells.length;
    const message =
      `${count === 1 ? '1 cell starts' : `${formatNumber(count)} cells start`} with =, +, -, @, a tab or a carriage return: ` +
      'Excel runs such a cell as a formula when the data is opened there. Graph accepts them; Prepare data can put a \' in front.' +
      (others ? ` Also ${others}${rest > 0 ? ` and ${formatNumber(rest)} more` : ''}.` : '');
    this.warningCount += count;
    // Past the cap too: the one warning about these cells must never be the one left out.
    this.issues.push({ severity: 'warning', message, line: first?.line, column: first && { index: first.column.index + 1, name: first.column.name } });
  }

  private readHeader(fields: readonly string[], line: number) {
    if (line > 1) this.report('error', 'The header row must be the first line of the file.', line);
    this.blankLines.length = 0;
    if (fields.length === 1) {
      const other = otherDelimiters.find(([delimiter]) => fields[0]?.includes(delimiter));
      if (other) {
        this.fail(`The columns are separated by ${other[1]}; save the file with commas (CSV UTF-8, comma delimited).`, line);
        return;
      }
    }
    const byName = new Map(this.format.columns.map((spec) => [spec.name.toLowerCase(), spec]));
    const header = fields.map((raw, index): HeaderColumn => {
      const name = raw.trim();
      const spec = byName.get(name.toLowerCase());
      return { index, name, spec, isOwner: spec !== undefined && this.format.ownerColumns.includes(spec.name) };
    });
    const names = new Set(header.map((column) => column.name.toLowerCase()));
    const hasAll = (format: CsvFormat) => format.columns.every((spec) => names.has(spec.name.toLowerCase()));
    const otherFormat = csvFormatList.find((other) => other !== this.format && other.columns.length === header.length && hasAll(other));
    if (otherFormat && !hasAll(this.format)) {
      this.fail(`The header is the ${otherFormat.label} format, not the ${this.format.label} format: choose that format, or rewrite the header.`, line);
      return;
    }
    if (!header.some((column) => column.spec)) {
      this.fail(`The first line is not a header row of the ${this.format.label} format: none of its columns are there.`, line);
      return;
    }
    this.header = header;
    const firstIndex = new Map<string, number>();
    for (const column of header) {
      const key = column.name.toLowerCase();
      const first = firstIndex.get(key);
      if (first !== undefined) {
        this.report('error', `The column ${column.name} appears twice (columns ${first + 1} and ${column.index + 1}).`, line, column);
        column.spec = undefined;
        continue;
      }
      firstIndex.set(key, column.index);
      if (column.name === '') this.report('warning', 'This column has no name.', line, column);
      else if (!column.spec) this.report('warning', `${column.name} is not a column of the ${this.format.label} format.`, line, column);
      else if (column.name !== fields[column.index]) this.report('warning', 'The column name has spaces around it.', line, column);
    }
    for (const spec of this.format.columns) {
      if (!firstIndex.has(spec.name.toLowerCase())) this.report('error', `The required column ${spec.name} is missing.`, line);
    }
  }

  private readRow(fields: readonly string[], line: number, parseError?: string) {
    const header = this.header ?? [];
    this.rowCount++;
    if (parseError) {
      this.report('error', parseError, line);
      return;
    }
    if (fields.length !== header.length) {
      this.report('error', `The row has ${fields.length} fields; the header has ${header.length}.`, line);
      return;
    }
    if (fields.every(isBlank)) {
      this.report('warning', 'The row has no values.', line);
      return;
    }
    let owners = 0;
    for (const column of header) {
      const value = fields[column.index] ?? '';
      if (this.badTextSeen !== false && (value.includes('\uFFFD') || value.includes('\u0000'))) {
        this.report('error', 'The text is not UTF-8: save the file as CSV UTF-8.', line, column);
        continue;
      }
      if (startsLikeFormula(value)) this.noteFormulaCell(line, column);
      const spec = column.spec;
      if (!spec) continue;
      if (isBlank(value)) {
        if (spec.required) this.report('error', `${spec.name} needs a value.`, line, column);
        continue;
      }
      if (column.isOwner) owners++;
      const problem = this.checkValue(spec, value);
      if (problem) this.report(problem.severity, problem.message, line, column);
    }
    if (this.format.ownerColumns.length > 0 && owners === 0) {
      this.rowsWithoutOwners++;
      this.firstRowWithoutOwners ??= line;
    }
    if (!this.seenRows) return;
    const earlier = this.seenRows.add(hashRow(fields), line);
    if (earlier !== undefined) this.report('warning', `The row repeats line ${earlier}.`, line);
  }

  private noteFormulaCell(line: number, column: HeaderColumn) {
    this.formulaCells++;
    if (this.firstFormulaCells.length < maxNamedFormulaCells) this.firstFormulaCells.push({ line, column });
  }

  private checkValue(spec: CsvColumn, value: string): ValueProblem | undefined {
    switch (spec.kind) {
      case 'guid':
        return error(checkGuid(value));
      case 'userReference':
        return error(checkUserReference(value));
      case 'guidList':
        return error(checkGuidList(value));
      case 'jsonOwnerList':
        return error(checkJsonOwnerList(value));
      case 'principalType': {
        const allowed = this.format.principalTypes;
        if (allowed.includes(value)) return undefined;
        const sameLetters = allowed.find((type) => type.toLowerCase() === value.trim().toLowerCase());
        if (sameLetters) return { severity: 'warning', message: `Write '${value}' as ${sameLetters}.` };
        return error(`'${value}' is not a principal type of this format (allowed: ${allowed.join(', ')}).`);
      }
      case 'text':
        return undefined;
    }
  }
}
