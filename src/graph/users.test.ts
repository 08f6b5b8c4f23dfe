import { describe, expect, it, vi } from 'vitest';
import { json } from '../test/graph-test-kit';
import { chunksOf, runChunks } from './batch-runner';
import { getDirectoryObjectsByIds } from './directory-objects';
import { createGraphClient, withScopes } from './graph-client';
import { buildUserLookupQuery, findUsersBy } from './users';

interface InnerRequest {
  id: string;
  url: string;
}

/** A fake Graph answering `$batch` of user lookups from a directory of mails; `inner` may replace any inner answer. */
function directoryGraph(options: { users: { id: string; mail: string }[]; inner?: (request: InnerRequest, seen: number) => unknown; getByIds?: (ids: string[]) => Response }) {
  const usersFor = (url: string) => {
    const inList = /in \((.*)\)/.exec(decodeURIComponent(url))![1]!;
    const values = [...inList.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
    return options.users.filter((user) => values.includes(user.mail.toLowerCase()));
  };
  const posts: { path: string; body: unknown; query: string }[] = [];
  const waits: number[] = [];
  const seen = new Map<string, number>();
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    const path = url.pathname.replace('/v1.0', '');
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    posts.push({ path, body, query: decodeURIComponent(url.search) });
    if (path === '/directoryObjects/getByIds') return options.getByIds!((body as { ids: string[] }).ids);
    if (path === '/users') return json({ value: usersFor(url.search) });
    const requests = (body as { requests: InnerRequest[] }).requests;
    return json({
      responses: requests.map((request) => {
        const count = (seen.get(request.url) ?? 0) + 1;
        seen.set(request.url, count);
        const replaced = options.inner?.(request, count);
        if (replaced) return { id: request.id, ...(replaced as object) };
        return { id: request.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: { value: usersFor(request.url) } };
      }),
    });
  });
  const client = createGraphClient({
    baseUrl: 'https://graph.test',
    apiVersion: 'v1.0',
    getAccessToken: async () => 'token',
    fetch,
    maxRetries: 3,
    sleep: async (ms) => void waits.push(ms),
  });
  return { client, posts, waits };
}

const people = (count: number) => Array.from({ length: count }, (_, n) => ({ id: `id-${n}`, mail: `person${n}@contoso.example` }));

