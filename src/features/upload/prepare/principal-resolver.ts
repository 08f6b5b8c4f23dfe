import { directoryKey } from '../../../graph/directory-key';
import { isGuid } from '../../../graph/object-id';
import { ownerEntries } from './transforms';

/**
 * The hook where people are turned into Entra object ids, between mapping a row and checking it. The pipeline calls
 * `prime` with the principal values of each batch of rows (about 1 MiB of the export) before it maps them, so a
 * resolver can look them up in bulk (Graph `$batch`, the next issue), then `resolve` for each row, synchronously.
 * Only targets whose principal column must be an object id use it (the legacy beta layout takes UPNs as they are).
 */
export interface PrincipalResolver {
  prime?: (values: string[]) => Promise<void>;
  /** The object id for the value, or why its row is left out. */
  resolve: (value: string) => { id: string } | { leftOut: string };
}

/**
 * People looked up on the page (people-outcomes.ts), for the worker: per principal value, as the mapping makes it
 * (keyed by directoryKey: trimmed, lower case), the object id to write or why its rows are left out. Plain data, so it crosses to the worker as it is.
 */
export interface PeopleResolution {
  ids: Record<string, string>;
  leftOut: Record<string, string>;
  /** Leave out rows that repeat an earlier row (people-scan.ts tells the same ones apart). */
  leaveOutDuplicates: boolean;
  /** Per owner column looked up (owner-outcomes.ts): each owner's object id, or why rows naming it are left out. */
  owners?: Record<string, OwnerResolution>;
}

export interface OwnerResolution {
  ids: Record<string, string>;
  leftOut: Record<string, string>;
}

/** An owner list cell with every owner turned into its object id (commas between), or why the row is left out. */
export function resolveOwnerList(value: string, owners: OwnerResolution): { value: string } | { leftOut: string } {
  const ids: string[] = [];
  for (const item of ownerEntries(value)) {
    const key = directoryKey(item);
    const id = owners.ids[key];
    if (!id) return { leftOut: owners.leftOut[key] ?? `The owner '${item}' was not looked up: resolve people again.` };
    if (!ids.includes(id)) ids.push(id);
  }
  return { value: ids.join(',') };
}

/** A resolver from people looked up before the preparation started: no lookup of its own, so no row waits. */
export function resolvedPeople(resolution: PeopleResolution): PrincipalResolver {
  const ids = new Map(Object.entries(resolution.ids));
  const leftOut = new Map(Object.entries(resolution.leftOut));
  return {
    resolve(value) {
      const key = directoryKey(value);
      if (key === '') return { leftOut: 'The row has no value to match a person on.' };
      const id = ids.get(key);
      if (id) return { id };
      return { leftOut: leftOut.get(key) ?? `'${value.trim()}' was not looked up: resolve people again.` };
    },
  };
}

const looksLikeEmail = /^[^\s@]+@[^\s@]+$/;

/** Preparing without the lookup: object ids pass, an email leaves its row out saying why, anything else goes to the row check. */
export const withoutPeopleLookup: PrincipalResolver = {
  resolve(value) {
    const trimmed = value.trim();
    if (!isGuid(trimmed) && looksLikeEmail.test(trimmed)) {
      return { leftOut: `The principal '${trimmed}' is an email address, not an Entra object id: use Resolve people to look it up.` };
    }
    return { id: value };
  },
};
