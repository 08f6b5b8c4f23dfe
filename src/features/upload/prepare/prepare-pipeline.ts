import { csvFormats, type CsvFormatId } from '../csv/csv-formats';
import { CsvRecordParser, quoteProblemMessages, recordTooLongMessage } from '../csv/csv-parser';
import { startsLikeFormula } from '../csv/csv-values';
import { csvLine, excelSafe } from './csv-output';
import type { Delimiter, SourceEncoding } from './detect';
import { PermissionIdDeriver } from './derive-permission-id';
import { LeftOutReport, type LeftOutRow } from './left-out-report';
import { PartWriter, partFileName, type PartSink } from './part-writer';
import { principalColumnIndex, rowHash } from './people-scan';
import { resolvedPeople, resolveOwnerList, withoutPeopleLookup, type PeopleResolution, type PrincipalResolver } from './principal-resolver';
import { OutputRowCheck } from './row-check';
import { compileMapping, type ColumnMapping, type CompiledMapping } from './transforms';

/** Everything the worker needs to prepare a file: plain data, so it crosses to the worker as is. */
export interface PreparePlan {
  fileName: string;
  formatId: CsvFormatId;
  encoding: SourceEncoding;
  delimiter: Delimiter;
  /** Which non-blank record is the header (0-based): the ones above it are title lines. */
  headerRow: number;
  mapping: ColumnMapping;
  /** Largest part, in bytes (the upload limit). */
  limitBytes: number;
  /** People looked up before preparing (the "Resolve people" step); without it, only object ids pass. */
  people?: PeopleResolution;
  /** Whether output cells that start like a spreadsheet formula get a ' in front (csv-output.ts `excelSafe`). */
  neutraliseFormulas?: boolean;
}

export interface PreparedPart {
  name: string;
  bytes: number;
  rows: number;
}

export interface PrepareSummary {
  /** Data rows read from the export (title lines, the header and blank lines not counted). */
  rowsRead: number;
  rowsWritten: number;
  parts: PreparedPart[];
  leftOutCount: number;
  /** The first rows left out (left-out-report.ts keeps at most maxKeptRows). */
  leftOut: LeftOutRow[];
  leftOutSummary: { reason: string; count: number }[];
  /** Cells written that start like a spreadsheet formula, or (with `neutraliseFormulas`) that got a ' in front. */
  formulaCells: number;
}

export interface PrepareOptions {
  sink: PartSink;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
  resolver?: PrincipalResolver;
}

