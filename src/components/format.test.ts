import { describe, expect, it } from 'vitest';
import { formatBytes, formatBytesBeside, formatDateTime, formatDuration, formatExactBytes, formatRelative } from './format';

describe('format', () => {
  it('formats sizes in decimal units', () => {
    expect(formatBytes(0, 'en-US')).toBe('0 B');
    expect(formatBytes(999, 'en-US')).toBe('999 B');
    expect(formatBytes(1536, 'en-US')).toBe('1.54 kB');
    expect(formatBytes(52_428_800, 'en-US')).toBe('52.4 MB');
    expect(formatBytes(3_000_000_000, 'de-DE')).toBe('3\u00a0GB');
  });

  it('uses 1,000 bytes per kB, as the size filter and the upload limit do', () => {
    expect(formatBytes(1000, 'en-US')).toBe('1 kB');
    expect(formatBytes(50_000_000, 'en-US')).toBe('50 MB');
    expect(formatBytes(1_000_000_000_000, 'en-US')).toBe('1 TB');
  });

  it('sets a size beside a limit so that they never read the same unless they are', () => {
    expect(formatBytesBeside(62_914_560, 50_000_000, 'en-US')).toEqual(['62.9 MB', '50 MB']);
    expect(formatBytesBeside(50_000_001, 50_000_000, 'en-US')).toEqual(['50,000,001 bytes', '50,000,000 bytes']);
    expect(formatBytesBeside(50_000_000, 50_000_000, 'en-US')).toEqual(['50 MB', '50 MB']);
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
