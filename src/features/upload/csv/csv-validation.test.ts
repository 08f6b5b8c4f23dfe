import { describe, expect, it } from 'vitest';
import { csvFormats, type CsvFormatId } from './csv-formats';
import { csvTemplate } from './csv-templates';
import { validateCsvChunks } from './csv-stream';
import { validateFixture, validateFixtureInChunks } from './csv-test-support';
import type { CsvIssue } from './validation-result';

/** The issues as short strings, "line:column severity message", for readable expectations. */
const summary = (issues: CsvIssue[]) =>
  issues.map((issue) => `${issue.line ?? '-'}:${issue.column?.index ?? '-'} ${issue.severity} ${issue.message}`);

describe('CSV checks on the fixture files, Entra admin center format', () => {
  it('accepts a valid file with quoted commas, doubled quotes, a multi-line value and accents', async () => {
    const result = await validateFixture('entra-valid.csv');
    expect(result).toMatchObject({ verdict: 'valid', errorCount: 0, warningCount: 0, rowCount: 4, hasBom: false });
  });

  it('accepts UTF-8 with a BOM and CRLF line breaks', async () => {
    const result = await validateFixture('entra-valid-bom-crlf.csv');
    expect(result).toMatchObject({ verdict: 'valid', rowCount: 4, hasBom: true });
  });

  it('reports bad values with their line and column', async () => {
    const result = await validateFixture('entra-invalid-values.csv');
    expect(result.verdict).toBe('invalid');
    expect(result.errorCount).toBe(6);
    expect(summary(result.issues)).toEqual([
      "3:1 error 'not-a-guid' is not an Entra object ID (a GUID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d).",
      "4:2 error 'Contractor' is not a principal type of this format (allowed: EntraIdUser).",
      '5:4 error PermissionName needs a value.',
      '6:9 error Separate the object IDs with commas, not semicolons.',
      '7:9 error The list has an empty entry (a doubled or trailing comma).',
      '8:- error The row has 10 fields; the header has 11.',
    ]);
    expect(result.issues[0]?.column).toEqual({ index: 1, name: 'PrincipalId' });
  });

  it('warns about unknown columns, principal type casing, blank lines, repeated rows and missing owners', async () => {
    const result = await validateFixture('entra-warnings.csv');
    expect(result).toMatchObject({ verdict: 'warnings', errorCount: 0, rowCount: 4 });
    expect(summary(result.issues)).toEqual([
      '1:12 warning Notes is not a column of the Entra admin center (11 columns) format.',
      "3:2 warning Write 'entraiduser' as EntraIdUser.",
      '4:- warning The line is empty.',
      '5:- warning The row repeats line 2.',
      '6:- warning 1 row(s) name no entitlement owner (EntitlementOwners_Users, EntitlementOwners_Groups); resource-owner reviews need them.',
    ]);
  });

  it('reports missing and duplicate columns, case-insensitively', async () => {
    const result = await validateFixture('entra-missing-columns.csv');
    expect(summary(result.issues)).toEqual([
      '1:11 error The column principalid appears twice (columns 1 and 11).',
      '1:- error The required column ScopeId is missing.',
    ]);
  });

  it('names the delimiter when the file is not comma separated', async () => {
    const result = await validateFixture('entra-semicolon.csv');
    expect(summary(result.issues)).toEqual([
      '1:- error The columns are separated by semicolons; save the file with commas (CSV UTF-8, comma delimited).',
    ]);
  });

  it('finds text that is not UTF-8, cell by cell', async () => {
    const result = await validateFixture('entra-windows-1252.csv');
    expect(summary(result.issues)).toEqual([
      '2:4 error The text is not UTF-8: save the file as CSV UTF-8.',
      '2:8 error The text is not UTF-8: save the file as CSV UTF-8.',
    ]);
  });

  it('refuses UTF-16, workbooks renamed to .csv, empty files and other extensions before parsing', async () => {
    expect(summary((await validateFixture('utf16.csv')).issues)).toEqual(['-:- error The file is UTF-16 text: save it as CSV UTF-8.']);
    expect(summary((await validateFixture('workbook-renamed.csv')).issues)).toEqual([
      '-:- error This is an Excel workbook or a ZIP archive, not CSV text: save it as CSV UTF-8.',
    ]);
    expect(summary((await validateFixture('empty.csv')).issues)).toEqual(['-:- error The file is empty.']);
    expect(summary((await validateFixture('notes.txt')).issues)).toEqual(['-:- error Only .csv files can be uploaded.']);
  });

  it('reports unbalanced quotes on the line where the record starts', async () => {
    expect(summary((await validateFixture('entra-unclosed-quote.csv')).issues)).toEqual([
      '3:- error A quoted value is never closed: a " is missing.',
    ]);
    expect(summary((await validateFixture('entra-stray-quote.csv')).issues)).toEqual([
      '2:- error A quoted value has a stray " in it: write "" for a quote inside a value.',
    ]);
  });

  it('needs the header on the first line, and a header at all', async () => {
    expect(summary((await validateFixture('entra-blank-first-line.csv')).issues)).toEqual([
      '2:- error The header row must be the first line of the file.',
    ]);
    expect(summary((await validateFixture('no-header.csv')).issues)).toEqual([
      '1:- error The first line is not a header row of the Entra admin center (11 columns) format: none of its columns are there.',
    ]);
  });

  it('blocks a file that has a header and nothing else, saying why', async () => {
    const result = await validateFixture('entra-header-only.csv');
    expect(result).toMatchObject({ verdict: 'invalid', rowCount: 0, errorCount: 1 });
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'The file has a header row but no data rows: there is nothing to upload. Add the rows under the header, or leave this file out.',
    ]);
  });
});

