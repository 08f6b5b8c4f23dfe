import { describe, expect, it } from 'vitest';
import type { ReviewInstance, UploadSession } from '../../graph/schemas';
import {
  cellActionOf,
  cellStateOf,
  needsData,
  phaseOf,
  readinessEvents,
  readinessRows,
  refreshIntervalMs,
  sectionsOf,
  type InstancePhase,
  type ReadinessRow,
} from './readiness';

const now = Date.parse('2026-11-22T12:00:00Z');
const minute = 60_000;
const at = (offsetMinutes: number) => new Date(now + offsetMinutes * minute).toISOString();
const instance = (status: string, startOffsetMinutes: number | null, id = 'i1'): ReviewInstance => ({
  id,
  status,
  startDateTime: startOffsetMinutes === null ? null : at(startOffsetMinutes),
});
const session = (id: string, status: string, referenceId = 'i1', files = 0, bytes = 0): UploadSession => ({
  id,
  status,
  referenceId,
  stats: { filesUploaded: files, totalBytesUploaded: bytes },
});
const open: InstancePhase = { kind: 'open', closesAt: now + 60 * minute, remainingMs: 60 * minute, urgent: false };
const closed: InstancePhase = { kind: 'closed', reason: 'Window closed: the review is past initializing' };

describe('phaseOf', () => {
  it('is upcoming for a review not started, opening at its start', () => {
    expect(phaseOf(instance('NotStarted', 90), now)).toEqual({ kind: 'upcoming', opensAt: now + 90 * minute });
    expect(phaseOf(instance('notstarted', null), now)).toEqual({ kind: 'upcoming' });
    expect(phaseOf(instance('Starting', 5), now)).toEqual({ kind: 'upcoming', opensAt: now + 5 * minute });
  });

  it('is open from exactly the start of Initializing until exactly two hours later, where it closes', () => {
    expect(phaseOf(instance('Initializing', 0), now)).toEqual({ kind: 'open', closesAt: now + 120 * minute, remainingMs: 120 * minute, urgent: false });
    expect(phaseOf(instance('Initializing', -120), now)).toEqual({ kind: 'closed', reason: 'Window closed: two hours have passed since the review started' });
    expect(phaseOf(instance('Initializing', -120), now - 1)).toMatchObject({ kind: 'open', remainingMs: 1 });
  });

  it('is urgent under 30 minutes left, not at 30 exactly', () => {
    expect(phaseOf(instance('Initializing', -90), now)).toMatchObject({ kind: 'open', remainingMs: 30 * minute, urgent: false });
    expect(phaseOf(instance('Initializing', -90), now + 1)).toMatchObject({ kind: 'open', urgent: true });
  });

  it('is closed for every status past initializing, and unknown without a start time', () => {
    for (const status of ['Active', 'Applying', 'Applied', 'Completed', 'InProgress', 'AutoReviewed', 'unknownFutureValue']) {
      expect(phaseOf(instance(status, -10), now)).toEqual(closed);
    }
    expect(phaseOf(instance('Initializing', null), now)).toEqual({ kind: 'closed', reason: 'Window unknown: Graph gave no start time' });
    expect(phaseOf({ id: 'x', status: null, startDateTime: at(-5) }, now).kind).toBe('closed');
  });
});

