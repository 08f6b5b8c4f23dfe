import { describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, sessionsPath, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);
const get = async (path: string, user = demo.users.megan) => graph(emulator.current.url, path, await emulator.current.issueAccessToken(user));
const q = (text: string) => encodeURIComponent(text);
type Session = { id: string; status: string; createdDateTime: string; files?: { name: string; size: number; uploadedDateTime: string }[] };

async function all(path: string): Promise<Session[]> {
  const sessions: Session[] = [];
  let next: string | undefined = path;
  while (next) {
    const page = await get(next.startsWith('http') ? next.slice(emulator.current.url.length) : next);
    expect(page.status).toBe(200);
    sessions.push(...page.body.value);
    next = page.body['@odata.nextLink'];
  }
  return sessions;
}

describe('list', () => {
  it('returns sessions of the derived type with the documented shape and context, files only when expanded', async () => {
    const { status, body } = await get(badge);
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe(
      `${emulator.current.url}/v1.0/$metadata#identityGovernance/entitlementManagement/catalogs('${demo.catalogs.buildingAccess}')/resources('${demo.resources.badge}')/uploadSessions`,
    );
    expect(body.value).toHaveLength(demo.badgeSessionCount);
    expect(body['@odata.nextLink']).toBeUndefined();
    const active = body.value.find((s: Session) => s.id === demo.sessions.badgeActive);
    expect(active).toEqual({
      '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession',
      id: demo.sessions.badgeActive,
      createdDateTime: expect.stringMatching(/Z$/),
      isUploadDone: false,
      referenceId: demo.instances.weeklyOpen,
      status: 'active',
      data: {
        '@odata.type': '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData',
        reviewDefinitionId: demo.reviews.weekly,
        reviewInstanceId: demo.instances.weeklyOpen,
      },
      stats: { filesUploaded: 4, totalBytesUploaded: 18432 + 2411724 + 87 + 38797312 },
    });
    expect(new Set(body.value.map((s: Session) => s.status))).toEqual(new Set(['active', 'complete', 'expired', 'unknownFutureValue']));
  });

  it('pages with $top and nextLink across all statuses, counting on the first page only', async () => {
    const first = await get(`${badge}?$top=7&$count=true&$orderby=createdDateTime desc`);
    expect(first.body['@odata.count']).toBe(demo.badgeSessionCount);
    expect(first.body.value).toHaveLength(7);
    const sessions = await all(`${badge}?$top=7&$count=true&$orderby=createdDateTime desc`);
    expect(sessions).toHaveLength(demo.badgeSessionCount);
    expect(new Set(sessions.map((s) => s.id)).size).toBe(demo.badgeSessionCount);
    const times = sessions.map((s) => Date.parse(s.createdDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const second = await get(first.body['@odata.nextLink'].slice(emulator.current.url.length));
    expect(second.body['@odata.count']).toBeUndefined();
  });

  it('filters on status and referenceId with eq, joined by and', async () => {
    const complete = await all(`${badge}?$filter=${q("status eq 'complete'")}`);
    expect(complete.length).toBeGreaterThan(20);
    expect(complete.every((s) => s.status === 'complete')).toBe(true);
    expect((await all(`${badge}?$filter=status eq 'expired'`)).map((s) => s.status)).toEqual(['expired', 'expired', 'expired', 'expired']);
    expect((await all(`${badge}?$filter=status eq 'unknownFutureValue'`))).toHaveLength(1);
    const byInstance = await all(`${badge}?$filter=${q(`referenceId eq '${demo.instances.weeklyOpen}' and status eq 'active'`)}`);
    expect(byInstance.map((s) => s.id)).toEqual([demo.sessions.badgeActive]);
    expect(await all(`${badge}?$filter=referenceId eq '${demo.instances.quarterlyOpen}'`)).toEqual([]);
    const or = await get(`${badge}?$filter=${q("status eq 'active' or status eq 'complete'")}`);
    expect(or.status).toBe(400);
    expect(or.body.error.message).toContain("Operator 'or' is not supported");
  });

  it('selects properties and rejects unknown ones', async () => {
    const { body } = await get(`${badge}?$select=id,status&$top=1`);
    expect(body.value[0]).toEqual({ '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession', id: expect.any(String), status: expect.any(String) });
    expect(body['@odata.context']).toMatch(/uploadSessions\(id,status\)$/);
    expect((await get(`${badge}?$select=foo`)).body.error.message).toContain("Property 'foo' is not supported in $select");
  });

  it('expands files with nested $filter and $orderby, names with quotes and URL-special characters included', async () => {
    const path = `${badge}/${demo.sessions.badgeActive}`;
    const expand = (nested: string) => get(`${path}?$expand=${q(`files(${nested})`)}`);
    const obrien = await expand("$filter=name eq 'O''Brien badge export.csv'");
    expect(obrien.body.files.map((f: { name: string }) => f.name)).toEqual(["O'Brien badge export.csv"]);
    const zurich = await expand("$filter=name eq 'Zürich #2 (100%).csv'");
    expect(zurich.body.files).toHaveLength(1);
    const bySize = await expand('$filter=size gt 1000000;$orderby=size desc');
    expect(bySize.body.files.map((f: { size: number }) => f.size)).toEqual([38797312, 2411724]);
    const combined = await expand("$filter=not (name eq 'door groups & zones.csv') and (size lt 100 or size ge 2411724);$orderby=name asc");
    expect(combined.body.files.map((f: { name: string }) => f.name)).toEqual(['Zürich #2 (100%).csv', 'badge export building 40.csv']);
    const byTime = await expand('$orderby=uploadedDateTime desc');
    const times = byTime.body.files.map((f: { uploadedDateTime: string }) => Date.parse(f.uploadedDateTime));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    const firstTime = byTime.body.files.at(-1).uploadedDateTime as string;
    const after = await expand(`$filter=uploadedDateTime gt ${firstTime}`);
    expect(after.body.files).toHaveLength(3);
    expect((await expand("$filter=size gt '5'")).status).toBe(400);
  });

  it('returns every file of the big session, never paged, with consistent stats', async () => {
    const { body } = await get(`${badge}/${demo.sessions.big}?$expand=files`);
    expect(body.status).toBe('complete');
    expect(body.isUploadDone).toBe(true);
    expect(body.files.length).toBeGreaterThanOrEqual(2000);
    expect(body.stats.filesUploaded).toBe(body.files.length);
    expect(body.stats.totalBytesUploaded).toBe(body.files.reduce((sum: number, f: { size: number }) => sum + f.size, 0));
    expect(new Set(body.files.map((f: { id: string }) => f.id)).size).toBe(body.files.length);
    const sizes = body.files.map((f: { size: number }) => f.size);
    expect(Math.min(...sizes)).toBeLessThan(1000);
    expect(Math.max(...sizes)).toBeGreaterThan(10 * 1024 * 1024);
    const sorted = await get(`${badge}/${demo.sessions.big}?$expand=files($orderby=size desc,name)`);
    expect(sorted.body.files[0].size).toBe(Math.max(...sizes));
  });
});

describe('get', () => {
  it('returns one session with …/uploadSessions/$entity, 404 for an unknown id', async () => {
    const { body } = await get(`${badge}/${demo.sessions.badgeComplete}`);
    expect(body['@odata.context']).toMatch(/resources\('[^']+'\)\/uploadSessions\/\$entity$/);
    expect(body).toMatchObject({ id: demo.sessions.badgeComplete, status: 'complete', isUploadDone: true });
    expect(body).not.toHaveProperty('files');
    const missing = await get(`${badge}/00000000-0000-0000-0000-000000000000`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('itemNotFound');
  });

  it('lets a catalog reader read, and nobody else', async () => {
    expect((await get(`${badge}/${demo.sessions.badgeActive}`, demo.users.alex)).status).toBe(200);
    expect((await get(badge, demo.users.diego)).status).toBe(403);
  });

  it('serves the same sessions on the v1.0 alias and on beta, with their own context', async () => {
    const alias = await get(`/v1.0/identityGovernance/catalogs/${demo.catalogs.buildingAccess}/resources/${demo.resources.badge}/uploadSessions/${demo.sessions.badgeActive}`);
    expect(alias.body.id).toBe(demo.sessions.badgeActive);
    const beta = await get(`${sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge, 'beta')}/${demo.sessions.badgeActive}?$expand=files`);
    expect(beta.body['@odata.context']).toBe(
      `${emulator.current.url}/beta/$metadata#identityGovernance/catalogs('${demo.catalogs.buildingAccess}')/accessPackageResources('${demo.resources.badge}')/uploadSessions/$entity`,
    );
    expect(beta.body.files).toHaveLength(4);
  });
});
