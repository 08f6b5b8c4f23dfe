import { beforeEach, describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, sessionsPath, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);
const sessionType = '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession';
const dataType = '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData';

function body(definitionId: string, instanceId: string): Record<string, unknown> {
  return { '@odata.type': sessionType, data: { '@odata.type': dataType, reviewDefinitionId: definitionId, reviewInstanceId: instanceId } };
}

async function call(method: string, path: string, payload?: unknown, user = demo.users.megan, scope?: string) {
  const token = await emulator.current.issueAccessToken(user, scope);
  return graph(emulator.current.url, path, token, { method, ...(payload === undefined ? {} : { body: JSON.stringify(payload) }) });
}

const createOpen = (path = badge, user = demo.users.megan) => call('POST', path, body(demo.reviews.quarterly, demo.instances.quarterlyOpen), user);

beforeEach(async () => {
  await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
});

describe('create', () => {
  it('creates an active session (201) for an Initializing instance within its window', async () => {
    const { status, body: session } = await createOpen();
    expect(status).toBe(201);
    expect(session).toMatchObject({
      '@odata.context': expect.stringMatching(/\/uploadSessions\/\$entity$/),
      '@odata.type': sessionType,
      status: 'active',
      isUploadDone: false,
      referenceId: demo.instances.quarterlyOpen,
      data: { '@odata.type': dataType, reviewDefinitionId: demo.reviews.quarterly, reviewInstanceId: demo.instances.quarterlyOpen },
      stats: { filesUploaded: 0, totalBytesUploaded: 0 },
      files: [],
    });
    const listed = await call('GET', `${badge}?$filter=referenceId eq '${demo.instances.quarterlyOpen}'`);
    expect(listed.body.value.map((s: { id: string }) => s.id)).toEqual([session.id]);
  });

  it('allows one session per instance and resource: 409 while active, again after delete, 409 once complete', async () => {
    const first = await createOpen();
    const second = await createOpen();
    expect(second.status).toBe(409);
    expect(second.body.error.code).toBe('conflict');
    expect(second.body.error.message).toContain('Only one session is allowed per review instance and resource');
    expect((await call('DELETE', `${badge}/${first.body.id}`)).status).toBe(204);
    const third = await createOpen();
    expect(third.status).toBe(201);
    expect((await call('PATCH', `${badge}/${third.body.id}`, { isUploadDone: true })).status).toBe(200);
    const fourth = await createOpen();
    expect(fourth.status).toBe(409);
    expect(fourth.body.error.message).toContain('already complete');
  });

  it('names what is wrong with the body', async () => {
    const cases: [unknown, string][] = [
      [{ data: body('a', 'b').data }, "'@odata.type' is required"],
      [{ ...body('a', 'b'), '@odata.type': '#microsoft.graph.customDataProvidedResourceUploadSession' }, "'@odata.type' must be"],
      [{ '@odata.type': sessionType }, "Property 'data' is required"],
      [{ '@odata.type': sessionType, data: { reviewDefinitionId: 'a', reviewInstanceId: 'b' } }, "'data.@odata.type' is required"],
      [{ '@odata.type': sessionType, data: { '@odata.type': dataType, reviewDefinitionId: demo.reviews.quarterly } }, "Property 'data.reviewInstanceId' is required"],
      [{ ...body('a', 'b'), status: 'complete' }, "Property 'status' cannot be set"],
      [body('unknown-definition', demo.instances.quarterlyOpen), "definition 'unknown-definition' was not found"],
      [body(demo.reviews.quarterly, 'unknown-instance'), "instance 'unknown-instance' was not found"],
      [body(demo.reviews.quarterly, demo.instances.weeklyOpen), 'does not belong to access review definition'],
      [body(demo.reviews.legacyHr, demo.instances.legacyHrOpen), 'does not review catalog'],
      [body(demo.reviews.quarterly, demo.instances.quarterlyApplying), 'is Applying'],
      [body(demo.reviews.quarterly, demo.instances.quarterlyNotStarted), 'is NotStarted'],
    ];
    for (const [payload, message] of cases) {
      const response = await call('POST', badge, payload);
      expect(response.status, message).toBe(400);
      expect(response.body.error.message).toContain(message);
    }
    const notJson = await graph(emulator.current.url, badge, await emulator.current.issueAccessToken(demo.users.megan), {
      method: 'POST',
      body: '{"@odata.type":',
    });
    expect(notJson.body.error.message).toBe('The request body is not valid JSON.');
  });

  it('explains that the legacy beta body was replaced, on the beta path too', async () => {
    const legacy = {
      source: 'BadgeAccessData',
      type: '#microsoft.graph.accessReviewDataUploadTriggerCallbackData',
      data: { accessReviewId: demo.reviews.quarterly, accessReviewInstanceId: demo.instances.quarterlyOpen },
    };
    const response = await call('POST', sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge, 'beta'), legacy);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('legacy beta shape');
    const current = await createOpen(sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge, 'beta'));
    expect(current.status).toBe(201);
    expect(current.body['@odata.context']).toContain('/beta/$metadata#identityGovernance/catalogs(');
  });

  it('refuses ordinary resources, readers, users without a role and read-only tokens', async () => {
    const group = await createOpen(sessionsPath(demo.catalogs.buildingAccess, demo.resources.group));
    expect(group.status).toBe(400);
    expect(group.body.error.message).toContain("originSystem 'AadGroup'");
    const reader = await createOpen(badge, demo.users.alex);
    expect(reader.status).toBe(403);
    expect(reader.body.error.code).toBe('accessDenied');
    expect(reader.body.error.message).toContain('needs the catalog owner role');
    expect((await createOpen(badge, demo.users.diego)).status).toBe(403);
    const readOnly = await call('POST', badge, body(demo.reviews.quarterly, demo.instances.quarterlyOpen), demo.users.megan, 'EntitlementManagement.Read.All');
    expect(readOnly.status).toBe(403);
    expect(readOnly.body.error.message).toContain('EntitlementManagement.ReadWrite.All');
  });
});

