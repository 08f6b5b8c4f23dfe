/// <reference types="node" />
// Runs in Node: it sets the process time zone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromLocalInputValue, toLocalInputValue } from './local-date-time';

describe('datetime-local values', () => {
  // A zone with an offset and daylight saving time, so "local" differs from UTC wherever the tests run.
  const originalZone = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = 'Europe/Zurich';
  });
  afterAll(() => {
    if (originalZone === undefined) delete process.env.TZ;
    else process.env.TZ = originalZone;
  });

  it('is really running in another zone', () => {
    expect(fromLocalInputValue('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(fromLocalInputValue('2026-01-01T12:00')).toBe('2026-01-01T11:00:00.000Z');
  });

  it('reads a datetime-local value as local time and gives UTC', () => {
    expect(fromLocalInputValue('2026-11-22T14:05')).toBe(new Date(2026, 10, 22, 14, 5).toISOString());
    expect(fromLocalInputValue('2026-11-22T14:05:30')).toBe(new Date(2026, 10, 22, 14, 5, 30).toISOString());
    expect(fromLocalInputValue('2026-11-22T14:05:30.250')).toBe(new Date(2026, 10, 22, 14, 5, 30, 250).toISOString());
  });

  it('rejects empty and malformed values', () => {
    expect(fromLocalInputValue('')).toBeUndefined();
    expect(fromLocalInputValue('2026-11-22')).toBeUndefined();
    expect(fromLocalInputValue('2026-11-22T14:05Z')).toBeUndefined();
    expect(fromLocalInputValue('2026-13-45T99:99')).toBeUndefined();
  });

  it('shows an instant in local time, with milliseconds only when it has some', () => {
    expect(toLocalInputValue(new Date(2026, 0, 2, 3, 4, 5).toISOString())).toBe('2026-01-02T03:04:05');
    expect(toLocalInputValue(new Date(2026, 0, 2, 3, 4, 5, 67).toISOString())).toBe('2026-01-02T03:04:05.067');
    expect(toLocalInputValue('not a date')).toBe('');
  });

  it('round-trips an instant exactly', () => {
    for (const iso of ['2026-11-22T13:05:00.000Z', '2026-03-29T01:30:15.123Z', '2025-12-31T23:59:59.999Z']) {
      expect(fromLocalInputValue(toLocalInputValue(iso))).toBe(iso);
    }
  });
});
