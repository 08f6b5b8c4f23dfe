import { describe, expect, it } from 'vitest';
import { summarize } from './summarize-upload-sessions';

describe('summarize', () => {
  it('counts each status, unknown ones apart, and finds the newest session', () => {
    expect(
      summarize([
        { status: 'active', createdDateTime: '2026-11-01T00:00:00Z' },
        { status: 'Complete', createdDateTime: '2026-11-20T00:00:00Z' },
        { status: 'expired', createdDateTime: '2026-10-01T00:00:00Z' },
        { status: 'unknownFutureValue', createdDateTime: '2026-09-01T00:00:00Z' },
        { status: undefined },
      ]),
    ).toEqual({ active: 1, complete: 1, expired: 1, other: 2, newestCreated: '2026-11-20T00:00:00Z' });
  });

  it('has no newest date when there are no sessions', () => {
    expect(summarize([])).toEqual({ active: 0, complete: 0, expired: 0, other: 0 });
  });
});
