import { describe, expect, it } from 'vitest';
import { GraphError } from '../http/errors';
import { parseFilter } from './filter-parser';
import type { FilterNode } from './filter-parser';

/** A compact rendering of the tree, to assert grouping. */
function show(node: FilterNode): string {
  switch (node.kind) {
    case 'and':
    case 'or':
      return `(${show(node.left)} ${node.kind} ${show(node.right)})`;
    case 'not':
      return `(not ${show(node.operand)})`;
    case 'compare': {
      const v = node.value;
      const value = v.type === 'string' ? `'${v.value}'` : v.type === 'number' || v.type === 'dateTimeOffset' || v.type === 'date' ? v.text : v.type === 'boolean' ? String(v.value) : 'null';
      const property = node.property.transform ? `${node.property.transform}(${node.property.name})` : node.property.name;
      return `${property} ${node.op} ${value}`;
    }
    case 'in':
      return `${node.property.name} in (${node.values.map((v) => (v.type === 'string' ? `'${v.value}'` : v.type)).join(',')})`;
    case 'function':
      return `${node.name}(${node.property.transform ? `${node.property.transform}(${node.property.name})` : node.property.name}, ${node.value.type === 'string' ? `'${node.value.value}'` : '?'})`;
  }
}

function parseError(text: string): string {
  try {
    parseFilter(text);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphError);
    expect((error as GraphError).status).toBe(400);
    expect((error as GraphError).code).toBe('BadRequest');
    return (error as GraphError).message;
  }
  throw new Error(`'${text}' parsed without an error`);
}

describe('string literals', () => {
  it('reads a doubled quote as one quote', () => {
    const node = parseFilter("name eq 'O''Brien badge export.csv'");
    expect(node).toMatchObject({ kind: 'compare', value: { type: 'string', value: "O'Brien badge export.csv" } });
  });

  it('keeps spaces, #, %, &, parentheses, semicolons and non-ASCII characters as they are', () => {
    const node = parseFilter("name eq 'Zürich #2 (100%); a&b.csv'");
    expect(node).toMatchObject({ value: { type: 'string', value: 'Zürich #2 (100%); a&b.csv' } });
  });

  it('reads the empty string and a string of one quote', () => {
    expect(parseFilter("name eq ''")).toMatchObject({ value: { value: '' } });
    expect(parseFilter("name eq ''''")).toMatchObject({ value: { value: "'" } });
  });

  it('rejects an unterminated string', () => {
    expect(parseError("name eq 'O'Brien.csv'")).toMatch(/unexpected 'Brien.csv'|unterminated/);
    expect(parseError("name eq 'abc")).toContain('unterminated string literal');
  });
});

describe('operators and precedence', () => {
  it.each(['eq', 'ne', 'gt', 'ge', 'lt', 'le'])('parses %s', (op) => {
    expect(show(parseFilter(`size ${op} 10`))).toBe(`size ${op} 10`);
  });

  it('binds and tighter than or', () => {
    expect(show(parseFilter('size eq 1 or size eq 2 and size eq 3'))).toBe('(size eq 1 or (size eq 2 and size eq 3))');
    expect(show(parseFilter('size eq 1 and size eq 2 or size eq 3'))).toBe('((size eq 1 and size eq 2) or size eq 3)');
  });

  it('binds not tighter than and', () => {
    expect(show(parseFilter("not (name eq 'a') and size gt 5"))).toBe("((not name eq 'a') and size gt 5)");
    expect(show(parseFilter("not not (name eq 'a')"))).toBe("(not (not name eq 'a'))");
  });

  it('lets parentheses override precedence', () => {
    expect(show(parseFilter('(size eq 1 or size eq 2) and size eq 3'))).toBe('((size eq 1 or size eq 2) and size eq 3)');
    expect(show(parseFilter('((size eq 1))'))).toBe('size eq 1');
  });

  it('associates left to right', () => {
    expect(show(parseFilter('size eq 1 or size eq 2 or size eq 3'))).toBe('((size eq 1 or size eq 2) or size eq 3)');
  });

  it('requires parentheses after not, as OData does', () => {
    expect(parseError("not name eq 'a'")).toContain("'not' at position 1 must be followed by a parenthesized expression");
  });

  it("parses 'in' with a list of literals, and refuses an empty or unclosed list", () => {
    expect(show(parseFilter("mail in ('a@x', 'b''c@x') or id eq 'z'"))).toBe("(mail in ('a@x','b'c@x') or id eq 'z')");
    expect(parseError('mail in ()')).toContain("expected a literal after 'in'");
    expect(parseError("mail in ('a'")).toContain("expected ')' to close the list of 'in'");
    expect(parseError("mail in 'a'")).toContain("expected '(' after 'in'");
  });

  it('names unsupported operators and unknown words', () => {
    expect(parseError('size has 1')).toContain("operator 'has' is not supported");
    expect(parseError("name EQ 'a'")).toContain("expected a comparison operator (eq, ne, gt, ge, lt, le) after 'name'");
    expect(parseError("name eq 'a' xor size eq 1")).toContain("unexpected 'xor' at position 13");
  });

  it('reports unbalanced parentheses and missing operands', () => {
    expect(parseError("(name eq 'a'")).toContain("expected ')' to close the '(' at position 1");
    expect(parseError("name eq 'a')")).toContain("unexpected ')'");
    expect(parseError('size eq')).toContain("expected a literal after 'eq'");
    expect(parseError("name eq 'a' and")).toContain('a comparison must start with a property name');
    expect(parseError('')).toContain('the expression is empty');
  });

  it('rejects a comparison that starts with a literal or compares two properties', () => {
    expect(parseError("'a' eq name")).toContain('a comparison must start with a property name');
    expect(parseError('size eq name')).toContain('comparing two properties is not supported');
  });
});

