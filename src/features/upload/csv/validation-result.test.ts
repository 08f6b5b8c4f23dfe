import { describe, expect, it } from 'vitest';
import { describeCheckForAnnouncement, type CsvValidationResult } from './validation-result';

const result = (change: Partial<CsvValidationResult>): CsvValidationResult => ({
  verdict: 'valid',
  issues: [],
  errorCount: 0,
  warningCount: 0,
  rowCount: 5,
  hasBom: false,
  ...change,
});

describe('what a checked file announces', () => {
  it('says the verdict of a valid file', () => {
    expect(describeCheckForAnnouncement('badges.csv', result({}))).toBe('badges.csv: Valid: 5 rows.');
  });

  it('says where the first error of an invalid file is', () => {
    const invalid = result({
      verdict: 'invalid',
      errorCount: 6,
      issues: [
        { severity: 'error', line: 3, column: { index: 1, name: 'PrincipalId' }, message: "'not-a-guid' is not an Entra object ID" },
        { severity: 'error', line: 4, column: { index: 2, name: 'PrincipalType' }, message: 'Unknown type.' },
      ],
    });
    expect(describeCheckForAnnouncement('bad.csv', invalid)).toBe(
      "bad.csv: Invalid: 6 errors. First error, line 3, column 1 (PrincipalId): 'not-a-guid' is not an Entra object ID.",
    );
  });

  it('names the first warning of a file that has no place in it, without a second full stop', () => {
    const warned = result({ verdict: 'warnings', warningCount: 1, issues: [{ severity: 'warning', message: 'The file starts with a BOM.' }] });
    expect(describeCheckForAnnouncement('bom.csv', warned)).toBe('bom.csv: Valid with 1 warning. First warning: The file starts with a BOM.');
  });
});