interface SourceRecord {
  fields: string[];
  line: number;
  problem?: string;
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/** Bytes decoded at a time: little text alive at once, so the worker's young generation stays small. */
const decodeBytes = 8 * 1024;

/**
 * Turns an export into files of the target layout as its bytes stream in (docs/architecture.md, "Preparing data"):
 * decode, parse with the export's delimiter, skip to the header, map each row, resolve its principal, check it
 * like an upload, and write it into a part under the limit, or into the left-out report with its line and reason.
 * A row goes through as soon as it is parsed, unless it needs an id not derived yet or the resolver looks principals
 * up in bulk: then it and the rest of its chunk wait for one async step after the chunk (rows stay in file order).
 */
export async function prepareChunks(chunks: AsyncIterable<Uint8Array>, plan: PreparePlan, options: PrepareOptions): Promise<PrepareSummary> {
  const format = csvFormats[plan.formatId];
  const resolver = options.resolver ?? (plan.people ? resolvedPeople(plan.people) : withoutPeopleLookup);
  /** Hashes of the rows seen, when repeated rows are left out (the same rows the people scan counted). */
  const seenRows = plan.people?.leaveOutDuplicates ? new Set<number>() : undefined;
  const isRepeat = (fields: readonly string[]) => {
    if (!seenRows) return false;
    const hash = rowHash(fields);
    if (seenRows.has(hash)) return true;
    seenRows.add(hash);
    return false;
  };
  const repeatReason = 'The row repeats an earlier row of the export (a duplicate), left out as chosen.';
  const principalIndex = principalColumnIndex(plan);
  const bulkResolver = principalIndex >= 0 && resolver.prime !== undefined;
  /** Owner columns whose owners were looked up: their names and emails become object ids. */
  const ownerColumns = Object.entries(plan.people?.owners ?? {}).map(([name, owners]) => ({ at: format.columns.findIndex((column) => column.name === name), owners }));
  const deriver = new PermissionIdDeriver();
  const report = new LeftOutReport();
  const decoder = new TextDecoder(plan.encoding);

  let nonBlank = 0;
  let sourceHeader: string[] | undefined;
  let compiled: CompiledMapping | undefined;
  let writer: PartWriter | undefined;
  let check: OutputRowCheck | undefined;
  let width = 0;
  let rowsRead = 0;
  let rowsWritten = 0;
  let formulaCells = 0;
  /** Rows parsed but waiting for the async step, in file order. */
  let waiting: SourceRecord[] = [];

  /** A mapped row: principal resolved, checked, written; or left out saying why. */
  const finishRow = (fields: string[], line: number) => {
    if (principalIndex >= 0) {
      const resolved = resolver.resolve(fields[principalIndex] ?? '');
      if ('leftOut' in resolved) {
        report.add(line, resolved.leftOut);
        return;
      }
      fields[principalIndex] = resolved.id;
    }
    for (const { at, owners } of ownerColumns) {
      const resolved = resolveOwnerList(fields[at] ?? '', owners);
      if ('leftOut' in resolved) {
        report.add(line, resolved.leftOut);
        return;
      }
      fields[at] = resolved.value;
    }
    for (let i = 0; i < fields.length; i++) {
      if (!startsLikeFormula(fields[i]!)) continue;
      formulaCells++;
      if (plan.neutraliseFormulas) fields[i] = excelSafe(fields[i]!);
    }
    const problem = check!.check(fields);
    if (problem) {
      report.add(line, problem);
      return;
    }
    const parts = writer!.parts;
    if (!writer!.write(csvLine(fields))) {
      report.add(line, 'The row alone is larger than the upload limit.');
      return;
    }
    // A new part is checked as a new file, as the upload check will see it.
    if (writer!.parts !== parts) check!.startPart();
    rowsWritten++;
  };

  /** Why a source row cannot be mapped, or undefined when it can. */
  const sourceProblem = (fields: readonly string[], problem: string | undefined) =>
    problem ?? (fields.length !== width ? `The row has ${fields.length} fields; the header has ${width}.` : undefined);

  const onRecord = (fields: string[], line: number, problem?: string) => {
    if (!problem && isBlank(fields)) return;
    if (!sourceHeader) {
      if (nonBlank++ < plan.headerRow) return;
      sourceHeader = fields.map((name) => name.trim());
      compiled = compileMapping(plan.mapping, sourceHeader, format);
      writer = new PartWriter(csvLine(compiled.header), plan.limitBytes, options.sink);
      check = new OutputRowCheck(format, compiled.header);
      width = sourceHeader.length;
      return;
    }
    rowsRead++;
    if (waiting.length > 0 || bulkResolver) {
      waiting.push({ fields, line, problem });
      return;
    }
    const why = sourceProblem(fields, problem);
    if (why) report.add(line, why);
    // Waiting rows are checked for repeats when they finish (finishWaiting), each row once.
    else if (!deriver.hasAll(fields, compiled!.deriveSources)) waiting.push({ fields, line });
    else if (isRepeat(fields)) report.add(line, repeatReason);
    else finishRow(compiled!.mapRow(fields, deriver), line);
  };

  /** The waiting rows: their ids derived and their principals looked up (each in one go), then finished in order. */
  const finishWaiting = async () => {
    if (waiting.length === 0) return;
    const rows = waiting;
    waiting = [];
    const repeats = new Set<SourceRecord>();
    const good = rows.filter((row) => {
      if (sourceProblem(row.fields, row.problem) !== undefined) return false;
      if (!isRepeat(row.fields)) return true;
      repeats.add(row);
      return false;
    });
    const deriveSources = compiled!.deriveSources;
    if (deriveSources.length > 0) await deriver.prime(good.flatMap((row) => deriveSources.map((index) => (row.fields[index] ?? '').trim())));
    const mapped = good.map((row) => compiled!.mapRow(row.fields, deriver));
    if (bulkResolver) await resolver.prime!(mapped.map((fields) => fields[principalIndex] ?? ''));
    let next = 0;
    for (const row of rows) {
      const why = sourceProblem(row.fields, row.problem);
      if (why) report.add(row.line, why);
      else if (repeats.has(row)) report.add(row.line, repeatReason);
      else finishRow(mapped[next++]!, row.line);
    }
  };

  let stopped = false;
  const parser = new CsvRecordParser((fields, problem, line) => onRecord(fields, line, problem && quoteProblemMessages[problem]), { delimiter: plan.delimiter });
  const push = (text: string) => {
    if (stopped) return;
    parser.push(text);
    if (!parser.recordTooLong) return;
    // Reading stops here, as the upload check does: the rest of the file is probably one unclosed value.
    stopped = true;
    onRecord([], parser.nextLine, recordTooLongMessage);
  };

  let bytesRead = 0;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    bytesRead += chunk.byteLength;
    // Decoded a piece at a time: short strings die young (as in the upload check, csv/csv-stream.ts).
    for (let at = 0; at < chunk.byteLength; at += decodeBytes) push(decoder.decode(chunk.subarray(at, at + decodeBytes), { stream: true }));
    await finishWaiting();
    options.onProgress?.(bytesRead);
  }
  push(decoder.decode());
  if (!stopped) parser.end();
  await finishWaiting();
  if (!writer || !sourceHeader) throw new Error('The file has no header row at the line chosen: check the Read step.');
  writer.finish();
  const finished = writer;
  return {
    rowsRead,
    rowsWritten,
    parts: finished.partSizes.map((bytes, part) => ({ name: partFileName(plan.fileName, part, finished.parts), bytes, rows: finished.partRows[part] ?? 0 })),
    leftOutCount: report.count,
    leftOut: report.rows,
    leftOutSummary: report.summary(),
    formulaCells,
  };
}
