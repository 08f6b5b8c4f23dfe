import { describe, expect, it } from 'vitest';
import { filesExpand, sessionListCapabilities } from '../graph/session-queries';
import { GraphError } from '../http/errors';
import { Store } from '../store/store';
import type { UploadedFile, UploadSession } from '../store/types';
import { compileFilter } from './filter-eval';
import type { FilterSchema } from './filter-eval';
import { parseFilter } from './filter-parser';

const files: UploadedFile[] = [
  { id: '1', name: "O'Brien badge export.csv", size: 18432, uploadedDateTime: '2026-08-01T09:00:00.000Z' },
  { id: '2', name: 'Zürich #2 (100%).csv', size: 2411724, uploadedDateTime: '2026-08-01T10:00:00.000Z' },
  { id: '3', name: 'tiny.csv', size: 87, uploadedDateTime: '2026-08-02T00:00:00.000Z' },
];

function matching(filter: string): string[] {
  const predicate = compileFilter(parseFilter(filter), filesExpand.filter);
  return files.filter(predicate).map((f) => f.id);
}

function compileError<T>(filter: string, schema: FilterSchema<T>): string {
  try {
    compileFilter(parseFilter(filter), schema);
  } catch (error) {
    expect((error as GraphError).status).toBe(400);
    return (error as GraphError).message;
  }
  throw new Error(`'${filter}' compiled without an error`);
}

describe('file filters (nested in $expand=files)', () => {
  it('compares names with eq and ne, quotes included', () => {
    expect(matching("name eq 'O''Brien badge export.csv'")).toEqual(['1']);
    expect(matching("name ne 'tiny.csv'")).toEqual(['1', '2']);
    expect(matching("name eq 'Zürich #2 (100%).csv'")).toEqual(['2']);
  });

  it.each([
    ['eq', '87', ['3']],
    ['ne', '87', ['1', '2']],
    ['gt', '18432', ['2']],
    ['ge', '18432', ['1', '2']],
    ['lt', '18432', ['3']],
    ['le', '18432', ['1', '3']],
  ])('compares size with %s', (op, value, ids) => {
    expect(matching(`size ${op} ${value}`)).toEqual(ids);
  });

  it.each([
    ['eq', '2026-08-01T10:00:00Z', ['2']],
    ['ne', '2026-08-01T10:00:00Z', ['1', '3']],
    ['gt', '2026-08-01T10:00:00Z', ['3']],
    ['ge', '2026-08-01T12:00:00+02:00', ['2', '3']],
    ['lt', '2026-08-01T10:00:00.000Z', ['1']],
    ['le', '2026-08-01T10:00:00Z', ['1', '2']],
  ])('compares uploadedDateTime with %s', (op, value, ids) => {
    expect(matching(`uploadedDateTime ${op} ${value}`)).toEqual(ids);
  });

  it('combines with and, or, not and parentheses in the right precedence', () => {
    expect(matching("size gt 100 and name ne 'tiny.csv' or size eq 87")).toEqual(['1', '2', '3']);
    expect(matching("size gt 100 and (name eq 'tiny.csv' or size eq 87)")).toEqual([]);
    expect(matching('not (size gt 100) or size gt 1000000')).toEqual(['2', '3']);
    expect(matching('not (size gt 100 or size lt 50)')).toEqual(['3']);
  });

  it('names a property it does not support', () => {
    expect(compileError("foo eq 'x'", filesExpand.filter)).toContain("Property 'foo' is not supported in $filter on files (supported: name, size, uploadedDateTime)");
  });

  it('names an operator a property does not support', () => {
    expect(compileError("name gt 'a'", filesExpand.filter)).toContain("Operator 'gt' is not supported for property 'name'");
    expect(compileError("name le 'a'", filesExpand.filter)).toContain("Operator 'le' is not supported for property 'name'");
  });

  it('names functions a property does not support', () => {
    expect(compileError("contains(name,'a')", filesExpand.filter)).toContain("Function 'contains' is not supported for property 'name'");
    expect(compileError("tolower(name) eq 'a'", filesExpand.filter)).toContain("Function 'tolower' is not supported for property 'name'");
  });

  it('requires literals of the property type', () => {
    expect(compileError("size eq '5'", filesExpand.filter)).toContain("property 'size' needs an integer literal, found the string '5'");
    expect(compileError('size eq 1.5', filesExpand.filter)).toContain("property 'size' needs an integer literal, found '1.5'");
    expect(compileError('name eq 5', filesExpand.filter)).toContain("property 'name' needs a string literal in single quotes, found '5'");
    expect(compileError('name eq null', filesExpand.filter)).toContain('found null');
    expect(compileError('uploadedDateTime ge 2026-01-01', filesExpand.filter)).toContain('needs a DateTimeOffset such as 2026-01-01T00:00:00Z');
    expect(compileError("uploadedDateTime ge '2026-01-01T00:00:00Z'", filesExpand.filter)).toContain('needs an unquoted DateTimeOffset');
  });
});

describe('session filters', () => {
  const store = new Store(
    { users: [], catalogs: [], resources: [], definitions: [], instances: [], sessions: [] },
    () => new Date(),
    120,
  );
  const schema = sessionListCapabilities(store).filter;
  if (!schema) throw new Error('sessions have a $filter');
  const sessions = [
    { id: 'a', instanceId: 'i1', status: 'active', files: [] },
    { id: 'b', instanceId: 'i2', status: 'complete', files: [] },
  ] as unknown as UploadSession[];

  it("supports eq on status and referenceId, joined by 'and'", () => {
    const predicate = compileFilter(parseFilter("status eq 'complete' and referenceId eq 'i2'"), schema);
    expect(sessions.filter(predicate).map((s) => s.id)).toEqual(['b']);
  });

  it("rejects 'or', 'not', other operators and unknown statuses, naming them", () => {
    expect(compileError("status eq 'active' or status eq 'expired'", schema)).toContain("Operator 'or' is not supported in $filter on uploadSessions (supported: and)");
    expect(compileError("not (status eq 'active')", schema)).toContain("Operator 'not' is not supported");
    expect(compileError("status ne 'active'", schema)).toContain("Operator 'ne' is not supported for property 'status'");
    expect(compileError("referenceId ne 'x'", schema)).toContain("Operator 'ne' is not supported for property 'referenceId'");
    expect(compileError("status eq 'Active'", schema)).toContain("'Active' is not a valid value for 'status' (valid: active, complete, expired, unknownFutureValue)");
    expect(compileError("isUploadDone eq true", schema)).toContain("Property 'isUploadDone' is not supported in $filter on uploadSessions");
  });
});
