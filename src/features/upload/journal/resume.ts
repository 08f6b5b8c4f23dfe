import { copiesInSession } from '../../../graph/file-identity';
import type { UploadedFile } from '../../../graph/schemas';
import { isUnfinished, type JournalEntry } from './upload-journal';

export interface UnfinishedFiles {
  /** Sent in an earlier visit and in the session now (by name as stored, and size). */
  arrived: JournalEntry[];
  /** Never sent, or sent without reaching the session: to be chosen again. */
  missing: JournalEntry[];
}

/**
 * What an earlier visit (a closed tab, a crash, a redirect) left unfinished, reconciled with Graph's file list: an
 * entry whose attempt may have delivered it counts as arrived when the session holds a file with its name and size,
 * one per such file (two unfinished entries with the same name and size need two stored copies).
 */
export function reconcileUnfinished(entries: readonly JournalEntry[], stored: readonly UploadedFile[]): UnfinishedFiles {
  const arrived: JournalEntry[] = [];
  const missing: JournalEntry[] = [];
  const claimed = new Map<string, number>();
  // Copies already accounted for by entries known to have arrived.
  for (const entry of entries) if (entry.state === 'arrived') bump(claimed, entry);
  for (const entry of entries.filter(isUnfinished)) {
    const key = `${entry.name}\u0000${entry.size}`;
    const sent = entry.attempts.length > 0;
    if (sent && copiesInSession(entry, stored) > (claimed.get(key) ?? 0)) {
      bump(claimed, entry);
      arrived.push(entry);
    } else {
      missing.push(entry);
    }
  }
  return { arrived, missing };
}

function bump(claimed: Map<string, number>, entry: JournalEntry) {
  const key = `${entry.name}\u0000${entry.size}`;
  claimed.set(key, (claimed.get(key) ?? 0) + 1);
}

/** Why a file chosen again is not the missing one it looks like, or undefined when it is (name, size and SHA-256). */
export function whyNotTheMissingFile(missing: JournalEntry, chosen: { name: string; size: number; sha256?: string }): string | undefined {
  if (chosen.sha256 === undefined) return undefined;
  if (chosen.sha256 !== missing.sha256) {
    return `Not the file chosen before: same name and size, but its content differs (SHA-256 ${chosen.sha256.slice(0, 12)}…, expected ${missing.sha256.slice(0, 12)}…).`;
  }
  return undefined;
}

/** The missing entry a chosen file stands for: same name and size (its hash is checked by whyNotTheMissingFile). */
export const missingEntryFor = (missing: readonly JournalEntry[], chosen: { name: string; size: number }) =>
  missing.find((entry) => entry.name === chosen.name && entry.size === chosen.size);
