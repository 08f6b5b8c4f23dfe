/**
 * Names from a request are looked up with Object.hasOwn, never `record[name]` alone: `constructor`, `__proto__` or
 * `toString` would otherwise find Object.prototype's members and crash the handler instead of answering 400.
 */
export function ownValue<V>(record: Readonly<Record<string, V>>, name: string): V | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** Deepest nesting of parentheses (and `not`) in a query option; the parser recurses, so it must stop somewhere. */
export const maxNestingDepth = 100;

export function nestingMessage(option: string): string {
  return `Invalid ${option}: the expression nests deeper than ${maxNestingDepth} levels of parentheses or 'not'.`;
}
