import { describe, expect, it } from 'vitest';
import { definitionsOfCatalog, nameReviewInstances } from './review-instance-names';

const definitions = [
  { id: 'd1', displayName: 'Quarterly review', scope: { resourceScopes: [{ resourceId: 'cat-1' }] } },
  { id: 'd2', displayName: 'Other catalog', scope: { resourceScopes: [{ resourceId: 'cat-2' }] } },
  { id: 'd3', displayName: null, scope: { resourceScopes: [{ resourceId: 'x' }, { resourceId: 'cat-1' }] } },
  { id: 'd4', displayName: 'Group review', scope: null },
];

describe('review instance names', () => {
  it("keeps the definitions that scope the catalog", () => {
    expect(definitionsOfCatalog(definitions, 'cat-1').map((definition) => definition.id)).toEqual(['d1', 'd3']);
  });

  it('names each instance after its definition, falling back to the definition id', () => {
    const names = nameReviewInstances(
      definitionsOfCatalog(definitions, 'cat-1'),
      new Map([
        ['d1', [{ id: 'i1', startDateTime: '2026-11-01T00:00:00Z' }, { id: 'i2' }, { id: 'i4', startDateTime: '2026-08-01T00:00:00Z' }]],
        ['d3', [{ id: 'i3' }]],
      ]),
    );
    expect(names.get('i1')).toEqual({ instanceId: 'i1', definitionId: 'd1', reviewName: 'Quarterly review', startDateTime: '2026-11-01T00:00:00Z', instanceNumber: 3 });
    // Counted by start; an instance without one counts first.
    expect([names.get('i2')?.instanceNumber, names.get('i4')?.instanceNumber]).toEqual([1, 2]);
    expect(names.get('i2')?.reviewName).toBe('Quarterly review');
    expect(names.get('i3')?.reviewName).toBe('d3');
    expect(names.size).toBe(4);
  });
});
