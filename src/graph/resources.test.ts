import { describe, expect, it } from 'vitest';
import { fakeGraph, json } from '../test/graph-test-kit';
import { countCatalogResources } from './resources';

describe('countCatalogResources', () => {
  it('reads the total from @odata.count of a one-item page', async () => {
    const { client, requests } = fakeGraph(() => json({ value: [{ id: 'r1' }], '@odata.count': 412 }));
    await expect(countCatalogResources(client, 'cat-1')).resolves.toBe(412);
    expect(requests.map((r) => r.query)).toEqual(['?$select=id&$count=true&$top=1']);
  });

  it('counts the ids the long way when Graph sends no count', async () => {
    const { client, requests } = fakeGraph(({ query }) =>
      query.includes('$count') ? json({ value: [{ id: 'r1' }] }) : json({ value: [{ id: 'r1' }, { id: 'r2' }, { id: 'r3' }] }),
    );
    await expect(countCatalogResources(client, 'cat-1')).resolves.toBe(3);
    expect(requests.map((r) => r.query)).toEqual(['?$select=id&$count=true&$top=1', '?$select=id']);
  });
});
