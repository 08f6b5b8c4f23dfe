import { describe, expect, it } from 'vitest';
import { fakeGraph, json } from '../test/graph-test-kit';
import { listReviewInstances } from './access-reviews';

describe('listReviewInstances', () => {
  it('sends the instances of several definitions asked in the same task in one $batch', async () => {
    const { client, requests } = fakeGraph(({ body }) => {
      const inner = (body as { requests: { id: string; url: string }[] }).requests;
      // Each definition's instance is named after it, so a mixed-up answer would show.
      return json({ responses: inner.map(({ id, url }) => ({ id, status: 200, headers: {}, body: { value: [{ id: `of ${url.split('/')[4]}` }] } })) });
    });
    const lists = await Promise.all(['def-1', 'def-2', 'def-3'].map((id) => listReviewInstances(client, id)));
    expect(lists.map((list) => list.map((instance) => instance.id))).toEqual([['of def-1'], ['of def-2'], ['of def-3']]);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /$batch']);
    const inner = (requests[0]?.body as { requests: { url: string }[] }).requests;
    expect(inner.map((r) => r.url)).toEqual(['def-1', 'def-2', 'def-3'].map((id) => `/identityGovernance/accessReviews/definitions/${id}/instances`));
  });
});
