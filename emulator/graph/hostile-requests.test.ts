import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TENANT_ID } from '../config';
import { maxUrlLength } from '../http/limits';
import { directoryFixtures } from '../directory/fixtures';
import { demo } from '../test-support/demo';
import { useEmulator } from '../test-support/harness';

/**
 * Hostile inputs on every route: each must be answered with a 4xx (never a 500, which means an emulator bug) and
 * the process must live. Prototype names would find Object.prototype's members in a plain-object lookup.
 */
const emulator = useEmulator();
const protoNames = ['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString'];

/** One path per version for each handler (the other paths of graph/routes.ts reach the same handlers). */
const catalogTrees = [
  { catalogs: ['v1.0', 'identityGovernance', 'entitlementManagement', 'catalogs'], resources: 'resources' },
  { catalogs: ['beta', 'identityGovernance', 'catalogs'], resources: 'accessPackageResources' },
];
const reviewTrees = [
  ['v1.0', 'identityGovernance', 'accessReviews', 'definitions'],
  ['beta', 'identityGovernance', 'accessReviews', 'unified', 'definitions'],
];

/** Every GET handler, as path segments. */
function getEndpoints(): string[][] {
  const endpoints: string[][] = [];
  for (const { catalogs, resources } of catalogTrees) {
    const catalog = [...catalogs, demo.catalogs.buildingAccess];
    const resource = [...catalog, resources, demo.resources.badge];
    endpoints.push(catalogs, catalog, [...catalog, resources], resource, [...resource, 'uploadSessions'], [...resource, 'uploadSessions', demo.sessions.badgeActive]);
  }
  for (const definitions of reviewTrees) {
    const definition = [...definitions, demo.reviews.weekly];
    endpoints.push(definitions, definition, [...definition, 'instances'], [...definition, 'instances', demo.instances.weeklyOpen]);
  }
  for (const version of ['v1.0', 'beta']) {
    endpoints.push([version, 'users'], [version, 'users', directoryFixtures.member.id], [version, 'groups'], [version, 'groups', directoryFixtures.mailGroup.id]);
  }
  return endpoints;
}

const endpoints = getEndpoints();
const pathOf = (segments: readonly string[]) => `/${segments.join('/')}`;
const deep = (depth: number, inner: string) => `${'('.repeat(depth)}${inner}${')'.repeat(depth)}`;

/** System query options built from each prototype name, in every parser: all must be a 400 BadRequest. */
function protoQueries(): string[] {
  return protoNames.flatMap((name) => [
    `$filter=${name} eq 'x'`,
    `$filter=${name} eq 1 and ${name} ne 2`,
    `$filter=contains(${name},'x')`,
    `$filter=tolower(${name}) eq 'x'`,
    `$filter=${name}(displayName) eq 'x'`,
    `$filter=not (${name} eq 'x')`,
    `$orderby=${name}`,
    `$orderby=${name} desc,${name}`,
    `$select=${name}`,
    `$select=id,${name}`,
    `$expand=${name}`,
    `$expand=files($filter=${name} eq 1)`,
    `$expand=files($orderby=${name})`,
    `$expand=files($${name}=1)`,
    `$expand=files(${name})`,
    `$${name}=1`,
    `$count=${name}`,
    `$top=${name}`,
    `$skiptoken=${name}`,
  ]);
}

/** Other malformed or extreme options: all must be a 400 BadRequest. */
const badQueries = [
  `$filter=${deep(3000, "displayName eq 'x'")}`,
  `$filter=${'not ('.repeat(150)}displayName eq 'x'${')'.repeat(150)}`,
  `$expand=files($filter=${deep(3000, 'size eq 1')})`,
  `$orderby=${deep(3000, 'displayName')}`,
  `$select=${deep(3000, 'id')}`,
  `$expand=files${deep(3000, '')}`,
  '$top=99999999999999999999999',
  `$skip=${'9'.repeat(400)}`,
  '$top=1e3',
  '$skip=0x10',
  '$top=-0',
  '$top=1&$TOP=2',
  '$filter=',
  '$=1',
  '$filter=%',
  '$filter=%E0%A4%A',
  '%zz=1',
  `$filter=${encodeURIComponent("displayName eq 'Zürich 😀'")} or`,
  '$filter=(((',
  '$filter=)))',
  "$filter='",
  '$orderby=,,,',
  '$select=,',
  '$expand=files(',
  '$expand=files())',
  `$skiptoken=${Buffer.from('{"offset":1e400}').toString('base64url')}`,
  `$skiptoken=${Buffer.from('{"__proto__":{"offset":1}}').toString('base64url')}`,
  '$search=x',
  '$format=json',
];

/** Parameters that are not system query options are ignored, as by Graph; they must just not break anything. */
const ignoredQueries = [...protoNames.map((name) => `${name}=1`), '=1', '&&&', 'a=%zz', `${'x'.repeat(5000)}=1`, '__proto__[x]=1'];

let token = '';
const errors = vi.spyOn(console, 'error');

