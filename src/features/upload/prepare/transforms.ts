import type { CsvColumn, CsvFormat } from '../csv/csv-formats';
import type { PermissionIdDeriver } from './derive-permission-id';

/**
 * How each column of the target layout gets its value from a source row. Rules name source columns by their
 * header text, not their position, so a mapping saved for a resource still fits next week's export.
 */

export type ValueTransform = 'none' | 'trim' | 'upper' | 'lower';

export type ColumnRule =
  /** No value (optional columns only: a required one fails the row check). */
  | { kind: 'empty' }
  | { kind: 'column'; source: string; transform: ValueTransform }
  | { kind: 'constant'; value: string }
  | { kind: 'join'; sources: [string, string]; separator: string; transform: ValueTransform }
  /** The part before (or after) the first separator; the whole value when there is none. */
  | { kind: 'before' | 'after'; source: string; separator: string; transform: ValueTransform }
  /** A stable id from the value (derive-permission-id.ts). */
  | { kind: 'derive'; source: string }
  /** Owners as a list: "a, b", "a;b" or ["a","b"] become the target layout's own form. */
  | { kind: 'ownerList'; source: string };

export type RuleKind = ColumnRule['kind'];

export interface ColumnMapping {
  /** Target column name → its rule. A column without a rule is empty. */
  rules: Record<string, ColumnRule>;
}

export function applyTransform(value: string, transform: ValueTransform): string {
  switch (transform) {
    case 'none':
      return value;
    case 'trim':
      return value.trim();
    case 'upper':
      return value.toUpperCase();
    case 'lower':
      return value.toLowerCase();
  }
}

export function joinValues(a: string, b: string, separator: string): string {
  if (a === '') return b;
  if (b === '') return a;
  return `${a}${separator}${b}`;
}

export function partOf(value: string, separator: string, side: 'before' | 'after'): string {
  const at = separator === '' ? -1 : value.indexOf(separator);
  if (at < 0) return value;
  return side === 'before' ? value.slice(0, at) : value.slice(at + separator.length);
}

/** The entries of an owner list in any of the forms exports use: comma or semicolon separated, or a JSON list. */
export function ownerEntries(value: string): string[] {
  const trimmed = value.trim();
  if (trimmed === '') return [];
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) return parsed.map((entry) => String(entry).trim()).filter((entry) => entry !== '');
    } catch {
      // Not JSON after all: read it as a plain list below, and let the row check say what is wrong.
    }
  }
  return trimmed
    .split(/[,;]/)
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** An owner list written the way the target column wants it: comma-separated, or a JSON list (legacy beta). */
export function formatOwners(entries: string[], kind: CsvColumn['kind']): string {
  if (entries.length === 0) return '';
  return kind === 'jsonOwnerList' ? JSON.stringify(entries) : entries.join(',');
}

export const ruleSources = (rule: ColumnRule): string[] => {
  switch (rule.kind) {
    case 'empty':
    case 'constant':
      return [];
    case 'join':
      return rule.sources;
    default:
      return [rule.source];
  }
};

export interface CompiledMapping {
  /** The target layout's header. */
  header: string[];
  /** Source column indexes whose values need derived ids, so a batch can be primed first. */
  deriveSources: number[];
  /** The output row for a source row. */
  mapRow: (fields: readonly string[], deriver: PermissionIdDeriver) => string[];
}

/** Thrown when a rule names a column the source does not have. */
export class MappingError extends Error {}

/** Turns a mapping into one function per target column, with source names resolved to positions once. */
export function compileMapping(mapping: ColumnMapping, sourceHeader: readonly string[], format: CsvFormat): CompiledMapping {
  const positions = new Map<string, number>();
  sourceHeader.forEach((name, index) => {
    if (!positions.has(name)) positions.set(name, index);
  });
  const at = (name: string) => {
    const index = positions.get(name);
    if (index === undefined) throw new MappingError(`The file has no column '${name}'.`);
    return index;
  };
  const deriveSources: number[] = [];
  const columns = format.columns.map((column): ((fields: readonly string[], deriver: PermissionIdDeriver) => string) => {
    const rule = mapping.rules[column.name] ?? { kind: 'empty' };
    switch (rule.kind) {
      case 'empty':
        return () => '';
      case 'constant': {
        const value = rule.value;
        return () => value;
      }
      case 'column': {
        const index = at(rule.source);
        const transform = rule.transform;
        return (fields) => applyTransform(fields[index] ?? '', transform);
      }
      case 'join': {
        const [a, b] = [at(rule.sources[0]), at(rule.sources[1])];
        return (fields) => applyTransform(joinValues((fields[a] ?? '').trim(), (fields[b] ?? '').trim(), rule.separator), rule.transform);
      }
      case 'before':
      case 'after': {
        const index = at(rule.source);
        const side = rule.kind;
        return (fields) => applyTransform(partOf(fields[index] ?? '', rule.separator, side), rule.transform);
      }
      case 'derive': {
        const index = at(rule.source);
        deriveSources.push(index);
        return (fields, deriver) => deriver.get((fields[index] ?? '').trim());
      }
      case 'ownerList': {
        const index = at(rule.source);
        return (fields) => formatOwners(ownerEntries(fields[index] ?? ''), column.kind);
      }
    }
  });
  return {
    header: format.columns.map((column) => column.name),
    deriveSources,
    mapRow: (fields, deriver) => columns.map((value) => value(fields, deriver)),
  };
}
