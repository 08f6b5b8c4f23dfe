import { describe, expect, it } from 'vitest';
import { graphStatusFilter, isActiveSession, sessionStatusFilterValues, sessionStatusOf } from './session-status';

describe('sessionStatusOf', () => {
  it.each([
    ['active', 'active'],
    ['Active', 'active'],
    ['ACTIVE', 'active'],
    ['complete', 'complete'],
    ['Complete', 'complete'],
    ['expired', 'expired'],
    ['unknownFutureValue', 'other'],
    ['archived', 'other'],
    ['toString', 'other'],
    ['', 'other'],
    [null, 'other'],
    [undefined, 'other'],
  ] as const)('reads %s as %s', (status, expected) => {
    expect(sessionStatusOf(status)).toBe(expected);
  });

  it('lets only active sessions take files, whatever the case', () => {
    expect(isActiveSession({ status: 'Active' })).toBe(true);
    expect(isActiveSession({ status: 'complete' })).toBe(false);
    expect(isActiveSession({ status: 'unknownFutureValue' })).toBe(false);
    expect(isActiveSession({})).toBe(false);
  });

  it('filters by the known statuses and other, which Graph knows as unknownFutureValue', () => {
    expect(sessionStatusFilterValues.map(graphStatusFilter)).toEqual(['active', 'complete', 'expired', 'unknownFutureValue']);
    // What the filter asks for is what the summaries count as other.
    expect(sessionStatusOf(graphStatusFilter('other'))).toBe('other');
  });
});
