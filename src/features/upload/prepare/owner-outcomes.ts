import { directoryKey } from '../../../graph/directory-key';
import type { LookupOptions } from '../../../graph/directory-lookup';
import { getDirectoryObjectsByIds, isUserObject, type IdLookupResult } from '../../../graph/directory-objects';
import type { GraphClient } from '../../../graph/graph-client';
import { findGroupsBy, type GroupLookupResult } from '../../../graph/groups';
import { isGuid } from '../../../graph/object-id';
import type { DirectoryObject } from '../../../graph/schemas';
import { findUsersBy, type UserLookupResult } from '../../../graph/users';
import { emptyGroup, failureDetail, outcomeOrder, type OutcomeGroup, type OutcomeId, type ValueOutcome } from './people-outcomes';
import type { OwnerScan, PrincipalScan } from './people-scan';
import type { OwnerResolution } from './principal-resolver';

/**
 * Entitlement owners (the layout's owner columns, docs/graph-contract.md §9.1): users by object id, UPN or mail,
 * groups by object id, mail or display name. Each owner ends matched, not found, ambiguous or failed.
 */
export type OwnerKind = 'user' | 'group';

/** EntitlementOwners_Groups holds groups; the other owner columns hold users. */
export const ownerKindOf = (column: string): OwnerKind => (/groups?$/i.test(column) ? 'group' : 'user');

/** Whether a lookup of the scan's owners reads groups (so needs GroupMember.Read.All). */
export const needsGroups = (scan: PrincipalScan) => scan.owners.some((owner) => ownerKindOf(owner.column) === 'group' && owner.values.length > 0);

export interface OwnerLookups {
  byId: ReadonlyMap<string, IdLookupResult>;
  usersByUpn: ReadonlyMap<string, UserLookupResult>;
  usersByMail: ReadonlyMap<string, UserLookupResult>;
  groupsByMail: ReadonlyMap<string, GroupLookupResult>;
  groupsByName: ReadonlyMap<string, GroupLookupResult>;
}

export interface OwnerOutcomes {
  column: string;
  kind: OwnerKind;
  groups: Record<OutcomeId, OutcomeGroup>;
}

/** What the owners need asked: every id (users and groups in one getByIds), user names, group mails and names. */
export function ownerValuesToLookUp(scan: PrincipalScan) {
  const ids: string[] = [];
  const users: string[] = [];
  const groupMails: string[] = [];
  const groupNames: string[] = [];
  for (const owner of scan.owners) {
    const kind = ownerKindOf(owner.column);
    for (const { value } of owner.values) {
      if (isGuid(value)) ids.push(value);
      else if (kind === 'user') users.push(value);
      else (value.includes('@') ? groupMails : groupNames).push(value);
    }
  }
  return { ids, users, groupMails, groupNames };
}

/** Looks the owners up: user names by UPN and by mail (either may match), groups by mail or display name, ids by getByIds. */
export async function lookUpOwners(client: GraphClient, scan: PrincipalScan, options: LookupOptions = {}): Promise<OwnerLookups> {
  const { ids, users, groupMails, groupNames } = ownerValuesToLookUp(scan);
  const [byId, usersByUpn, usersByMail, groupsByMail, groupsByName] = await Promise.all([
    getDirectoryObjectsByIds(client, ids, ['user', 'group'], options),
    findUsersBy(client, 'userPrincipalName', users, options),
    findUsersBy(client, 'mail', users, options),
    findGroupsBy(client, 'mail', groupMails, options),
    findGroupsBy(client, 'displayName', groupNames, options),
  ]);
  return { byId, usersByUpn, usersByMail, groupsByMail, groupsByName };
}

type Classified = Omit<ValueOutcome, 'value' | 'rows' | 'lines'>;

const nameOf = (object: DirectoryObject) => object.userPrincipalName ?? object.mail ?? object.displayName ?? object.id;