describe('literals', () => {
  it('reads integers, negative numbers and decimals', () => {
    expect(parseFilter('size eq 1048576')).toMatchObject({ value: { type: 'number', value: 1048576, integer: true } });
    expect(parseFilter('size gt -1')).toMatchObject({ value: { type: 'number', value: -1, integer: true } });
    expect(parseFilter('size lt 1.5')).toMatchObject({ value: { type: 'number', value: 1.5, integer: false } });
  });

  it('reads unquoted DateTimeOffset values in UTC', () => {
    expect(parseFilter('uploadedDateTime ge 2026-01-01T00:00:00Z')).toMatchObject({
      value: { type: 'dateTimeOffset', value: Date.UTC(2026, 0, 1) },
    });
  });

  it('reads fractional seconds (up to 7 digits, kept to milliseconds) and offsets', () => {
    expect(parseFilter('uploadedDateTime ge 2026-01-01T00:00:00.1234567Z')).toMatchObject({ value: { value: Date.UTC(2026, 0, 1, 0, 0, 0, 123) } });
    expect(parseFilter('uploadedDateTime ge 2026-01-01T02:30:00+02:30')).toMatchObject({ value: { value: Date.UTC(2026, 0, 1) } });
    expect(parseFilter('uploadedDateTime ge 2025-12-31T19:00:00-05:00')).toMatchObject({ value: { value: Date.UTC(2026, 0, 1) } });
    expect(parseFilter('uploadedDateTime ge 2026-01-01T10:15Z')).toMatchObject({ value: { value: Date.UTC(2026, 0, 1, 10, 15) } });
  });

  it('rejects dates without a time zone, impossible dates and date-only values as dates', () => {
    expect(parseError('uploadedDateTime ge 2026-01-01T00:00:00')).toContain('needs a time zone');
    expect(parseError('uploadedDateTime ge 2026-02-30T00:00:00Z')).toContain('is not a valid DateTimeOffset');
    expect(parseError('uploadedDateTime ge 2026-01-01T25:00:00Z')).toContain('is not a valid DateTimeOffset');
    expect(parseFilter('uploadedDateTime ge 2026-01-01')).toMatchObject({ value: { type: 'date', text: '2026-01-01' } });
  });

  it('reads true, false and null, and rejects malformed literals', () => {
    expect(parseFilter('size eq null')).toMatchObject({ value: { type: 'null' } });
    expect(parseFilter('size eq true')).toMatchObject({ value: { type: 'boolean', value: true } });
    expect(parseError('size eq 12abc')).toContain("'12abc' at position 9 is not a valid literal");
    expect(parseError('size eq @p')).toContain("unexpected character '@' at position 9");
  });
});

describe('functions', () => {
  it('parses contains with tolower around the property', () => {
    expect(show(parseFilter("contains(tolower(displayName),'access')"))).toBe("contains(tolower(displayName), 'access')");
    expect(show(parseFilter("not contains(displayName,'x')"))).toBe("(not contains(displayName, 'x'))");
  });

  it('parses a transformed property in a comparison', () => {
    expect(show(parseFilter("toupper(name) eq 'A.CSV'"))).toBe("toupper(name) eq 'A.CSV'");
  });

  it('names functions it does not know', () => {
    expect(parseError('length(name) eq 5')).toContain("function 'length' is not supported");
    expect(parseError("contains(displayName 'x')")).toContain("expected ',' after the first argument of 'contains'");
  });
});
