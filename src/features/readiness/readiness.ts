import { uploadWindowOf } from '../../graph/review-window';
import type { CatalogResource, ReviewDefinition, ReviewInstance, UploadSession } from '../../graph/schemas';
import { sessionStatusOf } from '../../graph/session-status';

/**
 * Which review instances need data, and how long is left: pure functions of what Graph sent and the time, so every
 * edge is a unit test. The window itself is the one rule of src/graph/review-window.ts (docs/graph-contract.md §5.4).
 */

/** Under this much time left, a window is shown as urgent. */
export const urgentMs = 30 * 60_000;
/** With this much time left and a session not finalized, the owner is notified (when they asked to be). */
export const lastCallMs = 15 * 60_000;

export type InstancePhase =
  /** Not started: the window opens at the start, when Graph gave one. */
  | { kind: 'upcoming'; opensAt?: number }
  | { kind: 'open'; closesAt: number; remainingMs: number; urgent: boolean }
  | { kind: 'closed'; reason: string };

const notStartedStatuses = new Set(['notstarted', 'starting']);

/** Where an instance stands in its upload window, by its status, its start and the time now. */
export function phaseOf(instance: ReviewInstance, now: number): InstancePhase {
  const window = uploadWindowOf(instance, now);
  if (window.open) return { kind: 'open', closesAt: window.closesAt, remainingMs: window.remainingMs, urgent: window.remainingMs < urgentMs };
  if (notStartedStatuses.has(instance.status?.toLowerCase() ?? '')) {
    const start = Date.parse(instance.startDateTime ?? '');
    return Number.isNaN(start) ? { kind: 'upcoming' } : { kind: 'upcoming', opensAt: start };
  }
  return { kind: 'closed', reason: window.reason };
}

/** One (review instance, custom data provided resource) pair: the session that holds the instance's data, if any. */
export type CellState =
  /** The resource's sessions have not arrived yet, or (`failed`) could not be read. */
  | { kind: 'unknown'; failed?: boolean }
  | { kind: 'none' }
  | { kind: 'active'; session: UploadSession; files: number; bytes: number }
  | { kind: 'complete'; session: UploadSession; files: number; bytes: number }
  | { kind: 'expired'; session: UploadSession }
  /** A status the console does not know (`unknownFutureValue`…), shown as Graph sent it. */
  | { kind: 'other'; session: UploadSession; status: string };

const preference = { complete: 0, active: 1, other: 2, expired: 3 } as const;

/**
 * The state of one cell from the resource's sessions. Only one active or complete session can hold an instance; an
 * expired one blocks nothing, so the others win. An active session whose window has closed reads expired, as Graph
 * will say on its next answer (docs/graph-contract.md §5.4).
 */
export function cellStateOf(sessions: UploadSession[] | undefined, instanceId: string, phase: InstancePhase, failed = false): CellState {
  if (!sessions) return failed ? { kind: 'unknown', failed } : { kind: 'unknown' };
  const held = sessions
    .filter((session) => (session.referenceId ?? session.data?.reviewInstanceId) === instanceId)
    .sort((a, b) => preference[sessionStatusOf(a.status)] - preference[sessionStatusOf(b.status)]);
  const session = held[0];
  if (!session) return { kind: 'none' };
  const files = session.stats?.filesUploaded ?? 0;
  const bytes = session.stats?.totalBytesUploaded ?? 0;
  switch (sessionStatusOf(session.status)) {
    case 'complete':
      return { kind: 'complete', session, files, bytes };
    case 'active':
      return phase.kind === 'closed' ? { kind: 'expired', session } : { kind: 'active', session, files, bytes };
    case 'expired':
      return { kind: 'expired', session };
    default:
      return { kind: 'other', session, status: session.status ?? 'unknown' };
  }
}

/** What a cell offers: the one thing to do next. */
export type CellAction =
  | { kind: 'create' }
  | { kind: 'continue'; sessionId: string }
  | { kind: 'view'; sessionId: string }
  /** The window has not opened: nothing to do yet. */
  | { kind: 'wait' }
  /** The window closed without a complete session: the review went on without this resource's data. */
  | { kind: 'missed'; sessionId?: string }
  | { kind: 'none' };

export function cellActionOf(phase: InstancePhase, state: CellState): CellAction {
  if (state.kind === 'unknown') return { kind: 'none' };
  if (state.kind === 'complete') return { kind: 'view', sessionId: state.session.id };
  if (phase.kind === 'upcoming') return { kind: 'wait' };
  if (phase.kind === 'closed') return { kind: 'missed', sessionId: state.kind === 'none' ? undefined : state.session.id };
  if (state.kind === 'active') return { kind: 'continue', sessionId: state.session.id };
  // Open, and nothing holds the instance (an expired session blocks nothing): a session can be created.
  if (state.kind === 'none' || state.kind === 'expired') return { kind: 'create' };
  return { kind: 'view', sessionId: state.session.id };
}

