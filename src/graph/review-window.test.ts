import { describe, expect, it } from 'vitest';
import { uploadWindowMs, uploadWindowOf } from './review-window';

const now = Date.parse('2026-11-22T12:00:00Z');
const instance = (status: string, startDateTime: string | null) => ({ id: 'i', status, startDateTime });

describe('upload window', () => {
  it('is two hours from the start of an Initializing instance', () => {
    expect(uploadWindowMs).toBe(2 * 60 * 60 * 1000);
    expect(uploadWindowOf(instance('Initializing', '2026-11-22T11:30:00Z'), now)).toEqual({
      open: true,
      closesAt: Date.parse('2026-11-22T13:30:00Z'),
      remainingMs: 90 * 60_000,
    });
    expect(uploadWindowOf(instance('initializing', '2026-11-22T10:00:01Z'), now)).toMatchObject({ open: true, remainingMs: 1000 });
  });

  it('is closed once the two hours have passed, even if the status still says Initializing', () => {
    expect(uploadWindowOf(instance('Initializing', '2026-11-22T10:00:00Z'), now)).toEqual({
      open: false,
      reason: 'Window closed: two hours have passed since the review started',
    });
  });

  it('is closed for reviews past initializing and not open yet for reviews not started', () => {
    for (const status of ['Active', 'Applying', 'Applied', 'Completed', 'InProgress', 'unknownFutureValue']) {
      expect(uploadWindowOf(instance(status, '2026-11-22T11:59:00Z'), now)).toEqual({
        open: false,
        reason: 'Window closed: the review is past initializing',
      });
    }
    expect(uploadWindowOf(instance('NotStarted', '2026-12-01T00:00:00Z'), now)).toMatchObject({ open: false, reason: expect.stringMatching(/not open yet/) });
  });

  it('cannot be worked out without a start time', () => {
    expect(uploadWindowOf(instance('Initializing', null), now)).toMatchObject({ open: false, reason: expect.stringMatching(/no start time/) });
  });
});