function fromFound(value: string, kind: OwnerKind, found: readonly DirectoryObject[], how: string): Classified {
  const what = kind === 'user' ? 'user' : 'group';
  if (found.length === 0) return { outcome: 'notFound', detail: `No ${what} of the tenant has the ${how} '${value}'.` };
  if (found.length > 1) return { outcome: 'ambiguous', detail: `${found.length} ${what}s have the ${how} '${value}': ${found.map((object) => `${nameOf(object)} (${object.id})`).join(', ')}.` };
  const object = found[0]!;
  return { outcome: 'matched', id: object.id, userPrincipalName: nameOf(object), detail: nameOf(object) };
}

/** The outcome of one owner value of a column of `kind`. */
export function classifyOwner(value: string, kind: OwnerKind, lookups: OwnerLookups): Classified {
  const key = directoryKey(value);
  if (isGuid(value)) {
    const found = lookups.byId.get(key);
    if (!found) return { outcome: 'failed', detail: 'The id was not looked up. Look up again.' };
    if ('failed' in found) return { outcome: 'failed', detail: failureDetail(found.failed) };
    if (!found.object) return { outcome: 'notFound', detail: `'${value}' is not a ${kind} of the tenant.` };
    if (isUserObject(found.object) !== (kind === 'user')) {
      return { outcome: 'notFound', detail: `'${value}' is a ${kind === 'user' ? 'group' : 'user'} (${nameOf(found.object)}), not a ${kind}.` };
    }
    return fromFound(value, kind, [found.object], 'id');
  }
  if (kind === 'user') {
    const byUpn = lookups.usersByUpn.get(key);
    const byMail = lookups.usersByMail.get(key);
    if (!byUpn || !byMail) return { outcome: 'failed', detail: 'The value was not looked up. Look up again.' };
    if ('failed' in byUpn) return { outcome: 'failed', detail: failureDetail(byUpn.failed) };
    if ('failed' in byMail) return { outcome: 'failed', detail: failureDetail(byMail.failed) };
    // One user often has the value as both UPN and mail: counted once.
    const users = new Map([...byUpn.users, ...byMail.users].map((user) => [user.id, user]));
    return fromFound(value, kind, [...users.values()], 'user principal name or email address');
  }
  const byMail = value.includes('@');
  const found = (byMail ? lookups.groupsByMail : lookups.groupsByName).get(key);
  if (!found) return { outcome: 'failed', detail: 'The value was not looked up. Look up again.' };
  if ('failed' in found) return { outcome: 'failed', detail: failureDetail(found.failed) };
  return fromFound(value, kind, found.found, byMail ? 'email address' : 'display name');
}

/** Every owner of every owner column in one outcome. */
export function classifyOwners(scan: PrincipalScan, lookups: OwnerLookups): OwnerOutcomes[] {
  return scan.owners.map((owner: OwnerScan) => {
    const kind = ownerKindOf(owner.column);
    const groups = Object.fromEntries(outcomeOrder.map((id) => [id, emptyGroup(id)])) as Record<OutcomeId, OutcomeGroup>;
    for (const scanned of owner.values) {
      const result = classifyOwner(scanned.value, kind, lookups);
      groups[result.outcome].rows += scanned.rows;
      groups[result.outcome].values.push({ ...scanned, ...result });
    }
    return { column: owner.column, kind, groups };
  });
}

/** Per owner column, the id each owner becomes, or why the rows naming it are left out. */
export function ownerResolutionFor(outcomes: readonly OwnerOutcomes[]): Record<string, OwnerResolution> {
  const resolution: Record<string, OwnerResolution> = {};
  for (const { column, groups } of outcomes) {
    const ids: Record<string, string> = {};
    const leftOut: Record<string, string> = {};
    for (const group of Object.values(groups)) {
      for (const owner of group.values) {
        if (owner.id) ids[directoryKey(owner.value)] = owner.id;
        else leftOut[directoryKey(owner.value)] = `Owner in ${column}: ${owner.detail}`;
      }
    }
    resolution[column] = { ids, leftOut };
  }
  return resolution;
}
