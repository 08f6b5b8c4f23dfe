import { describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { csv, graph, sessionsPath, uploadForm, useEmulator } from '../test-support/harness';

/** The clock the emulator reads; the seed's relative times resolve against its value at start. */
let clock = Date.parse('2026-08-20T10:00:00Z');
const emulator = useEmulator({ now: () => new Date(clock), tokenLifetimeSeconds: 24 * 3600 });
const badge = sessionsPath(demo.catalogs.buildingAccess, demo.resources.badge);
const instances = `/v1.0/identityGovernance/accessReviews/definitions/${demo.reviews.weekly}/instances/${demo.instances.weeklyOpen}`;

async function call(method: string, path: string, body?: BodyInit) {
  return graph(emulator.current.url, path, await emulator.current.issueAccessToken(demo.users.megan), { method, ...(body === undefined ? {} : { body }) });
}

describe('the upload window (2 hours from the start of Initializing)', () => {
  it('keeps the weekly instance Initializing and its session active for 20 more minutes', async () => {
    expect((await call('GET', instances)).body.status).toBe('Initializing');
    expect((await call('GET', `${badge}/${demo.sessions.badgeActive}`)).body.status).toBe('active');
    clock += 19 * 60_000;
    expect((await call('POST', `${badge}/${demo.sessions.badgeActive}/uploadFile`, uploadForm('late.csv', csv))).status).toBe(200);
  });

  it('then expires the session and moves the instance on to Active', async () => {
    clock += 2 * 60_000;
    expect((await call('GET', instances)).body.status).toBe('Active');
    const session = await call('GET', `${badge}/${demo.sessions.badgeActive}`);
    expect(session.body).toMatchObject({ status: 'expired', isUploadDone: false, stats: { filesUploaded: 5 } });
    const expired = await call('GET', `${badge}?$filter=status eq 'expired'&$count=true`);
    expect(expired.body.value.map((s: { id: string }) => s.id)).toContain(demo.sessions.badgeActive);
    expect((await call('GET', `${badge}?$filter=status eq 'active'`)).body.value).toEqual([]);
  });

  it('refuses uploads and completion on the expired session with 409, and lets it be deleted', async () => {
    const upload = await call('POST', `${badge}/${demo.sessions.badgeActive}/uploadFile`, uploadForm('too-late.csv', csv));
    expect(upload.status).toBe(409);
    expect(upload.body.error.message).toMatch(/expired when the upload window of review instance '[^']+' closed at \d{4}-/);
    const patch = await call('PATCH', `${badge}/${demo.sessions.badgeActive}`, JSON.stringify({ isUploadDone: true }));
    expect(patch.status).toBe(409);
    expect((await call('DELETE', `${badge}/${demo.sessions.badgeActive}`)).status).toBe(204);
  });

  it('refuses a new session once the window has closed, saying so', async () => {
    const response = await call(
      'POST',
      badge,
      JSON.stringify({
        '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession',
        data: {
          '@odata.type': '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData',
          reviewDefinitionId: demo.reviews.weekly,
          reviewInstanceId: demo.instances.weeklyOpen,
        },
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('its upload window closed at');
    expect(response.body.error.message).toContain('only be created while the instance is Initializing');
  });

  it('opens the windows again on reset, relative to the clock', async () => {
    await fetch(`${emulator.current.url}/_emulator/reset`, { method: 'POST' });
    expect((await call('GET', `${badge}/${demo.sessions.badgeActive}`)).body.status).toBe('active');
  });
});
