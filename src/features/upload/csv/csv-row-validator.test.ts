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
  return validator.finish().issues.at(-1)?.line;
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