describe('bulk people lookups (docs/graph-contract.md §9.1, §9.2)', () => {
  it('splits values into filters of 15 and those into $batch requests of 20', async () => {
    const users = people(700);
    const { client, posts } = directoryGraph({ users });
    const progress: number[] = [];
    const results = await findUsersBy(client, 'mail', users.map((user) => user.mail), { onProgress: ({ done }) => progress.push(done) });
    // 700 values: 47 filters (46 of 15 and one of 10), in batches of 20, 20 and 7.
    expect(posts.map((post) => (post.body as { requests: unknown[] }).requests.length)).toEqual([20, 20, 7]);
    const firstUrl = decodeURIComponent((posts[0]!.body as { requests: InnerRequest[] }).requests[0]!.url);
    expect(firstUrl).toContain('$select=id,userPrincipalName,mail,employeeId,accountEnabled,userType,displayName');
    expect(firstUrl.match(/'[^']*'/g)).toHaveLength(15);
    expect(results.get('person699@contoso.example')).toEqual({ users: [{ id: 'id-699', mail: 'person699@contoso.example' }] });
    expect(progress.at(-1)).toBe(700);
  });

  it('quotes values the OData way, so a quote in a value cannot end the string', () => {
    expect(decodeURIComponent(buildUserLookupQuery('mail', ["o'brien@contoso.example", 'a@b']))).toContain("mail in ('o''brien@contoso.example','a@b')");
  });

  it('retries a throttled inner request after its own Retry-After, and only that one', async () => {
    const users = people(40);
    const { client, posts, waits } = directoryGraph({
      users,
      inner: (request, seen) => (request.url.includes('person15%40') && seen === 1 ? { status: 429, headers: { 'Retry-After': '7' }, body: {} } : undefined),
    });
    const results = await findUsersBy(client, 'mail', users.map((user) => user.mail));
    expect(waits).toEqual([7000]);
    // The first batch holds the three filters; the retry goes alone, directly.
    expect(posts.map((post) => post.path)).toEqual(['/$batch', '/users']);
    expect(results.get('person15@contoso.example')).toEqual({ users: [users[15]] });
    expect([...results.values()].every((result) => 'users' in result && result.users.length === 1)).toBe(true);
  });

  it('reports the values of a failed filter as failed, and finds the others', async () => {
    const users = people(30);
    const { client } = directoryGraph({
      users,
      inner: (request) =>
        request.url.includes('person0%40')
          ? { status: 400, headers: { 'Content-Type': 'application/json' }, body: { error: { code: 'Request_UnsupportedQuery', message: 'no', innerError: { 'request-id': 'r-1' } } } }
          : undefined,
    });
    const results = await findUsersBy(client, 'mail', users.map((user) => user.mail));
    expect(results.get('person3@contoso.example')).toMatchObject({ failed: { status: 400, code: 'Request_UnsupportedQuery', requestId: 'r-1' } });
    expect(results.get('person20@contoso.example')).toEqual({ users: [users[20]] });
  });

  it('answers a second run from the cache, without a request, and matches without case', async () => {
    const users = people(20);
    const { client, posts } = directoryGraph({ users });
    await findUsersBy(client, 'mail', users.map((user) => user.mail));
    const sent = posts.length;
    const again = await findUsersBy(client, 'mail', users.map((user) => user.mail.toUpperCase()));
    expect(posts).toHaveLength(sent);
    expect(again.get('person7@contoso.example')).toEqual({ users: [users[7]] });
  });

  it('gives several users sharing a value to that value (ambiguous)', async () => {
    const users = [...people(3), { id: 'id-twin', mail: 'person1@contoso.example' }];
    const { client } = directoryGraph({ users });
    const results = await findUsersBy(client, 'mail', ['person1@contoso.example', 'person2@contoso.example', 'nobody@contoso.example']);
    expect(results.get('person1@contoso.example')).toEqual({ users: [users[1], users[3]] });
    expect(results.get('nobody@contoso.example')).toEqual({ users: [] });
  });

  it('stops when cancelled, with the signal’s reason', async () => {
    const users = people(50);
    const { client } = directoryGraph({ users });
    const controller = new AbortController();
    const run = findUsersBy(client, 'mail', users.map((user) => user.mail), { signal: controller.signal });
    controller.abort(new DOMException('stop', 'AbortError'));
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('verifies ids with getByIds, 1,000 a call, and marks the missing ones', async () => {
    const ids = Array.from({ length: 2500 }, (_, n) => `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`);
    const { client, posts } = directoryGraph({
      users: [],
      getByIds: (asked) => json({ value: asked.filter((_, n) => n % 2 === 0).map((id) => ({ '@odata.type': '#microsoft.graph.user', id, accountEnabled: true })) }),
    });
    const results = await getDirectoryObjectsByIds(client, ids, ['user']);
    expect(posts.map((post) => (post.body as { ids: string[] }).ids.length)).toEqual([1000, 1000, 500]);
    expect(posts[0]).toMatchObject({ body: { types: ['user'] } });
    expect(posts[0]!.query).toContain('$select=id,');
    expect(results.get(ids[0]!)).toMatchObject({ object: { id: ids[0] } });
    expect(results.get(ids[1]!)).toEqual({ object: null });
  });
});

describe('withScopes', () => {
  it('asks for tokens with the scopes given, one client per set of scopes', async () => {
    const asked: unknown[] = [];
    const fetch = vi.fn(async () => json({ id: 'x' }));
    const client = createGraphClient({ baseUrl: 'https://graph.test', apiVersion: 'v1.0', getAccessToken: async (options) => (asked.push(options?.scopes), 't'), fetch });
    const scoped = withScopes(client, ['User.Read.All']);
    expect(withScopes(client, ['User.Read.All'])).toBe(scoped);
    await scoped.request('/users/x');
    await client.request('/users/y');
    expect(asked).toEqual([['User.Read.All'], undefined]);
  });
});

describe('runChunks', () => {
  it('starts chunks a group at a time, in one task each, once a whole group may go', async () => {
    const started: number[][] = [];
    let task = 0;
    const outcomes = await runChunks(
      chunksOf(Array.from({ length: 10 }, (_, n) => n), 1),
      async (chunk) => {
        (started[task] ??= []).push(chunk[0]!);
        await new Promise((resolve) => setTimeout(resolve, 1));
        task++;
        return chunk[0];
      },
      { concurrency: 4, groupSize: 2 },
    );
    // Four at first (two groups), then two more each time two have finished.
    expect(started.filter(Boolean).map((group) => group.length)).toEqual([4, 2, 2, 2]);
    expect(outcomes.map((outcome) => outcome.ok && outcome.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });


  it('keeps at most `concurrency` chunks on their way, and every outcome in order', async () => {
    let running = 0;
    let most = 0;
    const outcomes = await runChunks(
      chunksOf([1, 2, 3, 4, 5, 6, 7], 2),
      async (chunk) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        running--;
        if (chunk.includes(3)) throw new Error('no');
        return chunk.length;
      },
      { concurrency: 2 },
    );
    expect(most).toBe(2);
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.value : 'failed'))).toEqual([2, 'failed', 2, 1]);
  });
});
