import { describe, expect, it } from 'vitest';
import { formatBytes, formatDateTime, formatDuration, formatExactBytes, formatRelative } from './format';

describe('format', () => {
  it('formats sizes in decimal units', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 B');
    expect(formatBytes(999, 'en-US')).toBe('999 B');
    expect(formatBytes(1536, 'en-US')).toBe('1.54 kB');
    expect(formatBytes(52_428_800, 'en-US')).toBe('52.4 MB');
    expect(formatBytes(3_000_000_000, 'de-DE')).toBe('3\u00a0GB');
  });

  it('gives the exact byte count for tooltips', () => {
    expect(formatExactBytes(1234567, 'en-US')).toBe('1,234,567 bytes');
  });

  it('formats dates in the given locale and time zone', () => {
    expect(formatDateTime('2026-11-22T14:05:00Z', 'en-US', 'UTC')).toBe('Nov 22, 2026, 2:05 PM');
  });

  it('says how long ago or how soon', () => {
    const now = Date.parse('2026-11-22T12:00:00Z');
    expect(formatRelative('2026-11-22T09:00:00Z', now, 'en-US')).toBe('3 hours ago');
    expect(formatRelative('2026-11-22T12:20:00Z', now, 'en-US')).toBe('in 20 minutes');
    expect(formatRelative('2026-11-21T12:00:00Z', now, 'en-US')).toBe('yesterday');
  });

  it('formats countdowns', () => {
    expect(formatDuration(30_000)).toBe('less than a minute');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration(65 * 60_000)).toBe('1 h 05 min');
    expect(formatDuration(47 * 3_600_000 + 59 * 60_000)).toBe('47 h 59 min');
    expect(formatDuration(52 * 3_600_000 + 10 * 60_000)).toBe('2 days 4 h');
    expect(formatDuration(72 * 3_600_000)).toBe('3 days');
    expect(formatDuration(2159 * 3_600_000 + 59 * 60_000)).toBe('89 days');
  });
});