describe('cellStateOf', () => {
  it('is unknown until the sessions arrive, none when no session holds the instance', () => {
    expect(cellStateOf(undefined, 'i1', open)).toEqual({ kind: 'unknown' });
    expect(cellStateOf(undefined, 'i1', open, true)).toEqual({ kind: 'unknown', failed: true });
    expect(cellStateOf([session('s', 'active', 'other-instance')], 'i1', open)).toEqual({ kind: 'none' });
  });

  it('reads active with files and bytes, complete, expired and other statuses, in any case', () => {
    expect(cellStateOf([session('s', 'active', 'i1', 3, 2048)], 'i1', open)).toMatchObject({ kind: 'active', files: 3, bytes: 2048 });
    expect(cellStateOf([session('s', 'Complete', 'i1', 1, 10)], 'i1', closed)).toMatchObject({ kind: 'complete', files: 1 });
    expect(cellStateOf([session('s', 'expired')], 'i1', open)).toMatchObject({ kind: 'expired' });
    expect(cellStateOf([session('s', 'unknownFutureValue')], 'i1', open)).toMatchObject({ kind: 'other', status: 'unknownFutureValue' });
  });

  it('prefers the session that blocks (complete, then active) over expired ones, and finds it by its data too', () => {
    const sessions = [session('old', 'expired'), session('new', 'active')];
    expect(cellStateOf(sessions, 'i1', open)).toMatchObject({ kind: 'active', session: { id: 'new' } });
    expect(cellStateOf([...sessions, session('done', 'complete')], 'i1', open)).toMatchObject({ kind: 'complete', session: { id: 'done' } });
    const byData: UploadSession = { id: 'd', status: 'active', data: { reviewInstanceId: 'i1' } };
    expect(cellStateOf([byData], 'i1', open)).toMatchObject({ kind: 'active', session: { id: 'd' } });
  });

  it('reads an active session of a closed window as expired', () => {
    expect(cellStateOf([session('s', 'active', 'i1', 2, 5)], 'i1', closed)).toMatchObject({ kind: 'expired', session: { id: 's' } });
  });
});

describe('cellActionOf', () => {
  const upcoming: InstancePhase = { kind: 'upcoming', opensAt: now + minute };
  it('creates, continues or views while the window is open', () => {
    expect(cellActionOf(open, { kind: 'none' })).toEqual({ kind: 'create' });
    expect(cellActionOf(open, cellStateOf([session('e', 'expired')], 'i1', open))).toEqual({ kind: 'create' });
    expect(cellActionOf(open, cellStateOf([session('a', 'active')], 'i1', open))).toEqual({ kind: 'continue', sessionId: 'a' });
    expect(cellActionOf(open, cellStateOf([session('c', 'complete')], 'i1', open))).toEqual({ kind: 'view', sessionId: 'c' });
    expect(cellActionOf(open, cellStateOf([session('o', 'unknownFutureValue')], 'i1', open))).toEqual({ kind: 'view', sessionId: 'o' });
  });

  it('waits before the window, and says a closed window was missed unless the data is complete', () => {
    expect(cellActionOf(upcoming, { kind: 'none' })).toEqual({ kind: 'wait' });
    expect(cellActionOf(closed, { kind: 'none' })).toEqual({ kind: 'missed' });
    expect(cellActionOf(closed, cellStateOf([session('a', 'active')], 'i1', closed))).toEqual({ kind: 'missed', sessionId: 'a' });
    expect(cellActionOf(closed, cellStateOf([session('c', 'complete')], 'i1', closed))).toEqual({ kind: 'view', sessionId: 'c' });
    expect(cellActionOf(open, { kind: 'unknown' })).toEqual({ kind: 'none' });
  });
});

