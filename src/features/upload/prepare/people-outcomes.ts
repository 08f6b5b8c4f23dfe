import { directoryKey } from '../../../graph/directory-key';
import type { IdLookupResult } from '../../../graph/directory-objects';
import { isUserObject } from '../../../graph/directory-objects';
import { isGuid } from '../../../graph/object-id';
import type { DirectoryUser } from '../../../graph/schemas';
import type { UserLookupProperty, UserLookupResult } from '../../../graph/users';
import { excelSafeLine } from './csv-output';
import { type PrincipalScan, type ScannedRows } from './people-scan';
import type { PeopleResolution } from './principal-resolver';

/**
 * What became of each person of an export (Microsoft's matching recipe, docs/graph-contract.md §9.1): every row falls
 * into exactly one outcome, and the owner sees each with its count, its rows and a list to download.
 */
export type OutcomeId = 'matched' | 'disabled' | 'guest' | 'notFound' | 'ambiguous' | 'failed' | 'noValue' | 'duplicate';

export const outcomeOrder: OutcomeId[] = ['notFound', 'ambiguous', 'failed', 'disabled', 'guest', 'duplicate', 'noValue', 'matched'];

export const outcomeLabels: Record<OutcomeId, string> = {
  matched: 'Matched',
  disabled: 'Matched, but the account is disabled',
  guest: 'Matched, a guest',
  notFound: 'Not found',
  ambiguous: 'Ambiguous: more than one match',
  failed: 'The lookup failed',
  noValue: 'No value to match on',
  duplicate: 'Duplicate rows in the export',
};

export const kindLabels: Record<UserLookupProperty, string> = {
  userPrincipalName: 'user principal name',
  mail: 'email address',
  employeeId: 'employee id',
};

/** One person (a distinct value of the principal column) and what it resolved to. */
export interface ValueOutcome {
  value: string;
  rows: number;
  /** The first lines of the export that hold it. */
  lines: number[];
  outcome: OutcomeId;
  /** The user's object id, when one user matched. */
  id?: string;
  userPrincipalName?: string;
  detail: string;
}

export interface OutcomeGroup {
  id: OutcomeId;
  /** Rows of the export in this outcome. */
  rows: number;
  /** The people in it (none for duplicates and no value: those are rows, in `lines`). */
  values: ValueOutcome[];
  lines: number[];
}

export interface PeopleOutcomes {
  kind: UserLookupProperty;
  groups: Record<OutcomeId, OutcomeGroup>;
}

export interface Lookups {
  byValue: ReadonlyMap<string, UserLookupResult>;
  byId: ReadonlyMap<string, IdLookupResult>;
}

export const failureDetail = (error: { code: string; requestId?: string; clientRequestId?: string; message: string }) => {
  const ids = [error.requestId && `request id ${error.requestId}`, error.clientRequestId && `client-request-id ${error.clientRequestId}`].filter(Boolean).join(', ');
  return `The lookup failed (${error.code}${ids ? `, ${ids}` : ''}): ${error.message} Look up again.`;
};

function matchedUser(user: DirectoryUser): Pick<ValueOutcome, 'outcome' | 'id' | 'userPrincipalName' | 'detail'> {
  const name = user.userPrincipalName ?? user.id;
  if (user.accountEnabled === false) return { outcome: 'disabled', id: user.id, userPrincipalName: name, detail: `The account of ${name} is disabled.` };
  if ((user.userType ?? '').toLowerCase() === 'guest') return { outcome: 'guest', id: user.id, userPrincipalName: name, detail: `${name} is a guest of the tenant.` };
  return { outcome: 'matched', id: user.id, userPrincipalName: name, detail: `${name}` };
}

/** The outcome of one value: an object id is verified by getByIds, anything else looked up by `kind`. */
export function classifyValue(value: string, kind: UserLookupProperty, lookups: Lookups): Omit<ValueOutcome, 'value' | 'rows' | 'lines'> {
  if (isGuid(value)) {
    const found = lookups.byId.get(value.toLowerCase());
    if (!found) return { outcome: 'failed', detail: 'The id was not looked up. Look up again.' };
    if ('failed' in found) return { outcome: 'failed', detail: failureDetail(found.failed) };
    if (!found.object) return { outcome: 'notFound', detail: `'${value}' is not a user of the tenant.` };
    if (!isUserObject(found.object)) return { outcome: 'notFound', detail: `'${value}' is a group (${found.object.displayName ?? 'no name'}), not a user.` };
    return matchedUser(found.object);
  }
  const found = lookups.byValue.get(directoryKey(value));
  if (!found) return { outcome: 'failed', detail: 'The value was not looked up. Look up again.' };
  if ('failed' in found) return { outcome: 'failed', detail: failureDetail(found.failed) };
  if (found.users.length === 0) return { outcome: 'notFound', detail: `No user of the tenant has the ${kindLabels[kind]} '${value}'.` };
  if (found.users.length > 1) {
    const names = found.users.map((user) => user.userPrincipalName ?? user.id).join(', ');
    return { outcome: 'ambiguous', detail: `${found.users.length} users have the ${kindLabels[kind]} '${value}': ${names}.` };
  }
  return matchedUser(found.users[0]!);
}

