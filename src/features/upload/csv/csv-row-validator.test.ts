import { describe, expect, it } from 'vitest';
import { csvFormats } from './csv-formats';
import { CsvRowValidator } from './csv-row-validator';

const entra = csvFormats.entra;
const header = entra.columns.map((column) => column.name);
/** A valid Entra row; `description` goes in PermissionDescription (column 5), a text column. */
const row = (n: number, description = '') => [
  `${n.toString(16).padStart(8, '0')}-5b7d-4e2a-9c1f-6d8e0a4b7c21`,
  'EntraIdUser',
  `door-${n}`,
  `Door ${n}`,
  description,
  'Physical',
  'site-1',
  'Building 1',
  '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95',
  '',
  '',
];
/** A row that repeats `row(1)`, so that the warning names the line it is on. */
const repeatLine = (validator: CsvRowValidator) => {
  validator.addRow(row(1));
  return validator.finish().issues.find((issue) => issue.message.startsWith('The row repeats'))?.line;
};

describe('CsvRowValidator line numbers', () => {
  it.each([
    ['CRLF', 'a\r\nb', 1],
    ['LF', 'a\nb', 1],
    ['CR', 'a\rb', 1],
    ['CR CRLF', 'a\r\r\nb', 2],
    ['LF CR', 'a\n\rb', 2],
    ['several, at both ends', '\r\na\nb\rc\r\n', 4],
  ])('counts a %s inside a value as the file does', (_, description, breaks) => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header);
    validator.addRow(row(1));
    validator.addRow(row(2, description));
    expect(repeatLine(validator)).toBe(4 + breaks);
  });
});

describe('CsvRowValidator text that is not UTF-8', () => {
  const notUtf8 = 'The text is not UTF-8: save the file as CSV UTF-8.';

  it('searches every cell when it is not told about the text', () => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header);
    validator.addRow(row(1, 'T\uFFFDr'));
    expect(validator.finish().issues).toEqual([{ severity: 'error', message: notUtf8, line: 2, column: { index: 5, name: 'PermissionDescription' } }]);
  });

  it('skips the cells while the text holds neither U+FFFD nor NUL, and searches them from then on', () => {
    const validator = new CsvRowValidator(entra);
    validator.noteText('clean text');
    validator.addRow(header);
    // Not in any text noted: never the case when the stream notes all of it, and so not searched.
    validator.addRow(row(1, 'unseen \uFFFD'));
    validator.noteText('text with \u0000');
    validator.noteText('clean text again');
    validator.addRow(row(2, 'NUL \u0000'));
    validator.addRow(row(3, 'fine'));
    validator.addRow(row(4, '\uFFFD'));
    expect(validator.finish().issues.map((issue) => issue.line)).toEqual([3, 5]);
  });
});

describe('CsvRowValidator.errorsSoFar', () => {
  it('counts the errors of the rows given so far, without finishing the file', () => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header);
    validator.addRow(row(1));
    expect(validator.errorsSoFar).toBe(0);
    validator.addRow(['not-a-guid', ...row(2).slice(1)]);
    expect(validator.errorsSoFar).toBe(1);
    validator.addRow(row(3));
    expect(validator.errorsSoFar).toBe(1);
    expect(validator.finish().errorCount).toBe(1);
  });
});

describe('CsvRowValidator options', () => {
  it('uses the lines it is given instead of counting them', () => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header, undefined, 1);
    validator.addRow(row(1), undefined, 2);
    validator.addRow(row(1), undefined, 9);
    expect(validator.finish().issues).toEqual([{ severity: 'warning', message: 'The row repeats line 2.', line: 9, column: undefined }]);
  });

  it('looks for no repeated rows when told not to, and still finds errors', () => {
    const validator = new CsvRowValidator(entra, { repeatedRows: false });
    validator.addRow(header);
    validator.addRow(row(1));
    validator.addRow(row(1));
    validator.addRow(['not-a-guid', ...row(2).slice(1)]);
    const result = validator.finish();
    expect([result.warningCount, result.errorCount]).toEqual([0, 1]);
  });
});

describe('CsvRowValidator cells that start like a spreadsheet formula', () => {
  const formulaWarning = (result: ReturnType<CsvRowValidator['finish']>) => result.issues.find((issue) => issue.message.includes('as a formula'));

  it.each(['=1+1', '+41 44', '-2', '@SUM(A1)', '\tDoor', '\rDoor'])('warns about %j with its line and column, and keeps the file valid', (value) => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header);
    validator.addRow(row(1, value));
    const result = validator.finish();
    expect(result.verdict).toBe('warnings');
    expect(result.errorCount).toBe(0);
    expect(formulaWarning(result)).toMatchObject({ severity: 'warning', line: 2, column: { index: 5, name: 'PermissionDescription' } });
    expect(formulaWarning(result)?.message).toMatch(/^1 cell starts with/);
  });

  it.each(['Lobby = main', "'=1+1", ' =1', '1-2', 'a@b'])('leaves %j alone', (value) => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header);
    validator.addRow(row(1, value));
    expect(validator.finish().verdict).toBe('valid');
  });

  it('counts 10,000 of them in one warning that names the first five, after the errors it does not push out', () => {
    const validator = new CsvRowValidator(entra);
    validator.addRow(header);
    for (let n = 1; n <= 10_000; n++) validator.addRow(row(n, `=cmd|' /C calc'!A${n}`));
    for (let n = 1; n <= 60; n++) validator.addRow(['not-a-guid', ...row(20_000 + n).slice(1)]);
    const result = validator.finish();
    expect(result.warningCount).toBe(10_000);
    expect(result.errorCount).toBe(60);
    const warnings = result.issues.filter((issue) => issue.message.includes('as a formula'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/^10,000 cells start with/);
    expect(warnings[0]?.message).toContain('Also line 3, column 5 (PermissionDescription); line 4, column 5 (PermissionDescription); line 5, column 5');
    expect(warnings[0]?.message).toContain('line 6, column 5 (PermissionDescription) and 9,995 more.');
    expect(result.issues.filter((issue) => issue.severity === 'error')).toHaveLength(50);
  });
});