describe('CSV checks on the fixture files, Graph v1.0 format', () => {
  it('accepts the documented example', async () => {
    expect(await validateFixture('graph-v1-valid.csv', 'graphV1')).toMatchObject({ verdict: 'valid', rowCount: 2 });
  });

  it('allows only the principal type user, and checks GUIDs and required values', async () => {
    const result = await validateFixture('graph-v1-invalid.csv', 'graphV1');
    expect(summary(result.issues)).toEqual([
      "2:2 error 'EntraIdUser' is not a principal type of this format (allowed: user).",
      "3:1 error '7c9e6679-7425-40de-944b-e07fc1f90ae' is not an Entra object ID (a GUID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d).",
      '3:4 error permissionName needs a value.',
      "4:2 warning Write 'User' as user.",
    ]);
  });

  it('says which format a header belongs to when the wrong one is chosen', async () => {
    expect((await validateFixture('graph-v1-valid.csv', 'entra')).issues[0]?.message).toBe(
      'The header is the Graph v1.0 uploadFile (6 columns) format, not the Entra admin center (11 columns) format: choose that format, or rewrite the header.',
    );
    expect((await validateFixture('entra-valid.csv', 'legacyBeta')).issues[0]?.message).toMatch(/^The header is the Entra admin center/);
  });
});

describe('CSV checks on the fixture files, legacy beta format', () => {
  it('accepts UPNs and object IDs, and owners as a JSON list', async () => {
    expect(await validateFixture('legacy-beta-valid.csv', 'legacyBeta')).toMatchObject({ verdict: 'valid', rowCount: 2 });
  });

  it('reports malformed principals and owner lists and missing values', async () => {
    const result = await validateFixture('legacy-beta-invalid.csv', 'legacyBeta');
    expect(summary(result.issues)).toEqual([
      "2:1 error 'john doe' is neither an Entra object ID nor a user principal name (like megan@contoso.com).",
      `2:10 error 'admin@contoso.com' is not a list of owners. Write the owners as a list like ["admin@contoso.com"].`,
      '3:2 error ResourceId needs a value.',
      "3:10 error 'not an owner' in the list is neither a user principal name nor an object ID.",
    ]);
  });
});

describe('templates', () => {
  it.each(Object.keys(csvFormats) as CsvFormatId[])('gives a header and an example row the %s format accepts without a remark', async (formatId) => {
    const template = new TextEncoder().encode(csvTemplate(csvFormats[formatId]));
    const result = await validateCsvChunks((async function* () { yield template; })(), csvFormats[formatId]);
    expect(result).toMatchObject({ verdict: 'valid', rowCount: 1, errorCount: 0, warningCount: 0 });
    expect(result.issues).toEqual([]);
  });
});

describe('chunk boundaries', () => {
  const cases: [string, CsvFormatId][] = [
    ['entra-valid.csv', 'entra'],
    ['entra-valid-bom-crlf.csv', 'entra'],
    ['entra-invalid-values.csv', 'entra'],
    ['entra-warnings.csv', 'entra'],
    ['entra-unclosed-quote.csv', 'entra'],
    ['entra-stray-quote.csv', 'entra'],
    ['entra-windows-1252.csv', 'entra'],
    ['legacy-beta-valid.csv', 'legacyBeta'],
  ];
  it.each(cases)('%s gives the same result in 1, 2, 3, 7 and 64 byte chunks', async (name, formatId) => {
    const whole = await validateFixtureInChunks(name, formatId, 1 << 20);
    for (const size of [1, 2, 3, 7, 64]) {
      expect(await validateFixtureInChunks(name, formatId, size)).toEqual(whole);
    }
  });
});
