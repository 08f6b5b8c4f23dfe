import { describe, expect, it } from 'vitest';
import { enumLabel } from './enum-labels';

describe('enumLabel', () => {
  it.each([
    ['published', 'Published'],
    ['unpublished', 'Unpublished'],
    ['userManaged', 'User managed'],
    ['serviceDefault', 'Service default'],
    ['serviceManaged', 'Service managed'],
    ['unknownFutureValue', 'Unknown'],
    // Beta's capitalised strings read the same.
    ['UserManaged', 'User managed'],
    ['Published', 'Published'],
    // A value Graph adds later is split into words, never shown raw.
    ['partnerManaged', 'Partner managed'],
  ])('reads %s as "%s"', (value, label) => {
    expect(enumLabel(value)).toBe(label);
  });

  it('shows a dash for no value', () => {
    expect(enumLabel(undefined)).toBe('—');
    expect(enumLabel(null)).toBe('—');
    expect(enumLabel('')).toBe('—');
  });
});
