import { describe, expect, it } from 'vitest';
import { GraphError } from '../../../graph/graph-error';
import type { DirectoryUser } from '../../../graph/schemas';
import type { UserLookupResult } from '../../../graph/users';
import type { IdLookupResult } from '../../../graph/directory-objects';
import { classifyScan, classifyScanInSlices, detectKind, outcomeCsv, resolutionFor, valuesToLookUp, type Lookups } from './people-outcomes';
import type { PrincipalScan } from './people-scan';
import { resolvedPeople } from './principal-resolver';

const user = (id: string, upn: string, extra: Partial<DirectoryUser> = {}): DirectoryUser => ({
  id,
  userPrincipalName: upn,
  mail: upn,
  accountEnabled: true,
  userType: 'Member',
  ...extra,
});

const idA = '11111111-1111-4111-8111-111111111111';
const idGroup = '22222222-2222-4222-8222-222222222222';
const idGone = '33333333-3333-4333-8333-333333333333';
const idFailed = '44444444-4444-4444-8444-444444444444';
const throttled = new GraphError({ status: 429, code: 'TooManyRequests', message: 'Slow down.', requestId: 'req-7' });

const scanned = (value: string, lines: number[]) => ({ value, rows: lines.length, lines });
const scan: PrincipalScan = {
  owners: [],
  sourceColumn: 'Email',
  rowsRead: 13,
  values: [
    scanned('ann@contoso.example', [2, 3]),
    scanned('nobody@contoso.example', [4]),
    scanned('twin@contoso.example', [5]),
    scanned('off@contoso.example', [6]),
    scanned('guest@fabrikam.example', [7]),
    scanned('slow@contoso.example', [8]),
    scanned(idA, [9]),
    scanned(idGroup, [10]),
    scanned(idGone, [11]),
    scanned(idFailed, [12]),
  ],
  noValue: { rows: 1, lines: [13] },
  duplicates: { rows: 1, lines: [14] },
};

const lookups: Lookups = {
  byValue: new Map<string, UserLookupResult>([
    ['ann@contoso.example', { users: [user('u-ann', 'ann@contoso.example')] }],
    ['nobody@contoso.example', { users: [] }],
    ['twin@contoso.example', { users: [user('u-t1', 'twin1@contoso.example'), user('u-t2', 'twin2@contoso.example')] }],
    ['off@contoso.example', { users: [user('u-off', 'off@contoso.example', { accountEnabled: false })] }],
    ['guest@fabrikam.example', { users: [user('u-guest', 'guest_fabrikam.example#EXT#@contoso.example', { userType: 'Guest' })] }],
    ['slow@contoso.example', { failed: throttled }],
  ]),
  byId: new Map<string, IdLookupResult>([
    [idA, { object: { '@odata.type': '#microsoft.graph.user', ...user(idA, 'a@contoso.example') } }],
    [idGroup, { object: { '@odata.type': '#microsoft.graph.group', id: idGroup, displayName: 'Door group' } }],
    [idGone, { object: null }],
    [idFailed, { failed: throttled }],
  ]),
};

const outcomes = classifyScan(scan, 'mail', lookups);
const valuesIn = (id: keyof typeof outcomes.groups) => outcomes.groups[id].values.map((person) => person.value);