export const emptyGroup = (id: OutcomeId): OutcomeGroup => ({ id, rows: 0, values: [], lines: [] });

/** Every row of the scan in one outcome. */
export function classifyScan(scan: PrincipalScan, kind: UserLookupProperty, lookups: Lookups): PeopleOutcomes {
  const groups = Object.fromEntries(outcomeOrder.map((id) => [id, emptyGroup(id)])) as Record<OutcomeId, OutcomeGroup>;
  for (const scanned of scan.values) classifyInto(groups, scanned, kind, lookups);
  return withRowOutcomes(scan, kind, groups);
}

/** The same, a slice of people per task on the page, so tens of thousands of people never hold up a frame. */
export async function classifyScanInSlices(scan: PrincipalScan, kind: UserLookupProperty, lookups: Lookups, slice = 1000): Promise<PeopleOutcomes> {
  const groups = Object.fromEntries(outcomeOrder.map((id) => [id, emptyGroup(id)])) as Record<OutcomeId, OutcomeGroup>;
  for (let start = 0; start < scan.values.length; start += slice) {
    if (start > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    for (const scanned of scan.values.slice(start, start + slice)) classifyInto(groups, scanned, kind, lookups);
  }
  return withRowOutcomes(scan, kind, groups);
}

function classifyInto(groups: Record<OutcomeId, OutcomeGroup>, scanned: PrincipalScan['values'][number], kind: UserLookupProperty, lookups: Lookups) {
  const result = classifyValue(scanned.value, kind, lookups);
  const group = groups[result.outcome];
  group.rows += scanned.rows;
  group.values.push({ value: scanned.value, rows: scanned.rows, lines: scanned.lines, ...result });
}

function withRowOutcomes(scan: PrincipalScan, kind: UserLookupProperty, groups: Record<OutcomeId, OutcomeGroup>): PeopleOutcomes {
  const rowsOnly = (id: OutcomeId, rows: ScannedRows) => Object.assign(groups[id], { rows: rows.rows, lines: rows.lines });
  rowsOnly('noValue', scan.noValue);
  rowsOnly('duplicate', scan.duplicates);
  return { kind, groups };
}

/** The values a lookup needs: object ids for getByIds, the rest by `kind`. */
export function valuesToLookUp(scan: PrincipalScan): { ids: string[]; values: string[] } {
  const ids: string[] = [];
  const values: string[] = [];
  for (const { value } of scan.values) (isGuid(value) ? ids : values).push(value);
  return { ids, values };
}

/** What the owner chose to put into the prepared file. */
export interface PeopleChoice {
  includeDisabled: boolean;
  leaveOutDuplicates: boolean;
}

export function resolutionFor(outcomes: PeopleOutcomes, choice: PeopleChoice): PeopleResolution {
  const ids: Record<string, string> = {};
  const leftOut: Record<string, string> = {};
  for (const group of Object.values(outcomes.groups)) {
    for (const person of group.values) {
      const keep = person.id && (person.outcome !== 'disabled' || choice.includeDisabled);
      const key = directoryKey(person.value);
      if (keep) ids[key] = person.id!;
      else leftOut[key] = person.outcome === 'disabled' ? `${person.detail} Left out, as chosen.` : person.detail;
    }
  }
  return { ids, leftOut, leaveOutDuplicates: choice.leaveOutDuplicates };
}

/** Which source column holds people, from its name and values: ids and the rest by UPN, mail or employee id. */
export function detectKind(columnName: string, values: readonly string[]): UserLookupProperty {
  const name = columnName.toLowerCase().replace(/[^a-z]/g, '');
  if (/upn|principalname|userprincipal|login|signin/.test(name)) return 'userPrincipalName';
  if (/employee|personnel|staff|number|^id$|^emp/.test(name) && !/mail/.test(name)) return 'employeeId';
  const others = values.filter((value) => !isGuid(value)).slice(0, 200);
  if (others.length === 0) return 'mail';
  if (others.some((value) => value.includes('#EXT#'))) return 'userPrincipalName';
  const withAt = others.filter((value) => value.includes('@')).length;
  return withAt * 2 >= others.length ? 'mail' : 'employeeId';
}

/** An outcome as a CSV to open in Excel: one line per person (or per row, for duplicates and rows with no value). */
export function outcomeCsv(group: OutcomeGroup): string {
  if (group.values.length === 0) {
    let text = excelSafeLine(['Line', 'Outcome']);
    for (const line of group.lines) text += excelSafeLine([String(line), outcomeLabels[group.id]]);
    if (group.rows > group.lines.length) text += excelSafeLine(['', `${group.rows - group.lines.length} more rows are not listed.`]);
    return text;
  }
  let text = excelSafeLine(['Value', 'Rows', 'Lines', 'Object id', 'User principal name', 'Outcome', 'Detail']);
  for (const person of group.values) {
    const lines = person.lines.join(' ') + (person.rows > person.lines.length ? ' …' : '');
    text += excelSafeLine([person.value, String(person.rows), lines, person.id ?? '', person.userPrincipalName ?? '', outcomeLabels[group.id], person.detail]);
  }
  return text;
}