beforeEach(async () => {
  await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
  token = await emulator.current.issueAccessToken(demo.users.megan, 'EntitlementManagement.ReadWrite.All User.Read.All GroupMember.Read.All');
  errors.mockClear();
});

afterEach(async () => {
  expect(errors).not.toHaveBeenCalled();
  expect((await fetch(`${emulator.current.url}/_emulator/info`)).status).toBe(200);
});

interface Call {
  method?: string;
  url: string;
  body?: string;
}

/** The status and, for JSON answers, the error code (identity pages answer HTML). */
async function send({ method = 'GET', url, body }: Call): Promise<{ status: number; code?: string }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${emulator.current.url}${url}`, { method, headers, body });
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('json')) return { status: response.status };
  return { status: response.status, code: (JSON.parse(text) as { error?: { code?: string } }).error?.code };
}

/** A Graph call's status and JSON body. */
async function graph(url: string): Promise<{ status: number; body: { error: { code: string; message: string }; files?: unknown[] } }> {
  const response = await fetch(`${emulator.current.url}${url}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as never };
}

/** Runs the calls a few at a time and returns `url → status` for those answered outside `accepted`. */
async function unexpected(calls: readonly Call[], accepted: (status: number, code: string | undefined) => boolean): Promise<Record<string, string>> {
  const wrong: Record<string, string> = {};
  const queue = [...calls];
  const worker = async () => {
    for (let call = queue.shift(); call; call = queue.shift()) {
      const { status, code } = await send(call);
      if (!accepted(status, code)) wrong[`${call.method ?? 'GET'} ${call.url.slice(0, 300)}`] = `${status} ${code ?? ''}`;
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return wrong;
}

/** For the tests that send thousands of requests: generous, since the suite shares the machine's cores. */
const hammerTimeout = 60_000;

const badRequest = (status: number, code: string | undefined) => status === 400 && code === 'BadRequest';
const notServerError = (status: number) => status < 500;

describe('OData options with prototype names', () => {
  it.each([
    ["$orderby=__proto__", "Property '__proto__' is not supported in $orderby on catalogs (supported: displayName)."],
    ["$filter=constructor eq 'x'", "Property 'constructor' is not supported in $filter on catalogs (supported: displayName)."],
    ['$select=toString', "Property 'toString' is not supported in $select on catalogs"],
  ])('%s is a 400 BadRequest naming the property', async (query, message) => {
    const { status, body } = await graph(`${pathOf(catalogTrees[0]?.catalogs ?? [])}?${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.message).toContain(message);
  });

  it('are a 400 BadRequest in every parser on every endpoint', async () => {
    const calls = endpoints.flatMap((segments) => protoQueries().map((query) => ({ url: `${pathOf(segments)}?${query}` })));
    expect(await unexpected(calls, badRequest)).toEqual({});
  }, hammerTimeout);
});

describe('OData nesting', () => {
  const sessions = pathOf([...catalogTrees[0]?.catalogs ?? [], demo.catalogs.buildingAccess, 'resources', demo.resources.badge, 'uploadSessions']);

  it('stops at 100 levels of parentheses or not, with a 400 saying so', async () => {
    const tooDeep = await graph(`${sessions}/${demo.sessions.badgeActive}?$expand=files($filter=${deep(101, 'size gt 1')})`);
    expect(tooDeep.status).toBe(400);
    expect(tooDeep.body.error.code).toBe('BadRequest');
    expect(tooDeep.body.error.message).toContain('nests deeper than 100 levels');
    const nots = await graph(`${sessions}/${demo.sessions.badgeActive}?$expand=files($filter=${'not ('.repeat(101)}size gt 1${')'.repeat(101)})`);
    expect(nots.body.error.message).toContain('nests deeper than 100 levels');
    const deepest = await graph(`${sessions}/${demo.sessions.badgeActive}?$expand=files($filter=${deep(99, 'size gt 1')})`);
    expect(deepest.status).toBe(200);
    expect(deepest.body.files).toHaveLength(4);
  });

  it('3,000 parentheses are a 400, not a stack overflow', async () => {
    const { status, body } = await graph(`${sessions}?$filter=${deep(3000, "status eq 'active'")}`);
    expect(status).toBe(400);
    expect(body.error.message).toContain('nests deeper than 100 levels');
  });

  it('a long chain of and fits in the URL limit and is evaluated', async () => {
    const base = `${sessions}/${demo.sessions.badgeActive}?$expand=files($filter=size%20gt%201)`;
    const terms = Math.floor((maxUrlLength - base.length) / '%20and%20size%20gt%201'.length);
    const url = base.replace('size%20gt%201', Array.from({ length: terms + 1 }, () => 'size%20gt%201').join('%20and%20'));
    expect(terms).toBeGreaterThan(600);
    const { status, body } = await graph(url);
    expect(status).toBe(200);
    expect(body.files).toHaveLength(4);
  });
});

describe('the router under hostile input', () => {
  it('answers malformed and extreme query options with a 400 BadRequest on every endpoint', async () => {
    const calls = endpoints.flatMap((segments) => badQueries.map((query) => ({ url: `${pathOf(segments)}?${query}` })));
    expect(await unexpected(calls, badRequest)).toEqual({});
  });

  it('ignores parameters that are not system query options without failing', async () => {
    const calls = endpoints.flatMap((segments) => ignoredQueries.map((query) => ({ url: `${pathOf(segments)}?${query}` })));
    expect(await unexpected(calls, (status) => status === 200 || status === 400)).toEqual({});
  });

  it('answers hostile path segments with a 4xx, whatever the method', async () => {
    const values = [...protoNames, '%', '%zz', '%E0%A4', '%00', '', '..', '%2F', '%F0%9F%98%80', 'Zürich', "('x')", 'x'.repeat(2000)];
    const paths = new Set<string>();
    for (const segments of [...endpoints, ['v1.0'], ['beta']]) {
      segments.forEach((_, index) => {
        for (const value of values) paths.add(pathOf(segments.map((s, i) => (i === index ? value : s))));
      });
      for (const value of values) paths.add(pathOf([...segments, value]));
    }
    // Every substitution with GET; the methods (a table lookup too) with the first two prototype names.
    const calls = [...paths].flatMap((url) => {
      const methods = url.includes('__proto__') || url.includes('constructor') ? ['GET', 'POST', 'PATCH', 'DELETE', 'PUT'] : ['GET'];
      return methods.map((method) => ({ method, url }));
    });
    expect(await unexpected(calls, notServerError)).toEqual({});
  }, hammerTimeout);

  it('answers hostile bodies on every write with a 4xx', async () => {
    const bodies = [
      '{"__proto__":{"isUploadDone":true}}',
      '{"constructor":{"prototype":{"isUploadDone":true}}}',
      '{"@odata.type":"#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession","data":{"__proto__":{"reviewDefinitionId":"x"}}}',
      '{"@odata.type":"#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession","data":{"reviewDefinitionId":"constructor","reviewInstanceId":"__proto__"}}',
      'null',
      '[]',
      '"x"',
      '1e999',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      '{"isUploadDone":true',
      '\u0000',
    ];
    const writes: Call[] = [];
    for (const { catalogs, resources } of catalogTrees) {
      const sessions = pathOf([...catalogs, demo.catalogs.buildingAccess, resources, demo.resources.badge, 'uploadSessions']);
      for (const body of bodies) {
        writes.push({ method: 'POST', url: sessions, body }, { method: 'PATCH', url: `${sessions}/${demo.sessions.badgeActive}`, body });
        writes.push({ method: 'POST', url: `${sessions}/${demo.sessions.badgeActive}/uploadFile`, body });
      }
    }
    for (const body of [...bodies, '{"ids":{"length":1e9}}', '{"ids":["__proto__"],"types":["constructor"]}', '{"ids":[],"types":"user"}', '{"__proto__":{"ids":[]}}']) {
      writes.push({ method: 'POST', url: '/v1.0/directoryObjects/getByIds', body }, { method: 'POST', url: '/beta/$batch', body });
    }
    expect(await unexpected(writes, (status) => status >= 400 && status < 500)).toEqual({});
  });

  it('answers hostile inner requests of a $batch each with a 4xx, in a 200 batch', async () => {
    const inner = [
      { url: '/users?$filter=%' },
      { url: `/users?$filter=${"mail eq 'x' or ".repeat(400)}mail eq 'y'` },
      { url: `/users?$filter=mail in (${"'x',".repeat(2000)}'y')` },
      { url: '/users/%zz' },
      { url: '/users', headers: { 'x-a': 'caf\u00e9 \u2603' } },
      { url: '/users?$count=true&$filter=constructor eq 1', headers: { ConsistencyLevel: 'eventual' } },
      { url: '/directoryObjects/getByIds', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: { ids: { length: 5 } } },
      { url: '/directoryObjects/getByIds', method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'ids' },
    ];
    const requests = inner.map(({ method = 'GET', ...rest }, n) => ({ id: String(n), method, ...rest }));
    const response = await fetch(`${emulator.current.url}/v1.0/$batch`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ requests }),
    });
    expect(response.status).toBe(200);
    const { responses } = (await response.json()) as { responses: { id: string; status: number }[] };
    expect(responses.filter((r) => r.status < 400 || r.status >= 500).map((r) => `${r.id}: ${r.status}`)).toEqual([]);
  });

  it('answers hostile identity and control paths with a 4xx', async () => {
    const calls = protoNames.flatMap((name) => [
      { url: `/${name}/oauth2/v2.0/token`, method: 'POST' },
      { url: `/${name}/v2.0/.well-known/openid-configuration` },
      { url: `/${TENANT_ID}/oauth2/v2.0/${name}` },
      { url: `/${TENANT_ID}/oauth2/v2.0/authorize?${name}=1&client_id=${name}` },
      { url: `/_emulator/${name}` },
      { url: `/${name}` },
    ]);
    expect(await unexpected(calls, notServerError)).toEqual({});
  });
});
