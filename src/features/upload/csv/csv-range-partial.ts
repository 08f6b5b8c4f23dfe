import type { CsvIssue } from './validation-result';

/**
 * What the checks of one later range of a split file (csv-split.ts) found, for the merge into the checks of the
 * range before it (`CsvRowValidator.absorb`). Lines are relative: 1 is the range's first line. Structured-cloneable.
 */
export interface RangePartial {
  /** Whether the range ended with a stop (a record that never ends): nothing after it counts. */
  stopped: boolean;
  /** Lines the range holds (its last record's line breaks included). */
  lines: number;
  /** Its first issues (capped as a whole file's are), each with the number of row hashes logged before it. */
  issues: CsvIssue[];
  issueTags: number[];
  errorCount: number;
  warningCount: number;
  rowCount: number;
  /** Blank lines after its last row (all of them, when it has no row): reported only if a row follows. */
  blankLines: number[];
  rowsWithoutOwners: number;
  firstRowWithoutOwners?: number;
  formulaCells: number;
  firstFormulaCells: { line: number; columnIndex: number }[];
  /** Each row's hash and line, in order (RowHashLog), for the repeats the merge finds. */
  hashes: Float64Array;
  hashLines: Uint32Array;
}
