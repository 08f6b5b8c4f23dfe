import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fakeGraph, graphError, json } from '../test/graph-test-kit';
import { createBatcher, maxBatchSize, type BatchAnswer } from './batch';

const item = z.looseObject({ id: z.string() });

describe('JSON batching of reads (docs/graph-contract.md §9.2)', () => {
  it('sends the GETs of one task as $batch requests of at most 20, and gives each caller its own answer', async () => {
    const { client, requests } = fakeGraph(({ path, body }) => {
      if (path !== '/$batch') return json({ id: 'alone' });
      const inner = (body as { requests: { id: string; url: string }[] }).requests;
      return json({ responses: inner.map(({ id, url }) => ({ id, status: 200, headers: { 'Content-Type': 'application/json' }, body: { id: url } })) });
    });
    const paths = Array.from({ length: 45 }, (_, n) => `/items/${n}`);
    const answers = await Promise.all(paths.map((path) => client.request(path, { schema: item, batch: true, query: '?$select=id' })));
    expect(answers.map((answer) => answer.id)).toEqual(paths.map((path) => `${path}?$select=id`));
    expect(requests.map((request) => [request.method, request.path, (request.body as { requests: unknown[] }).requests.length])).toEqual([
      ['POST', '/$batch', maxBatchSize],
      ['POST', '/$batch', maxBatchSize],
      ['POST', '/$batch', 5],
    ]);
    // A lone request needs no batch.
    expect(await client.request('/items/x', { schema: item, batch: true })).toEqual({ id: 'alone' });
    expect(requests.at(-1)).toMatchObject({ method: 'GET', path: '/items/x' });
  });

  it('turns an inner error into the GraphError a direct request would give', async () => {
    const { client } = fakeGraph(async ({ body }) => {
      const inner = (body as { requests: { id: string; url: string }[] }).requests;
      const forbidden = await graphError(403, 'accessDenied', 'req-9').json();
      return json({
        responses: inner.map(({ id, url }) =>
          url.endsWith('/1') ? { id, status: 403, headers: { 'Content-Type': 'application/json' }, body: forbidden } : { id, status: 200, body: { id } },
        ),
      });
    });
    const [ok, failed] = await Promise.allSettled([client.request('/items/0', { schema: item, batch: true }), client.request('/items/1', { schema: item, batch: true })]);
    expect(ok).toMatchObject({ status: 'fulfilled' });
    expect(failed).toMatchObject({ status: 'rejected', reason: { status: 403, code: 'accessDenied' } });
  });

  it('retries an inner 429 or 503 after its own Retry-After, in a later batch, and only those requests', async () => {
    const sent: string[][] = [];
    const waits: number[] = [];
    let throttled = 0;
    const batcher = createBatcher({
      maxRetries: 2,
      sleep: async (ms) => void waits.push(ms),
      postBatch: async (inner): Promise<BatchAnswer> => {
        sent.push(inner.map((request) => request.url));
        return {
          responses: inner.map(({ id, url }): BatchAnswer['responses'][number] => {
            if (url === '/b' && throttled++ === 0) return { id, status: 429, headers: { 'Retry-After': '7' }, body: {} };
            if (url === '/c' && throttled < 5) return { id, status: 503, headers: { 'Retry-After': '2' }, body: {} };
            return { id, status: 200, headers: {}, body: { url } };
          }),
        };
      },
    });
    const answers = await Promise.all(['/a', '/b', '/c'].map((url) => batcher.load(url)));
    // /c, still unavailable, is retried a second time alone: that one goes directly (the client's own retries).
    expect(answers.map((answer) => [answer.status, answer.direct ?? false])).toEqual([[200, false], [200, false], [0, true]]);
    expect(sent).toEqual([['/a', '/b', '/c'], ['/b', '/c']]);
    expect(waits.sort((x, y) => x - y)).toEqual([2000, 2000, 7000]);
  });

  it('drops a request whose caller gave up before its batch left, and sends the rest', async () => {
    const sent: string[][] = [];
    let flush = () => {};
    const batcher = createBatcher({
      maxRetries: 0,
      sleep: async () => {},
      schedule: (run) => (flush = run),
      postBatch: async (inner) => {
        sent.push(inner.map((request) => request.url));
        return { responses: inner.map(({ id }) => ({ id, status: 200, headers: {}, body: {} })) };
      },
    });
    const controller = new AbortController();
    const gone = batcher.load('/gone', controller.signal);
    const kept = batcher.load('/kept');
    controller.abort(new DOMException('Stopped', 'AbortError'));
    flush();
    await expect(gone).rejects.toMatchObject({ name: 'AbortError' });
    await expect(kept).resolves.toMatchObject({ status: 200 });
    expect(sent).toEqual([['/kept']]);
  });
});