export interface ReadinessCell {
  resource: CatalogResource;
  state: CellState;
}

export interface ReadinessRow {
  catalogId: string;
  definition: ReviewDefinition;
  instance: ReviewInstance;
  phase: InstancePhase;
  cells: ReadinessCell[];
}

/** An open window with a resource whose data is not complete (or not known yet). */
export const needsData = (row: ReadinessRow) => row.phase.kind === 'open' && row.cells.some((cell) => cell.state.kind !== 'complete');

export interface CatalogReadinessInput {
  catalogId: string;
  /** The definitions that cover the catalog, each with its instances once they have arrived. */
  reviews: { definition: ReviewDefinition; instances: ReviewInstance[] | undefined }[];
  /** The catalog's custom data provided resources, each with its sessions once they have arrived (or failed). */
  resources: { resource: CatalogResource; sessions: UploadSession[] | undefined; failed?: boolean }[];
}

export function readinessRows(input: CatalogReadinessInput, now: number): ReadinessRow[] {
  return input.reviews.flatMap(({ definition, instances }) =>
    (instances ?? []).map((instance) => {
      const phase = phaseOf(instance, now);
      return {
        catalogId: input.catalogId,
        definition,
        instance,
        phase,
        cells: input.resources.map(({ resource, sessions, failed }) => ({ resource, state: cellStateOf(sessions, instance.id, phase, failed) })),
      };
    }),
  );
}

const startOf = (row: ReadinessRow) => Date.parse(row.instance.startDateTime ?? '') || 0;
const remainingOf = (row: ReadinessRow) => (row.phase.kind === 'open' ? row.phase.remainingMs : Infinity);
const opensAtOf = (row: ReadinessRow) => (row.phase.kind === 'upcoming' ? (row.phase.opensAt ?? Infinity) : Infinity);

/** Past instances: only the last closed one of each review, every one, or none. */
export type PastInstances = 'last' | 'all' | 'none';

export interface ReadinessSections {
  /** Open windows, least time left first. */
  open: ReadinessRow[];
  /** Windows to come, soonest first. */
  upcoming: ReadinessRow[];
  /** Closed windows, most recent first. */
  closed: ReadinessRow[];
}

export function sectionsOf(rows: ReadinessRow[], past: PastInstances): ReadinessSections {
  const open = rows.filter((row) => row.phase.kind === 'open').sort((a, b) => remainingOf(a) - remainingOf(b));
  const upcoming = rows.filter((row) => row.phase.kind === 'upcoming').sort((a, b) => opensAtOf(a) - opensAtOf(b));
  const allClosed = rows.filter((row) => row.phase.kind === 'closed').sort((a, b) => startOf(b) - startOf(a));
  const closed =
    past === 'none'
      ? []
      : past === 'all'
        ? allClosed
        : allClosed.filter((row, index) => allClosed.findIndex((other) => other.definition.id === row.definition.id) === index);
  return { open, upcoming, closed };
}

/** How often the readiness views ask Graph again: faster while a window is open, much slower after a 429. */
export function refreshIntervalMs({ anyOpen, throttled }: { anyOpen: boolean; throttled: boolean }): number {
  if (throttled) return 5 * 60_000;
  return anyOpen ? 15_000 : 60_000;
}

export interface ReadinessEvent {
  /** Fires once per key. */
  key: string;
  kind: 'opened' | 'closing';
  row: ReadinessRow;
}

/**
 * What to tell the owner about, once each: a window that opened since the last look (`previous`: the phase of each
 * instance then; undefined on the first look, which announces nothing), and an open window with 15 minutes or less
 * left while a session of it is not finalized.
 */
export function readinessEvents(rows: ReadinessRow[], previous: ReadonlyMap<string, InstancePhase['kind']> | undefined, fired: ReadonlySet<string>) {
  const events: ReadinessEvent[] = [];
  for (const row of rows) {
    if (row.phase.kind !== 'open') continue;
    const opened = `opened:${row.instance.id}`;
    if (previous && previous.get(row.instance.id) !== 'open' && !fired.has(opened)) events.push({ key: opened, kind: 'opened', row });
    const closing = `closing:${row.instance.id}`;
    const unfinalized = row.cells.some((cell) => cell.state.kind === 'active');
    if (row.phase.remainingMs <= lastCallMs && unfinalized && !fired.has(closing)) events.push({ key: closing, kind: 'closing', row });
  }
  return events;
}