describe('update (PATCH)', () => {
  it('completes an active session with {"isUploadDone": true} and returns it with its files', async () => {
    const { status, body: session } = await call('PATCH', `${badge}/${demo.sessions.badgeActive}`, { isUploadDone: true });
    expect(status).toBe(200);
    expect(session).toMatchObject({ id: demo.sessions.badgeActive, status: 'complete', isUploadDone: true, stats: { filesUploaded: 4 } });
    expect(session.files).toHaveLength(4);
    expect(session['@odata.context']).toMatch(/uploadSessions\/\$entity$/);
  });

  it('accepts nothing else (400)', async () => {
    for (const payload of [{ isUploadDone: false }, { isUploadDone: true, status: 'complete' }, {}, { isUploadDone: 'true' }, []]) {
      const response = await call('PATCH', `${badge}/${demo.sessions.badgeActive}`, payload);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe('The only allowed update of an upload session is {"isUploadDone": true}.');
    }
  });

  it('answers 409 on complete and expired sessions, 403 for a reader', async () => {
    const complete = await call('PATCH', `${badge}/${demo.sessions.badgeComplete}`, { isUploadDone: true });
    expect(complete.status).toBe(409);
    expect(complete.body.error.message).toContain('already complete');
    const expired = await call('PATCH', `${badge}/${demo.sessions.badgeExpired}`, { isUploadDone: true });
    expect(expired.status).toBe(409);
    expect(expired.body.error.message).toContain('expired');
    expect((await call('PATCH', `${badge}/${demo.sessions.badgeActive}`, { isUploadDone: true }, demo.users.alex)).status).toBe(403);
  });
});

describe('delete', () => {
  it('deletes active and expired sessions (204) but not complete ones (409)', async () => {
    const active = await call('DELETE', `${badge}/${demo.sessions.badgeActive}`);
    expect(active.status).toBe(204);
    expect(active.body).toBeUndefined();
    expect((await call('GET', `${badge}/${demo.sessions.badgeActive}`)).status).toBe(404);
    expect((await call('DELETE', `${badge}/${demo.sessions.badgeExpired}`)).status).toBe(204);
    const complete = await call('DELETE', `${badge}/${demo.sessions.badgeComplete}`);
    expect(complete.status).toBe(409);
    expect(complete.body.error.message).toContain('only active and expired sessions can be deleted');
    expect((await call('DELETE', `${badge}/${demo.sessions.badgeComplete}`, undefined, demo.users.alex)).status).toBe(403);
  });
});
