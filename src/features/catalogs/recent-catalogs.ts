import { z } from 'zod';
import { readPreference, writePreference } from '../../components/preference-storage';

const maxRecent = 10;
const recentSchema = z.array(z.string()).catch([]);
const key = (accountId: string) => `recent-catalogs:${accountId}`;

/** Catalog ids this account opened, newest first. */
export function readRecentCatalogs(accountId: string | undefined): string[] {
  if (!accountId) return [];
  return readPreference(key(accountId), (value) => recentSchema.parse(value), []);
}

export function rememberCatalog(accountId: string | undefined, catalogId: string) {
  if (!accountId) return;
  const recent = [catalogId, ...readRecentCatalogs(accountId).filter((id) => id !== catalogId)].slice(0, maxRecent);
  writePreference(key(accountId), recent);
}

/** Recently opened catalogs first (most recent first), then the rest by name. */
export function orderCatalogs<T extends { id: string; displayName?: string | null }>(catalogs: T[], recent: string[]) {
  const rank = (id: string) => {
    const index = recent.indexOf(id);
    return index === -1 ? Number.POSITIVE_INFINITY : index;
  };
  return [...catalogs].sort(
    (a, b) => rank(a.id) - rank(b.id) || (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id),
  );
}
