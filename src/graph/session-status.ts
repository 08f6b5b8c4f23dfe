/**
 * An upload session's status, the one rule every view uses (badge, read-only decision, summaries, "does this session
 * block a new one"). Graph sends lowercase `active`, `complete`, `expired` and `unknownFutureValue`; sessions from the
 * older beta said `Active` and `Complete` (docs/graph-contract.md §1.5). Case is ignored; anything else, including
 * `unknownFutureValue` and values Graph may add, is `other`: shown as sent, never treated as active.
 */
export type SessionStatus = 'active' | 'complete' | 'expired' | 'other';

export const knownSessionStatuses = ['active', 'complete', 'expired'] as const;

export function sessionStatusOf(status: string | null | undefined): SessionStatus {
  const lower = status?.toLowerCase();
  return lower === 'active' || lower === 'complete' || lower === 'expired' ? lower : 'other';
}

/** Only an active session takes files, can be finalized or deleted by the console. */
export const isActiveSession = (session: { status?: string | null }) => sessionStatusOf(session.status) === 'active';

/** What the status filters offer: the known statuses, and every other one together. */
export const sessionStatusFilterValues = [...knownSessionStatuses, 'other'] as const;

/**
 * The value Graph is asked to filter by. `$filter` takes only `status eq` (docs/graph-contract.md §2.3), and the enum's
 * one member beyond the known three is `unknownFutureValue`, which also stands for any member added later (§1.5): so
 * "other" on the wire is `unknownFutureValue`, the same sessions the summaries count as other.
 */
export const graphStatusFilter = (status: SessionStatus) => (status === 'other' ? 'unknownFutureValue' : status);
