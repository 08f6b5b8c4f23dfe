import { readPreference, writePreference } from '../../../components/preference-storage';
import { isCsvFormatId, type CsvFormatId } from '../csv/csv-formats';
import { isDelimiter, sourceEncodings, type Delimiter, type SourceEncoding } from './detect';
import type { ColumnMapping, ColumnRule } from './transforms';

/**
 * The last mapping used for a resource, so next week's export of the same system is prepared in one click. Column
 * names and choices only (constants and separators the owner typed), never a value from the file.
 */
export interface SavedMapping {
  formatId: CsvFormatId;
  encoding: SourceEncoding;
  delimiter: Delimiter;
  headerRow: number;
  /** The source header it was made for: offered again only when the new file has these columns. */
  sourceColumns: string[];
  mapping: ColumnMapping;
  savedDateTime: string;
}

const key = (resourceId: string) => `prepare-mapping:${resourceId}`;

const ruleKinds = new Set<ColumnRule['kind']>(['empty', 'column', 'constant', 'join', 'before', 'after', 'derive', 'ownerList']);

/** Whatever is stored is read defensively: another version of the app, or a hand edit, may have written it. */
function parseSaved(value: unknown): SavedMapping | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const saved = value as Partial<SavedMapping>;
  if (typeof saved.formatId !== 'string' || !isCsvFormatId(saved.formatId)) return undefined;
  if (!sourceEncodings.some((e) => e.id === saved.encoding) || typeof saved.delimiter !== 'string' || !isDelimiter(saved.delimiter)) return undefined;
  if (typeof saved.headerRow !== 'number' || !Array.isArray(saved.sourceColumns) || !saved.sourceColumns.every((c) => typeof c === 'string')) return undefined;
  const rules = saved.mapping?.rules;
  if (typeof rules !== 'object' || rules === null) return undefined;
  if (!Object.values(rules).every((rule) => typeof rule === 'object' && rule !== null && ruleKinds.has((rule as ColumnRule).kind))) return undefined;
  return saved as SavedMapping;
}

export const readSavedMapping = (resourceId: string) => readPreference(key(resourceId), parseSaved, undefined);

export const saveMapping = (resourceId: string, saved: SavedMapping) => writePreference(key(resourceId), saved);

/** Whether a saved mapping fits a file: every column it names is in the file's header. */
export function fitsHeader(saved: SavedMapping, header: readonly string[]): boolean {
  const names = new Set(header);
  return saved.sourceColumns.length > 0 && saved.sourceColumns.every((name) => names.has(name));
}
