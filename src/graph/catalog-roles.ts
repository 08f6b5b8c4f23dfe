import type { CatalogRole } from './role-assignments';

/** A role query as TanStack Query reports it. */
export interface RoleAnswer {
  status: 'pending' | 'error' | 'success';
  data?: CatalogRole;
}

/**
 * Readers cannot create sessions; an owner or an unknown role (a directory role may grant access,
 * docs/graph-contract.md §9.3) can, and so can anyone whose role could not be read: the 403 on create explains.
 */
export const mayCreateSessions = (answer: RoleAnswer) => answer.status === 'error' || (answer.status === 'success' && answer.data !== 'reader');

/** What the page offers for creating a session while the role is on its way, known, or not readable. */
export type CreateAccess = 'checking' | 'allowed' | 'reader';

/**
 * The catalogs whose open windows the home page lists: those the person may upload to. `undefined` while the
 * catalogs or any of their roles are still loading. `answers` are in the order of `catalogIds`; without them (no
 * object id to ask about) every catalog is kept.
 */
export function uploadableCatalogs(catalogIds: string[] | undefined, answers: readonly RoleAnswer[] | undefined): string[] | undefined {
  if (catalogIds === undefined) return undefined;
  if (answers === undefined) return catalogIds;
  if (answers.some((answer) => answer.status === 'pending')) return undefined;
  return catalogIds.filter((_, index) => {
    const answer = answers[index];
    return answer === undefined || mayCreateSessions(answer);
  });
}

/** The signed-in person's standing on a catalog, for the page headers and owner actions: a role, or still checking. */
export type CatalogAccess = 'checking' | CatalogRole;

/** No answer (no object id to ask about) or an unreadable role is 'unknown': a 403 on the page or the action decides. */
export function catalogAccessOf(answer: RoleAnswer | undefined): CatalogAccess {
  if (!answer) return 'unknown';
  if (answer.status === 'pending') return 'checking';
  return answer.status === 'success' && answer.data ? answer.data : 'unknown';
}

/** Owner actions (new session, upload, finalize, delete) wait for the role, are refused to readers, offered otherwise. */
export const ownerActionsOf = (access: CatalogAccess): CreateAccess =>
  access === 'checking' ? 'checking' : access === 'reader' ? 'reader' : 'allowed';
