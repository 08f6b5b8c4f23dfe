import { directoryKey } from '../../../graph/directory-key';
import { csvFormats } from '../csv/csv-formats';
import { CsvRecordParser } from '../csv/csv-parser';
import { hashRow } from '../csv/csv-values';
import { PermissionIdDeriver } from './derive-permission-id';
import type { PreparePlan } from './prepare-pipeline';
import { compileMapping, ownerEntries, ruleSources } from './transforms';

/**
 * The first pass of people lookup, in the preparation worker: the principal value of every row (as the mapping makes
 * it), each distinct value once with its rows, plus the rows with no value and the rows that repeat an earlier row.
 * Only that crosses to the page, which looks the values up; the file itself never does.
 */

/** Lines kept per person and per list of rows: enough to find them in the export. */
export const maxLinesKept = 20;
export const maxRowLinesKept = 1000;

export interface ScannedRows {
  rows: number;
  lines: number[];
}

export interface ScannedValue extends ScannedRows {
  value: string;
}

export interface PrincipalScan {
  /** The source column the principal comes from ('' for a constant): its name helps guess what the values are. */
  sourceColumn: string;
  rowsRead: number;
  /** Distinct values (trimmed, case ignored: directoryKey), in the order they first appear; duplicate rows and empty values not counted. */
  values: ScannedValue[];
  noValue: ScannedRows;
  duplicates: ScannedRows;
  /** The layout's owner columns that are mapped, each with its distinct owners (a list cell counts each of its owners). */
  owners: OwnerScan[];
}

export interface OwnerScan {
  /** The target column, e.g. EntitlementOwners_Groups. */
  column: string;
  values: ScannedValue[];
}

/** A copy: a value sliced from the whole chunk of text would keep that text in memory. */
const copyOf = (text: string) => JSON.parse(JSON.stringify(text)) as string;

function addValue(byValue: Map<string, ScannedValue>, value: string, line: number) {
  // One person however the export writes the case (Graph compares without it); shown as first written.
  const key = directoryKey(value);
  let scanned = byValue.get(key);
  if (!scanned) {
    scanned = { value: copyOf(value), rows: 0, lines: [] };
    byValue.set(copyOf(key), scanned);
  }
  scanned.rows++;
  if (scanned.lines.length < maxLinesKept) scanned.lines.push(line);
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/** A row's hash for telling repeated rows apart (the CSV check's hashRow), over its trimmed fields. */
export const rowHash = (fields: readonly string[]): number => hashRow(fields.map((field) => field.trim()));

/** Finds the principal column of the plan's layout (the one people lookup resolves), or -1. */
export function principalColumnIndex(plan: Pick<PreparePlan, 'formatId'>): number {
  return csvFormats[plan.formatId].columns.findIndex((column) => column.kind === 'guid' && /^principal/i.test(column.name));
}

export async function scanPrincipals(chunks: AsyncIterable<Uint8Array>, plan: PreparePlan, signal?: AbortSignal): Promise<PrincipalScan> {
  const format = csvFormats[plan.formatId];
  const principalIndex = principalColumnIndex(plan);
  const principal = format.columns[principalIndex];
  if (!principal) throw new Error(`The ${format.label} layout has no principal column to resolve.`);
  const rule = plan.mapping.rules[principal.name] ?? { kind: 'empty' };
  const ownerColumns = format.ownerColumns.filter((name) => (plan.mapping.rules[name]?.kind ?? 'empty') !== 'empty');
  const ownerIndexes = ownerColumns.map((name) => format.columns.findIndex((column) => column.name === name));
  const ownerValues = ownerColumns.map(() => new Map<string, ScannedValue>());
  const decoder = new TextDecoder(plan.encoding);
  const deriver = new PermissionIdDeriver();
  const byValue = new Map<string, ScannedValue>();
  const seenRows = new Set<number>();
  const noValue: ScannedRows = { rows: 0, lines: [] };
  const duplicates: ScannedRows = { rows: 0, lines: [] };
  let mapRow: ((fields: readonly string[]) => string[]) | undefined;
  let nonBlank = 0;
  let width = 0;
  let rowsRead = 0;

  const addLine = (rows: ScannedRows, line: number, keep: number) => {
    rows.rows++;
    if (rows.lines.length < keep) rows.lines.push(line);
  };

  const parser = new CsvRecordParser(
    (fields, problem, line) => {
      if (!problem && isBlank(fields)) return;
      if (!mapRow) {
        if (nonBlank++ < plan.headerRow) return;
        const header = fields.map((name) => name.trim());
        width = header.length;
        const rules = Object.fromEntries([principal.name, ...ownerColumns].map((name) => [name, plan.mapping.rules[name] ?? { kind: 'empty' as const }]));
        const compiled = compileMapping({ rules }, header, format);
        mapRow = (row) => compiled.mapRow(row, deriver);
        return;
      }
      // Rows the preparation leaves out anyway (a parse problem, the wrong number of fields) are not people.
      if (problem || fields.length !== width) return;
      rowsRead++;
      const hash = rowHash(fields);
      if (seenRows.has(hash)) {
        addLine(duplicates, line, maxRowLinesKept);
        return;
      }
      seenRows.add(hash);
      const mapped = mapRow(fields);
      ownerIndexes.forEach((at, index) => {
        for (const owner of ownerEntries(mapped[at] ?? '')) addValue(ownerValues[index]!, owner, line);
      });
      const value = (mapped[principalIndex] ?? '').trim();
      if (value === '') {
        addLine(noValue, line, maxRowLinesKept);
        return;
      }
      addValue(byValue, value, line);
    },
    { delimiter: plan.delimiter },
  );

  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    parser.push(decoder.decode(chunk, { stream: true }));
    if (parser.recordTooLong) break;
  }
  if (!parser.recordTooLong) {
    parser.push(decoder.decode());
    parser.end();
  }
  if (!mapRow) throw new Error('The file has no header row at the line chosen: check the Read step.');
  return { sourceColumn: ruleSources(rule)[0] ?? '', rowsRead, values: [...byValue.values()], noValue, duplicates,
    owners: ownerColumns.map((column, index) => ({ column, values: [...ownerValues[index]!.values()] })),
  };
}
