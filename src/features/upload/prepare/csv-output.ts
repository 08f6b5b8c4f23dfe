import { startsLikeFormula } from '../csv/csv-values';

/** Writing CSV text: RFC 4180 quoting only where needed, CRLF line ends, and cells safe to open in Excel. */

const needsQuotes = /[",\r\n]/;

/** A cell, quoted only when it holds a comma, a quote or a line break (quotes doubled). */
export function csvCell(value: string): string {
  return needsQuotes.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** One record and its CRLF (a loop, not map and join: it runs for every row of a prepared file). */
export function csvLine(fields: readonly string[]): string {
  let line = fields.length > 0 ? csvCell(fields[0]!) : '';
  for (let i = 1; i < fields.length; i++) line += `,${csvCell(fields[i]!)}`;
  return `${line}\r\n`;
}

/**
 * A cell that Excel would run as a formula (=, +, -, @, or a tab or CR first) gets a ' in front, so opening a
 * report made from someone else's export runs nothing. For files people open, never for the upload itself.
 */
export const excelSafe = (value: string) => (startsLikeFormula(value) ? `'${value}` : value);

export const excelSafeLine = (fields: readonly string[]) => csvLine(fields.map(excelSafe));
