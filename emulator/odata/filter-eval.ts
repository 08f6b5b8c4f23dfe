import { badQuery } from '../http/errors';
import type { BooleanFunction, CompareOp, FilterNode, Literal, PropertyRef } from './filter-parser';
import { ownValue } from './limits';

export type PropertyType = 'string' | 'int' | 'dateTimeOffset' | 'enum' | 'boolean';
type Value = string | number | boolean | undefined;
type Expected = string | number | boolean;
/** The comparison operators, and `in` (a list of literals). */
export type FilterOp = CompareOp | 'in';

export interface FilterProperty<T> {
  type: PropertyType;
  ops: readonly FilterOp[];
  functions?: readonly BooleanFunction[];
  /** tolower()/toupper() allowed around the property. */
  transforms?: boolean;
  /** String comparisons ignore case, as Graph's directory does. */
  caseInsensitive?: boolean;
  enumValues?: readonly string[];
  /** Dates as epoch milliseconds. */
  get: (item: T) => Value;
}

export interface FilterSchema<T> {
  /** Names the collection in error messages, e.g. "uploadSessions". */
  target: string;
  properties: Readonly<Record<string, FilterProperty<T>>>;
  logical: readonly ('and' | 'or' | 'not')[];
}

export type Predicate<T> = (item: T) => boolean;

/** Checks a parsed $filter against what the endpoint supports and turns it into a predicate. */
export function compileFilter<T>(node: FilterNode, schema: FilterSchema<T>, option = '$filter'): Predicate<T> {
  const where = `in ${option} on ${schema.target}`;
  const compile = (n: FilterNode): Predicate<T> => {
    switch (n.kind) {
      case 'and':
      case 'or':
      case 'not': {
        if (!schema.logical.includes(n.kind)) {
          const allowed = schema.logical.length > 0 ? `supported: ${schema.logical.join(', ')}` : 'only one comparison is supported';
          throw badQuery(`Operator '${n.kind}' is not supported ${where} (${allowed}).`);
        }
        if (n.kind === 'not') {
          const operand = compile(n.operand);
          return (item) => !operand(item);
        }
        const left = compile(n.left);
        const right = compile(n.right);
        return n.kind === 'and' ? (item) => left(item) && right(item) : (item) => left(item) || right(item);
      }
      case 'compare':
        return compileComparison(n.op, n.property, n.value);
      case 'in':
        return compileIn(n.property, n.values);
      case 'function':
        return compileFunction(n.name, n.property, n.value);
    }
  };

  const propertyOf = (ref: PropertyRef): FilterProperty<T> => {
    const property = ownValue(schema.properties, ref.name);
    if (!property) {
      const supported = Object.keys(schema.properties).join(', ');
      throw badQuery(`Property '${ref.name}' is not supported ${where} (supported: ${supported}).`);
    }
    if (ref.transform && !(property.transforms ?? false)) {
      throw badQuery(`Function '${ref.transform}' is not supported for property '${ref.name}' ${where}.`);
    }
    return property;
  };

  const checkOp = (op: FilterOp, ref: PropertyRef): FilterProperty<T> => {
    const property = propertyOf(ref);
    if (!property.ops.includes(op)) {
      const supported = property.ops.length > 0 ? property.ops.join(', ') : 'none';
      throw badQuery(`Operator '${op}' is not supported for property '${ref.name}' ${where} (supported: ${supported}).`);
    }
    return property;
  };

  const compileComparison = (op: CompareOp, ref: PropertyRef, literal: Literal): Predicate<T> => {
    const property = checkOp(op, ref);
    const expected = folded(property, literalValue(ref.name, property, literal, option));
    const get = valueGetter(property, ref);
    return (item) => compareValues(op, get(item), expected);
  };

  const compileIn = (ref: PropertyRef, literals: readonly Literal[]): Predicate<T> => {
    const property = checkOp('in', ref);
    const expected = new Set(literals.map((literal) => folded(property, literalValue(ref.name, property, literal, option))));
    const get = valueGetter(property, ref);
    return (item) => {
      const value = get(item);
      return value !== undefined && expected.has(value);
    };
  };

  const compileFunction = (name: BooleanFunction, ref: PropertyRef, literal: Literal): Predicate<T> => {
    const property = propertyOf(ref);
    if (!(property.functions ?? []).includes(name)) {
      throw badQuery(`Function '${name}' is not supported for property '${ref.name}' ${where}.`);
    }
    if (literal.type !== 'string') {
      throw badQuery(`Invalid ${option}: '${name}' needs a string literal in single quotes as its second argument.`);
    }
    const get = valueGetter(property, ref);
    const needle = property.caseInsensitive === true ? literal.value.toLowerCase() : literal.value;
    return (item) => {
      const value = get(item);
      if (typeof value !== 'string') return false;
      if (name === 'contains') return value.includes(needle);
      return name === 'startswith' ? value.startsWith(needle) : value.endsWith(needle);
    };
  };

  return compile(node);
}

