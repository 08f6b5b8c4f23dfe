import { describe, expect, it } from 'vitest';
import { csvFormats } from '../csv/csv-formats';
import { inChunks } from '../csv/csv-test-support';
import { autoMatch } from './auto-match';
import { rowHash, scanPrincipals } from './people-scan';
import { prepareChunks, type PreparePlan } from './prepare-pipeline';

const header = ['Email', 'Door', 'Site'];
const exportText =
  'Badge export\r\n' +
  'Email;Door;Site\r\n' +
  ' Ann@Contoso.example ;Main;HQ\r\n' +
  'bob@contoso.example;Main;HQ\r\n' +
  'Ann@Contoso.example;Garage;HQ\r\n' +
  ';Main;HQ\r\n' +
  'bob@contoso.example;Main;HQ\r\n' +
  'short;row\r\n' +
  'nobody@contoso.example;Lab;Basel\r\n';
const bytes = new TextEncoder().encode(exportText);

function plan(people?: PreparePlan['people']): PreparePlan {
  const mapping = autoMatch(header, csvFormats.entra);
  mapping.rules.PermissionType = { kind: 'constant', value: 'Physical' };
  mapping.rules.PermissionId = { kind: 'derive', source: 'Door' };
  mapping.rules.PermissionName = { kind: 'column', source: 'Door', transform: 'trim' };
  mapping.rules.ScopeId = { kind: 'derive', source: 'Site' };
  return { fileName: 'export.csv', formatId: 'entra', encoding: 'utf-8', delimiter: ';', headerRow: 1, mapping, limitBytes: 1 << 20, people };
}

describe('scanPrincipals', () => {
  it.each([1, 9, 4096])('lists each person once with their lines, rows without a value and repeated rows (%i bytes at a time)', async (size) => {
    const scan = await scanPrincipals(inChunks(bytes, size), plan());
    expect(scan).toEqual({
      sourceColumn: 'Email',
      rowsRead: 6,
      values: [
        { value: 'Ann@Contoso.example', rows: 2, lines: [3, 5] },
        { value: 'bob@contoso.example', rows: 1, lines: [4] },
        { value: 'nobody@contoso.example', rows: 1, lines: [9] },
      ],
      noValue: { rows: 1, lines: [6] },
      duplicates: { rows: 1, lines: [7] },
      owners: [],
    });
  });

  it('lists the owners of a mapped owner column, each once with its rows, and prepares them as object ids', async () => {
    const withOwners = (people?: PreparePlan['people']) => {
      const planned = plan(people);
      planned.mapping.rules.EntitlementOwners_Groups = { kind: 'column', source: 'Site', transform: 'trim' };
      return planned;
    };
    const scan = await scanPrincipals(inChunks(bytes, 5), withOwners());
    // Rows without a person still name owners; repeated and broken rows do not.
    expect(scan.owners).toEqual([
      { column: 'EntitlementOwners_Groups', values: [{ value: 'HQ', rows: 4, lines: [3, 4, 5, 6] }, { value: 'Basel', rows: 1, lines: [9] }] },
    ]);
    const group = '33333333-3333-4333-8333-333333333333';
    const ids = { 'ann@contoso.example': '11111111-1111-4111-8111-111111111111', 'bob@contoso.example': '22222222-2222-4222-8222-222222222222', 'nobody@contoso.example': '44444444-4444-4444-8444-444444444444' };
    const owners = { EntitlementOwners_Groups: { ids: { hq: group }, leftOut: { basel: 'Owner in EntitlementOwners_Groups: not found.' } } };
    const pieces: string[] = [];
    const summary = await prepareChunks(inChunks(bytes, 7), withOwners({ ids, leftOut: {}, leaveOutDuplicates: true, owners }), {
      sink: { onPiece: (_, piece) => void pieces.push(new TextDecoder().decode(piece)) },
    });
    const at = csvFormats.entra.columns.findIndex((column) => column.name === 'EntitlementOwners_Groups');
    const rows = pieces.join('').split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.split(',')[at])).toEqual([group, group, group]);
    expect(summary.leftOut).toContainEqual({ line: 9, reason: 'Owner in EntitlementOwners_Groups: not found.' });
  });

  it('tells rows apart by every field, not only where a separator falls', () => {
    expect(rowHash(['ab', 'c'])).not.toBe(rowHash(['a', 'bc']));
    expect(rowHash([' a ', 'b'])).toBe(rowHash(['a', 'b']));
  });

  it('prepares with the people looked up: ids written, the rest and repeated rows left out with the reason', async () => {
    const ann = '11111111-1111-4111-8111-111111111111';
    const bob = '22222222-2222-4222-8222-222222222222';
    const pieces: string[] = [];
    const people = { ids: { 'ann@contoso.example': ann, 'bob@contoso.example': bob }, leftOut: { 'nobody@contoso.example': 'Not found.' }, leaveOutDuplicates: true };
    const summary = await prepareChunks(inChunks(bytes, 7), plan(people), { sink: { onPiece: (_, piece) => void pieces.push(new TextDecoder().decode(piece)) } });
    const rows = pieces.join('').split('\r\n').slice(1, -1);
    expect(rows.map((row) => row.split(',')[0])).toEqual([ann, bob, ann]);
    expect(summary.leftOut).toEqual([
      { line: 6, reason: 'The row has no value to match a person on.' },
      { line: 7, reason: 'The row repeats an earlier row of the export (a duplicate), left out as chosen.' },
      { line: 8, reason: 'The row has 2 fields; the header has 3.' },
      { line: 9, reason: 'Not found.' },
    ]);
  });
});
