import { describe, expect, it } from 'vitest';
import type { IdLookupResult } from '../../../graph/directory-objects';
import { GraphError } from '../../../graph/graph-error';
import type { GroupLookupResult } from '../../../graph/groups';
import type { UserLookupResult } from '../../../graph/users';
import { classifyOwner, classifyOwners, needsGroups, ownerKindOf, ownerResolutionFor, ownerValuesToLookUp, type OwnerLookups } from './owner-outcomes';
import type { PrincipalScan } from './people-scan';
import { resolveOwnerList } from './principal-resolver';

const userId = '11111111-1111-4111-8111-111111111111';
const groupId = '22222222-2222-4222-8222-222222222222';
const goneId = '33333333-3333-4333-8333-333333333333';
const ann = { id: userId, userPrincipalName: 'ann@contoso.example', mail: 'ann@contoso.example' };
const facilities = { '@odata.type': '#microsoft.graph.group', id: groupId, displayName: 'Facilities Team', mail: 'facilities@contoso.example' };
const throttled = new GraphError({ status: 503, code: 'serviceUnavailable', message: 'Try later.', requestId: 'req-9' });

const lookups: OwnerLookups = {
  byId: new Map<string, IdLookupResult>([
    [userId, { object: { '@odata.type': '#microsoft.graph.user', ...ann } }],
    [groupId, { object: facilities }],
    [goneId, { object: null }],
  ]),
  usersByUpn: new Map<string, UserLookupResult>([
    ['ann@contoso.example', { users: [ann] }],
    ['nobody@contoso.example', { users: [] }],
    ['slow@contoso.example', { failed: throttled }],
  ]),
  // Ann's mail is her UPN: found twice, one user.
  usersByMail: new Map<string, UserLookupResult>([
    ['ann@contoso.example', { users: [ann] }],
    ['nobody@contoso.example', { users: [] }],
    ['slow@contoso.example', { users: [] }],
  ]),
  groupsByMail: new Map<string, GroupLookupResult>([['facilities@contoso.example', { found: [facilities] }]]),
  groupsByName: new Map<string, GroupLookupResult>([
    ['facilities team', { found: [facilities] }],
    ['twins', { found: [{ id: 'g-1', displayName: 'Twins' }, { id: 'g-2', displayName: 'Twins' }] }],
    ['nothing', { found: [] }],
  ]),
};

describe('owner outcomes (docs/graph-contract.md §9.1)', () => {
  it('tells user and group owner columns apart', () => {
    expect(ownerKindOf('EntitlementOwners_Users')).toBe('user');
    expect(ownerKindOf('EntitlementOwners_Groups')).toBe('group');
  });

  it.each([
    ['ann@contoso.example', 'user', 'matched', userId],
    [' ANN@contoso.example ', 'user', 'matched', userId],
    [userId, 'user', 'matched', userId],
    ['nobody@contoso.example', 'user', 'notFound', undefined],
    [goneId, 'user', 'notFound', undefined],
    [groupId, 'user', 'notFound', undefined],
    [userId, 'group', 'notFound', undefined],
    ['slow@contoso.example', 'user', 'failed', undefined],
    [groupId, 'group', 'matched', groupId],
    ['Facilities@Contoso.example', 'group', 'matched', groupId],
    ['Facilities Team', 'group', 'matched', groupId],
    ['Twins', 'group', 'ambiguous', undefined],
    ['nothing', 'group', 'notFound', undefined],
    ['never asked', 'group', 'failed', undefined],
  ] as const)('%s as a %s owner is %s', (value, kind, outcome, id) => {
    const result = classifyOwner(value, kind, lookups);
    expect(result.outcome).toBe(outcome);
    expect(result.id).toBe(id);
  });

  it('names the groups that share a display name, and the failure with its code and request id', () => {
    expect(classifyOwner('Twins', 'group', lookups).detail).toBe("2 groups have the display name 'Twins': Twins (g-1), Twins (g-2).");
    expect(classifyOwner('slow@contoso.example', 'user', lookups).detail).toContain('serviceUnavailable, request id req-9');
  });

  const scan: PrincipalScan = {
    sourceColumn: 'Email',
    rowsRead: 3,
    values: [],
    noValue: { rows: 0, lines: [] },
    duplicates: { rows: 0, lines: [] },
    owners: [
      { column: 'EntitlementOwners_Users', values: [{ value: 'ann@contoso.example', rows: 2, lines: [2, 3] }, { value: goneId, rows: 1, lines: [4] }] },
      { column: 'EntitlementOwners_Groups', values: [{ value: 'Facilities Team', rows: 1, lines: [2] }, { value: 'Twins', rows: 2, lines: [3, 4] }, { value: 'f@x.example', rows: 1, lines: [2] }] },
    ],
  };

  it('asks ids of both columns together, user names by UPN and mail, group mails and names apart; groups need their permission', () => {
    expect(ownerValuesToLookUp(scan)).toEqual({ ids: [goneId], users: ['ann@contoso.example'], groupMails: ['f@x.example'], groupNames: ['Facilities Team', 'Twins'] });
    expect(needsGroups(scan)).toBe(true);
    expect(needsGroups({ ...scan, owners: scan.owners.slice(0, 1) })).toBe(false);
  });

  it('counts rows per outcome and column, and turns owner lists into ids or leaves the row out saying why', () => {
    const outcomes = classifyOwners(scan, lookups);
    expect(outcomes.map(({ column, groups }) => [column, groups.matched.rows, groups.notFound.rows, groups.ambiguous.rows, groups.failed.rows])).toEqual([
      ['EntitlementOwners_Users', 2, 1, 0, 0],
      ['EntitlementOwners_Groups', 1, 0, 2, 1],
    ]);
    const resolution = ownerResolutionFor(outcomes);
    expect(resolveOwnerList('Ann@contoso.example; ann@contoso.example', resolution.EntitlementOwners_Users!)).toEqual({ value: userId });
    expect(resolveOwnerList('', resolution.EntitlementOwners_Users!)).toEqual({ value: '' });
    expect(resolveOwnerList(`ann@contoso.example,${goneId}`, resolution.EntitlementOwners_Users!)).toEqual({
      leftOut: `Owner in EntitlementOwners_Users: '${goneId}' is not a user of the tenant.`,
    });
    expect(resolveOwnerList('Facilities Team', resolution.EntitlementOwners_Groups!)).toEqual({ value: groupId });
    expect(resolveOwnerList('Someone else', resolution.EntitlementOwners_Groups!)).toEqual({ leftOut: "The owner 'Someone else' was not looked up: resolve people again." });
  });
});
