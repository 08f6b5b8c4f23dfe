import { describe, expect, it } from 'vitest';
import { createIdleGate } from './idle-gate';

describe('createIdleGate', () => {
  it('holds callers until MSAL is idle, then lets everyone through at once', async () => {
    const gate = createIdleGate();
    const passed: string[] = [];
    const first = gate.whenIdle().then(() => passed.push('first'));
    const second = gate.whenIdle().then(() => passed.push('second'));
    await Promise.resolve();
    expect(passed).toEqual([]);
    gate.set(true);
    await Promise.all([first, second]);
    expect(passed).toEqual(['first', 'second']);
  });

  it('closes again while an interaction is in progress', async () => {
    const gate = createIdleGate();
    gate.set(true);
    await expect(gate.whenIdle()).resolves.toBeUndefined();
    gate.set(false);
    let passed = false;
    const waiting = gate.whenIdle().then(() => (passed = true));
    await Promise.resolve();
    expect(passed).toBe(false);
    gate.set(true);
    await waiting;
    expect(passed).toBe(true);
  });
});