/** Lower-cased for a case-insensitive property. */
function folded<T>(property: FilterProperty<T>, value: Expected): Expected {
  return property.caseInsensitive === true && typeof value === 'string' ? value.toLowerCase() : value;
}

function valueGetter<T>(property: FilterProperty<T>, ref: PropertyRef): (item: T) => Value {
  if (property.caseInsensitive === true) {
    return (item) => {
      const value = property.get(item);
      return typeof value === 'string' ? value.toLowerCase() : value;
    };
  }
  if (!ref.transform) return property.get;
  const lower = ref.transform === 'tolower';
  return (item) => {
    const value = property.get(item);
    if (typeof value !== 'string') return value;
    return lower ? value.toLowerCase() : value.toUpperCase();
  };
}

function literalValue<T>(name: string, property: FilterProperty<T>, literal: Literal, option: string): Expected {
  const found = describeLiteral(literal);
  const fail = (needs: string) => badQuery(`Invalid ${option}: property '${name}' needs ${needs}, found ${found}.`);
  switch (property.type) {
    case 'string':
      if (literal.type !== 'string') throw fail('a string literal in single quotes');
      return literal.value;
    case 'enum': {
      if (literal.type !== 'string') throw fail(`one of ${(property.enumValues ?? []).map((v) => `'${v}'`).join(', ')}`);
      const values = property.enumValues ?? [];
      if (!values.includes(literal.value)) {
        throw badQuery(`Invalid ${option}: '${literal.value}' is not a valid value for '${name}' (valid: ${values.join(', ')}).`);
      }
      return literal.value;
    }
    case 'boolean':
      if (literal.type !== 'boolean') throw fail('true or false');
      return literal.value;
    case 'int':
      if (literal.type !== 'number' || !literal.integer) throw fail('an integer literal');
      return literal.value;
    case 'dateTimeOffset':
      if (literal.type === 'date') throw fail(`a DateTimeOffset such as ${literal.text}T00:00:00Z`);
      if (literal.type !== 'dateTimeOffset') throw fail('an unquoted DateTimeOffset such as 2026-01-01T00:00:00Z');
      return literal.value;
  }
}

function describeLiteral(literal: Literal): string {
  switch (literal.type) {
    case 'string':
      return `the string '${literal.value.replaceAll("'", "''")}'`;
    case 'number':
    case 'dateTimeOffset':
    case 'date':
      return `'${literal.text}'`;
    case 'boolean':
      return String(literal.value);
    case 'null':
      return 'null';
  }
}

function compareValues(op: CompareOp, actual: Value, expected: Expected): boolean {
  if (actual === undefined) return op === 'ne';
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'gt':
      return actual > expected;
    case 'ge':
      return actual >= expected;
    case 'lt':
      return actual < expected;
    case 'le':
      return actual <= expected;
  }
}