describe('readinessRows and sectionsOf', () => {
  const badge = { id: 'badge', displayName: 'Badge Access Data' };
  const parking = { id: 'parking', displayName: 'Parking Permits' };
  const rows = readinessRows(
    {
      catalogId: 'cat',
      reviews: [
        {
          definition: { id: 'quarterly' },
          instances: [instance('Initializing', -15, 'q-open'), instance('Applied', -90 * 24 * 60, 'q-old'), instance('Completed', -180 * 24 * 60, 'q-older'), instance('NotStarted', 90 * 24 * 60, 'q-next')],
        },
        { definition: { id: 'weekly' }, instances: [instance('Initializing', -100, 'w-open'), instance('Applied', -7 * 24 * 60, 'w-old')] },
        { definition: { id: 'annual' }, instances: undefined },
        { definition: { id: 'soon' }, instances: [instance('NotStarted', 40, 's-next')] },
      ],
      resources: [
        { resource: badge, sessions: [session('b1', 'active', 'w-open', 4, 100), session('b2', 'complete', 'q-old')] },
        { resource: parking, sessions: undefined },
      ],
    },
    now,
  );

  it('gives every instance a row with a cell per resource', () => {
    expect(rows).toHaveLength(7);
    const weekly = rows.find((row) => row.instance.id === 'w-open');
    expect(weekly?.cells.map((cell) => [cell.resource.id, cell.state.kind])).toEqual([
      ['badge', 'active'],
      ['parking', 'unknown'],
    ]);
  });

  it('orders open windows by time left, upcoming by opening, closed most recent first, the last per review', () => {
    const sections = sectionsOf(rows, 'last');
    expect(sections.open.map((row) => row.instance.id)).toEqual(['w-open', 'q-open']);
    expect(sections.upcoming.map((row) => row.instance.id)).toEqual(['s-next', 'q-next']);
    expect(sections.closed.map((row) => row.instance.id)).toEqual(['w-old', 'q-old']);
    expect(sectionsOf(rows, 'all').closed.map((row) => row.instance.id)).toEqual(['w-old', 'q-old', 'q-older']);
    expect(sectionsOf(rows, 'none').closed).toEqual([]);
  });

  it('needs data while a window is open and a resource is not complete', () => {
    expect(rows.filter(needsData).map((row) => row.instance.id).sort()).toEqual(['q-open', 'w-open']);
    const done: ReadinessRow = { ...rows[0]!, cells: [{ resource: badge, state: { kind: 'complete', session: session('c', 'complete'), files: 1, bytes: 1 } }] };
    expect(needsData(done)).toBe(false);
  });
});

describe('refreshIntervalMs', () => {
  it('refreshes every 15 s while a window is open, every minute otherwise, every 5 minutes after a 429', () => {
    expect(refreshIntervalMs({ anyOpen: true, throttled: false })).toBe(15_000);
    expect(refreshIntervalMs({ anyOpen: false, throttled: false })).toBe(60_000);
    expect(refreshIntervalMs({ anyOpen: true, throttled: true })).toBe(300_000);
  });
});

describe('readinessEvents', () => {
  const row = (remainingMinutes: number, state: 'active' | 'none'): ReadinessRow => ({
    catalogId: 'cat',
    definition: { id: 'd' },
    instance: { id: 'i1' },
    phase: { kind: 'open', closesAt: now + remainingMinutes * minute, remainingMs: remainingMinutes * minute, urgent: remainingMinutes < 30 },
    cells: [
      {
        resource: { id: 'r' },
        state: state === 'active' ? { kind: 'active', session: session('s', 'active'), files: 0, bytes: 0 } : { kind: 'none' },
      },
    ],
  });
  const keys = (events: { key: string }[]) => events.map((event) => event.key);

  it('announces a window that opened since the last look, not one already open on the first look', () => {
    expect(keys(readinessEvents([row(119, 'none')], undefined, new Set()))).toEqual([]);
    expect(keys(readinessEvents([row(119, 'none')], new Map([['i1', 'upcoming']]), new Set()))).toEqual(['opened:i1']);
    expect(keys(readinessEvents([row(119, 'none')], new Map([['i1', 'open']]), new Set()))).toEqual([]);
    expect(keys(readinessEvents([row(119, 'none')], new Map([['i1', 'upcoming']]), new Set(['opened:i1'])))).toEqual([]);
  });

  it('warns from exactly 15 minutes left while a session is not finalized, once', () => {
    expect(keys(readinessEvents([row(16, 'active')], undefined, new Set()))).toEqual([]);
    expect(keys(readinessEvents([row(15, 'active')], undefined, new Set()))).toEqual(['closing:i1']);
    expect(keys(readinessEvents([row(15, 'active')], undefined, new Set(['closing:i1'])))).toEqual([]);
    expect(keys(readinessEvents([row(10, 'none')], undefined, new Set()))).toEqual([]);
  });
});
