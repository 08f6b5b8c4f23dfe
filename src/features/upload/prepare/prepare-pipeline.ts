import { csvFormats, type CsvFormatId } from '../csv/csv-formats';
import { csvLine } from './csv-output';
import { DelimitedParser } from './delimited-parser';
import type { Delimiter, SourceEncoding } from './detect';
import { PermissionIdDeriver } from './derive-permission-id';
import { LeftOutReport, type LeftOutRow } from './left-out-report';
import { PartWriter, partFileName, type PartSink } from './part-writer';
import { withoutPeopleLookup, type PrincipalResolver } from './principal-resolver';
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

function* derivedValues(rows: readonly SourceRecord[], sources: readonly number[]) {
  for (const row of rows) for (const index of sources) yield (row.fields[index] ?? '').trim();
}

const isBlank = (fields: readonly string[]) => fields.every((field) => field.trim() === '');

/**
 * Turns an export into files of the target layout as its bytes stream in (docs/architecture.md, "Preparing data"):
 * decode, parse with the export's delimiter, skip to the header, map each row, resolve its principal, check it
 * like an upload, and write it into a part under the limit, or into the left-out report with its line and reason.
 */
export async function prepareChunks(chunks: AsyncIterable<Uint8Array>, plan: PreparePlan, options: PrepareOptions): Promise<PrepareSummary> {
  const format = csvFormats[plan.formatId];
  const resolver = options.resolver ?? withoutPeopleLookup;
  const principalIndex = format.columns.findIndex((column) => column.kind === 'guid' && /^principal/i.test(column.name));
  const deriver = new PermissionIdDeriver();
  const report = new LeftOutReport();
  const decoder = new TextDecoder(plan.encoding);
  let batch: SourceRecord[] = [];
  const parser = new DelimitedParser(plan.delimiter, (fields, line, problem) => batch.push({ fields, line, problem }));

  let nonBlank = 0;
  let sourceHeader: string[] | undefined;
  let compiled: CompiledMapping | undefined;
  let writer: PartWriter | undefined;
  let check: OutputRowCheck | undefined;
  let rowsRead = 0;
  let rowsWritten = 0;

  const takeBatch = async () => {
    const records = batch;
    batch = [];
    const rows: SourceRecord[] = [];
    for (const record of records) {
      if (isBlank(record.fields) && !record.problem) continue;
      if (!sourceHeader) {
        if (nonBlank++ < plan.headerRow) continue;
        sourceHeader = record.fields.map((name) => name.trim());
        compiled = compileMapping(plan.mapping, sourceHeader, format);
        writer = new PartWriter(csvLine(compiled.header), plan.limitBytes, options.sink);
        check = new OutputRowCheck(format, compiled.header);
        continue;
      }
      rows.push(record);
    }
    if (!compiled || !writer || !check || !sourceHeader) return;
    if (rows.length === 0) return;
    rowsRead += rows.length;
    const width = sourceHeader.length;
    const good = rows.filter((row) => !row.problem && row.fields.length === width);
    const deriveSources = compiled.deriveSources;
    if (deriveSources.length > 0) await deriver.prime(derivedValues(good, deriveSources));
    const mapped = good.map((row) => compiled!.mapRow(row.fields, deriver));
    if (principalIndex >= 0 && resolver.prime) await resolver.prime(mapped.map((fields) => fields[principalIndex] ?? ''));
    let next = 0;
    for (const row of rows) {
      if (row.problem) {
        report.add(row.line, row.problem);
        continue;
      }
      if (row.fields.length !== width) {
        report.add(row.line, `The row has ${row.fields.length} fields; the header has ${width}.`);
        continue;
      }
      const fields = mapped[next++]!;
      if (principalIndex >= 0) {
        const resolved = resolver.resolve(fields[principalIndex] ?? '');
        if ('leftOut' in resolved) {
          report.add(row.line, resolved.leftOut);
          continue;
        }
        fields[principalIndex] = resolved.id;
      }
      const problem = check.check(fields);
      if (problem) {
        report.add(row.line, problem);
        continue;
      }
      const parts = writer.parts;
      if (!writer.write(csvLine(fields))) {
        report.add(row.line, 'The row alone is larger than the upload limit.');
        continue;
      }
      // A new part is checked as a new file, as the upload check will see it.
      if (writer.parts !== parts) check.startPart();
      rowsWritten++;
    }
  };

  let bytesRead = 0;
  for await (const chunk of chunks) {
    options.signal?.throwIfAborted();
    bytesRead += chunk.byteLength;
    parser.push(decoder.decode(chunk, { stream: true }));
    await takeBatch();
    options.onProgress?.(bytesRead);
  }
  parser.push(decoder.decode());
  parser.end();
  await takeBatch();
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
  };
}
