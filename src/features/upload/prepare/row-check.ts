import type { CsvFormat } from '../csv/csv-formats';
import { CsvRowValidator } from '../csv/csv-row-validator';

/**
 * Every output row passes the checks an uploaded file gets: the upload feature's CsvRowValidator, fed the layout's
 * header and then each row. Its error count, read after each row, says whether that row added an error;
 * only then is the row checked again on its own to say why (rare, and the shared validator keeps only 50 issues).
 * One validator per output part, as the upload check sees each part as its own file.
 */
export class OutputRowCheck {
  private validator!: CsvRowValidator;
  private errors = 0;
  /** The line each row is given: counted here, so the validator need not look for line breaks in every value. */
  private line = 1;

  constructor(
    private readonly format: CsvFormat,
    private readonly header: readonly string[],
  ) {
    this.startPart();
  }

  startPart() {
    // Repeated rows are warnings, which do not keep a row out: no row hashes.
    this.validator = new CsvRowValidator(this.format, { repeatedRows: false });
    this.line = 1;
    this.validator.addRow(this.header, undefined, this.line++);
    this.errors = this.validator.errorsSoFar;
  }

  /** Undefined when the row passes; otherwise why it does not. */
  check(row: readonly string[]): string | undefined {
    this.validator.addRow(row, undefined, this.line++);
    const errors = this.validator.errorsSoFar;
    if (errors === this.errors) return undefined;
    this.errors = errors;
    return this.reasonFor(row);
  }

  private reasonFor(row: readonly string[]): string {
    const alone = new CsvRowValidator(this.format, { repeatedRows: false });
    alone.addRow(this.header);
    alone.addRow(row);
    const messages = alone
      .finish()
      .issues.filter((issue) => issue.severity === 'error')
      .map((issue) => (issue.column && !issue.message.startsWith(issue.column.name) ? `${issue.column.name}: ${issue.message}` : issue.message));
    return messages.length > 0 ? messages.join(' ') : 'The row does not pass the checks of the chosen layout.';
  }
}