describe('people outcomes (docs/graph-contract.md §9.1)', () => {
  it('matched: one enabled member, by mail or by a verified object id, with its rows', () => {
    expect(valuesIn('matched')).toEqual(['ann@contoso.example', idA]);
    expect(outcomes.groups.matched.rows).toBe(3);
    expect(outcomes.groups.matched.values[0]).toMatchObject({ id: 'u-ann', lines: [2, 3] });
  });

  it('not found: no user has the value; an id that is no user of the tenant, or a group', () => {
    expect(valuesIn('notFound')).toEqual(['nobody@contoso.example', idGroup, idGone]);
    expect(outcomes.groups.notFound.values.map((person) => person.detail)).toEqual([
      "No user of the tenant has the email address 'nobody@contoso.example'.",
      `'${idGroup}' is a group (Door group), not a user.`,
      `'${idGone}' is not a user of the tenant.`,
    ]);
  });

  it('ambiguous: more than one user, each named', () => {
    expect(outcomes.groups.ambiguous.values).toEqual([
      expect.objectContaining({ value: 'twin@contoso.example', detail: "2 users have the email address 'twin@contoso.example': twin1@contoso.example, twin2@contoso.example." }),
    ]);
    expect(outcomes.groups.ambiguous.values[0]!.id).toBeUndefined();
  });

  it('disabled: matched, with its id, and a warning', () => {
    expect(outcomes.groups.disabled.values).toEqual([expect.objectContaining({ value: 'off@contoso.example', id: 'u-off', detail: 'The account of off@contoso.example is disabled.' })]);
  });

  it('guest: matched, for information', () => {
    expect(outcomes.groups.guest.values).toEqual([expect.objectContaining({ value: 'guest@fabrikam.example', id: 'u-guest' })]);
  });

  it('lookup failed: the code and request id, to look up again', () => {
    expect(valuesIn('failed')).toEqual(['slow@contoso.example', idFailed]);
    expect(outcomes.groups.failed.values[0]!.detail).toBe('The lookup failed (TooManyRequests, request id req-7): Slow down. Look up again.');
  });

  it('no value and duplicate rows: rows, by line', () => {
    expect(outcomes.groups.noValue).toMatchObject({ rows: 1, lines: [13], values: [] });
    expect(outcomes.groups.duplicate).toMatchObject({ rows: 1, lines: [14], values: [] });
    const total = Object.values(outcomes.groups).reduce((sum, group) => sum + group.rows, 0);
    expect(total).toBe(scan.rowsRead);
  });

  it('gives the same outcomes classified a slice at a time', async () => {
    expect(await classifyScanInSlices(scan, 'mail', lookups, 3)).toEqual(outcomes);
  });

  it('splits the values to look up: object ids for getByIds, the rest by the chosen property', () => {
    const { ids, values } = valuesToLookUp(scan);
    expect(ids).toEqual([idA, idGroup, idGone, idFailed]);
    expect(values).toHaveLength(6);
  });

  it('puts matched ids into the prepared file, disabled only when chosen, and says why the rest are left out', () => {
    const resolver = resolvedPeople(resolutionFor(outcomes, { includeDisabled: false, leaveOutDuplicates: true }));
    expect(resolver.resolve(' ann@contoso.example ')).toEqual({ id: 'u-ann' });
    expect(resolver.resolve('guest@fabrikam.example')).toEqual({ id: 'u-guest' });
    expect(resolver.resolve(idA)).toEqual({ id: idA });
    expect(resolver.resolve('off@contoso.example')).toEqual({ leftOut: 'The account of off@contoso.example is disabled. Left out, as chosen.' });
    expect(resolver.resolve('twin@contoso.example')).toMatchObject({ leftOut: expect.stringContaining('2 users have') });
    expect(resolver.resolve(idGone)).toEqual({ leftOut: `'${idGone}' is not a user of the tenant.` });
    expect(resolver.resolve('')).toEqual({ leftOut: 'The row has no value to match a person on.' });
    const withDisabled = resolvedPeople(resolutionFor(outcomes, { includeDisabled: true, leaveOutDuplicates: true }));
    expect(withDisabled.resolve('off@contoso.example')).toEqual({ id: 'u-off' });
  });

  it('guesses what the column holds from its name, then its values', () => {
    expect(detectKind('UPN', ['a@b.example'])).toBe('userPrincipalName');
    expect(detectKind('Email', ['a@b.example'])).toBe('mail');
    expect(detectKind('Employee number', ['000123'])).toBe('employeeId');
    expect(detectKind('Badge holder', ['x_y#EXT#@contoso.example'])).toBe('userPrincipalName');
    expect(detectKind('Holder', ['12345', '23456'])).toBe('employeeId');
    expect(detectKind('Holder', ['a@b.example', 'c@d.example'])).toBe('mail');
  });

  it('writes each outcome as a list safe to open in Excel', () => {
    const hostile = classifyScan({ ...scan, values: [scanned('=HYPERLINK("x")@contoso.example', [2])] }, 'mail', { byValue: new Map([['=hyperlink("x")@contoso.example', { users: [] }]]), byId: new Map() });
    const csv = outcomeCsv(hostile.groups.notFound);
    expect(csv.split('\r\n')[0]).toBe('Value,Rows,Lines,Object id,User principal name,Outcome,Detail');
    expect(csv.split('\r\n')[1]).toMatch(/^"'=HYPERLINK\(""x""\)@contoso\.example",1,2,,,Not found,/);
    expect(outcomeCsv(outcomes.groups.duplicate)).toBe('Line,Outcome\r\n14,Duplicate rows in the export\r\n');
  });
});
