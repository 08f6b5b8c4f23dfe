import type { CsvFormat } from './csv-formats';
import type { RangePartial } from './csv-range-partial';
import { CsvRowValidator, maxNamedFormulaCells, maxReportedIssues, type HeaderColumn } from './csv-row-validator';
import { RowHashLog } from './row-hash-log';
import type { IssueSeverity } from './validation-result';

/**
 * The row checks of a file split between workers (csv-split.ts). A later range's validator (`laterRange`) checks its
 * rows as one pass would, except repeats: it logs each row's hash for the merge, and tags each issue it keeps with how
 * many were logged before it. The first range's validator then absorbs each later range's `partial()` in order.
 */
export class CsvSplitValidator extends CsvRowValidator {
  private readonly log?: RowHashLog;
  private readonly issueTags: number[] = [];

  constructor(format: CsvFormat, options: { laterRange?: boolean } = {}) {
    super(format, { repeatedRows: !options.laterRange });
    if (options.laterRange) this.seenRows = this.log = new RowHashLog();
  }

  protected override report(severity: IssueSeverity, message: string, line?: number, column?: HeaderColumn) {
    const kept = this.issues.length;
    super.report(severity, message, line, column);
    if (this.log && this.issues.length > kept) this.issueTags.push(this.log.size);
  }

  /**
   * A later range starts here, once its header (the file's, read again) is in: what the header gave is the first
   * range's to report, so it is forgotten.
   */
  startRange() {
    this.issues.length = 0;
    this.issueTags.length = 0;
    this.errorCount = 0;
    this.warningCount = 0;
    this.blankLines.length = 0;
    this.badTextSeen = undefined;
  }

  /** What a later range found, for `absorb`; `lines`: how many lines it holds. */
  partial(lines: number): RangePartial {
    const { hashes, lines: hashLines } = (this.log ?? new RowHashLog()).take();
    return {
      stopped: this.stopped,
      lines,
      issues: this.issues,
      issueTags: this.issueTags,
      errorCount: this.errorCount,
      warningCount: this.warningCount,
      rowCount: this.rowCount,
      blankLines: this.blankLines,
      rowsWithoutOwners: this.rowsWithoutOwners,
      firstRowWithoutOwners: this.firstRowWithoutOwners,
      formulaCells: this.formulaCells,
      firstFormulaCells: this.firstFormulaCells.map(({ line, column }) => ({ line, columnIndex: column.index })),
      hashes,
      hashLines,
    };
  }

  /**
   * The next range's findings, as if its rows had been added here: `lineOffset` is the line this range ended on
   * minus one. Its issues keep their order, each row's repeat warning after the row's own issues and before the next
   * row's, and the blank lines pending here are reported before its first row's issues, as one pass reports them.
   */
  absorb(range: RangePartial, lineOffset: number) {
    const line = (relative: number | undefined) => relative && relative + lineOffset;
    if (range.rowCount > 0) for (const blank of this.blankLines.splice(0)) this.report('warning', 'The line is empty.', blank);
    let next = 0;
    const keepIssues = (logged: number) => {
      for (; next < range.issues.length && range.issueTags[next]! <= logged; next++) {
        // Counted in the range's totals below, and kept here only while there is room, as report() keeps them.
        if (this.issues.length < maxReportedIssues) this.issues.push({ ...range.issues[next]!, line: line(range.issues[next]!.line) });
      }
    };
    for (let row = 0; row < range.hashes.length; row++) {
      keepIssues(row);
      const rowLine = range.hashLines[row]! + lineOffset;
      const earlier = this.seenRows?.add(range.hashes[row]!, rowLine);
      if (earlier !== undefined) this.report('warning', `The row repeats line ${earlier}.`, rowLine);
    }
    keepIssues(Number.POSITIVE_INFINITY);
    this.errorCount += range.errorCount;
    this.warningCount += range.warningCount;
    this.rowCount += range.rowCount;
    this.blankLines.push(...range.blankLines.map((blank) => blank + lineOffset));
    this.rowsWithoutOwners += range.rowsWithoutOwners;
    this.firstRowWithoutOwners ??= line(range.firstRowWithoutOwners);
    this.formulaCells += range.formulaCells;
    for (const cell of range.firstFormulaCells) {
      const column = this.header?.[cell.columnIndex];
      if (column && this.firstFormulaCells.length < maxNamedFormulaCells) this.firstFormulaCells.push({ line: cell.line + lineOffset, column });
    }
    if (range.stopped) this.stopped = true;
  }
}
