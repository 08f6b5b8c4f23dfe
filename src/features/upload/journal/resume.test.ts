import { describe, expect, it } from 'vitest';
import type { UploadedFile } from '../../../graph/schemas';
import { missingEntryFor, reconcileUnfinished, whyNotTheMissingFile } from './resume';
import type { JournalEntry } from './upload-journal';

const entry = (name: string, state: JournalEntry['state'], attempts = 1, size = 10): JournalEntry => ({
  accountId: 'a',
  sessionId: 's',
  id: `${name}-${state}-${attempts}`,
  name,
  size,
  sha256: 'ab'.repeat(32),
  rowCount: 1,
  formatId: 'entra',
  state,
  addedAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  attempts: Array.from({ length: attempts }, (_, n) => ({ clientRequestId: `c${n}`, startedAt: '2026-01-01T00:00:01Z' })),
});
const stored = (name: string, size = 10) => ({ id: name, name, size, uploadedDateTime: '2026-01-01T00:00:02Z' }) as UploadedFile;

describe('reconcileUnfinished', () => {
  it('a sent file the session holds arrived; a never-sent one and a sent one not in the session are missing', () => {
    const result = reconcileUnfinished(
      [entry('a.csv', 'sending'), entry('b.csv', 'queued', 0), entry('c.csv', 'sending'), entry('d.csv', 'arrived')],
      [stored('a.csv'), stored('b.csv'), stored('d.csv')],
    );
    expect(result.arrived.map((e) => e.name)).toEqual(['a.csv']);
    // b.csv is in the session, but this visit never sent it: that copy is someone else's.
    expect(result.missing.map((e) => e.name)).toEqual(['b.csv', 'c.csv']);
  });

  it('a copy already claimed by an arrived entry does not count for an unfinished one', () => {
    const result = reconcileUnfinished([entry('a.csv', 'arrived'), entry('a.csv', 'sending')], [stored('a.csv')]);
    expect(result.arrived).toEqual([]);
    expect(result.missing).toHaveLength(1);
  });

  it('matches names as the browser sends them (a " arrives as %22) and sizes exactly', () => {
    const result = reconcileUnfinished([entry('q"uote.csv', 'sending'), entry('e.csv', 'sending')], [stored('q%22uote.csv'), stored('e.csv', 11)]);
    expect(result.arrived.map((e) => e.name)).toEqual(['q"uote.csv']);
    expect(result.missing.map((e) => e.name)).toEqual(['e.csv']);
  });
});

describe('choosing a missing file again', () => {
  it('is matched by name and size, and refused when its SHA-256 differs', () => {
    const missing = [entry('a.csv', 'queued', 0)];
    const match = missingEntryFor(missing, { name: 'a.csv', size: 10 });
    expect(match).toBe(missing[0]);
    expect(missingEntryFor(missing, { name: 'a.csv', size: 11 })).toBeUndefined();
    expect(match && whyNotTheMissingFile(match, { name: 'a.csv', size: 10, sha256: 'ab'.repeat(32) })).toBeUndefined();
    expect(match && whyNotTheMissingFile(match, { name: 'a.csv', size: 10, sha256: 'cd'.repeat(32) })).toMatch(/^Not the file chosen before/);
  });
});
