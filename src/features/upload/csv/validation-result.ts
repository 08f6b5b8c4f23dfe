import { asSentence, formatNumber } from '../../../components/format';

/** What the CSV checks found in one file: structured-cloneable, so it crosses the worker boundary as is. */

export type IssueSeverity = 'error' | 'warning';

export interface CsvIssue {
  severity: IssueSeverity;
  /** 1-based line in the file where the record starts, when the issue belongs to one. */
  line?: number;
  /** 1-based column number and its header name, when the issue belongs to one cell. */
  column?: { index: number; name: string };
  message: string;
}

export type CsvVerdict = 'valid' | 'warnings' | 'invalid';

export interface CsvValidationResult {
  verdict: CsvVerdict;
  /** The first errors and warnings (capped); the counts are the totals. */
  issues: CsvIssue[];
  errorCount: number;
  warningCount: number;
  /** Data rows (the header and blank lines not counted). */
  rowCount: number;
  hasBom: boolean;
  /** Lower-case hex SHA-256 of the file's bytes, computed while the worker read them (the upload journal's identity). */
  sha256?: string;
}

/** "line 7, column 3 (PermissionId)" */
export function issueLocation(issue: CsvIssue): string {
  const parts: string[] = [];
  if (issue.line !== undefined) parts.push(`line ${issue.line}`);
  if (issue.column) parts.push(`column ${issue.column.index} (${issue.column.name || 'unnamed'})`);
  return parts.join(', ');
}

export function describeVerdict(result: CsvValidationResult): string {
  const plural = (count: number, word: string) => `${formatNumber(count)} ${word}${count === 1 ? '' : 's'}`;
  if (result.verdict === 'invalid') {
    const warnings = result.warningCount > 0 ? ` and ${plural(result.warningCount, 'warning')}` : '';
    return `Invalid: ${plural(result.errorCount, 'error')}${warnings}`;
  }
  if (result.verdict === 'warnings') return `Valid with ${plural(result.warningCount, 'warning')}`;
  return `Valid: ${plural(result.rowCount, 'row')}`;
}

/**
 * What the live region says when a file has been checked: its verdict and, when something is wrong, where the first
 * problem is, so that a screen reader user knows where to look without reading the whole list.
 */
export function describeCheckForAnnouncement(fileName: string, result: CsvValidationResult): string {
  const verdict = `${fileName}: ${describeVerdict(result)}.`;
  const first = result.issues[0];
  if (!first) return verdict;
  const location = issueLocation(first);
  return `${verdict} First ${first.severity}${location ? `, ${location}` : ''}: ${asSentence(first.message)}`;
}

/** Messages between the page and the validation worker. */
export type ValidationRequest =
  | { type: 'validate'; id: number; file: File; formatId: string }
  | { type: 'cancel'; id: number };

export type ValidationResponse =
  | { type: 'progress'; id: number; bytesRead: number }
  | { type: 'result'; id: number; result: CsvValidationResult }
  | { type: 'failure'; id: number; message: string };
