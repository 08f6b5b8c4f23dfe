import { describe, expect, it } from 'vitest';
import { fakeGraph, json, type SeenRequest } from '../test/graph-test-kit';
import { listReviewDefinitions } from './access-reviews';
import { getCatalog } from './catalogs';
import { countCatalogResources, listCustomDataResources } from './resources';

const catalogPath = '/identityGovernance/entitlementManagement/catalogs/cat-1';

/** A fake $batch: each inner GET answered by `answer(url)`, with its own id. */
const batchOf = (answer: (url: string) => unknown) => (request: SeenRequest) => {
  const inner = (request.body as { requests: { id: string; url: string }[] }).requests;
  return json({ responses: inner.map(({ id, url }) => ({ id, status: 200, headers: {}, body: answer(url) })) });
};

describe('the catalog page first requests', () => {
  it('go in one $batch when asked in the same task, each caller with its own answer', async () => {
    const { client, requests } = fakeGraph(
      batchOf((url) => {
        if (url === catalogPath) return { id: 'cat-1', displayName: 'Building Access' };
        if (url.includes('$count=true')) return { value: [{ id: 'r1' }], '@odata.count': 52 };
        if (url.includes('/resources?')) return { value: [{ id: 'r1', originSystem: 'CustomDataProvidedResource' }] };
        return { value: [{ id: 'def-1' }] };
      }),
    );
    const [catalog, count, resources, definitions] = await Promise.all([
      getCatalog(client, 'cat-1'),
      countCatalogResources(client, 'cat-1'),
      listCustomDataResources(client, 'cat-1'),
      listReviewDefinitions(client),
    ]);
    expect(catalog.displayName).toBe('Building Access');
    expect(count).toBe(52);
    expect(resources.map((r) => r.id)).toEqual(['r1']);
    expect(definitions.map((d) => d.id)).toEqual(['def-1']);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch']);
    const inner = (requests[0]?.body as { requests: { method: string; url: string }[] }).requests;
    expect(inner.map((r) => `${r.method} ${decodeURIComponent(r.url)}`)).toEqual([
      `GET ${catalogPath}`,
      `GET ${catalogPath}/resources?$select=id&$count=true&$top=1`,
      `GET ${catalogPath}/resources?$filter=originSystem eq 'CustomDataProvidedResource'`,
      'GET /identityGovernance/accessReviews/definitions',
    ]);
  });

  it('go directly when alone in their task', async () => {
    const { client, requests } = fakeGraph(() => json({ id: 'cat-1' }));
    await expect(getCatalog(client, 'cat-1')).resolves.toMatchObject({ id: 'cat-1' });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${catalogPath}`]);
  });
});
