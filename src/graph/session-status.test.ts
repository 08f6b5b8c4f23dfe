import { describe, expect, it } from 'vitest';
import { isActiveSession, sessionStatusOf } from './session-status';

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
});
