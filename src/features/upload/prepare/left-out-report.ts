import { excelSafeLine } from './csv-output';
import { detached } from './derive-permission-id';

/**
 * The rows that could not be converted, each with its line in the source file and why: shown in the dialog and
 * downloadable as a CSV that is safe to open in Excel (cells that would run as formulas are escaped).
 */

export interface LeftOutRow {
  /** 1-based line in the source file where the row starts. */
  line: number;
  reason: string;
}

/** Rows kept with their reason; past this only the count grows (the report says so). */
export const maxKeptRows = 10_000;

export class LeftOutReport {
  readonly rows: LeftOutRow[] = [];
  count = 0;

  add(line: number, reason: string) {
    this.count++;
    // Detached: a reason quotes a cell, a slice of a whole chunk of the file, which it would otherwise keep in memory.
    if (this.rows.length < maxKeptRows) this.rows.push({ line, reason: detached(reason) });
  }

  /** Reasons and how many rows each left out, most frequent first: what to fix in the export. */
  summary(): { reason: string; count: number }[] {
    const counts = new Map<string, number>();
    for (const row of this.rows) {
      const general = row.reason.replace(/'[^']*'/g, "'…'");
      counts.set(general, (counts.get(general) ?? 0) + 1);
    }
    return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
  }
}

/** The report as CSV text: Line, Reason; and a last line when more rows were left out than kept. */
export function leftOutCsv(rows: readonly LeftOutRow[], count: number): string {
  let text = excelSafeLine(['Line', 'Reason']);
  for (const row of rows) text += excelSafeLine([String(row.line), row.reason]);
  if (count > rows.length) text += excelSafeLine(['', `${count - rows.length} more rows were left out and are not listed.`]);
  return text;
}
