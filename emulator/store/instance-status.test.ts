import { describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, sessionsPath, useEmulator } from '../test-support/harness';

/** The clock the emulator reads; the seed's relative times resolve against its value at start. */
const start = Date.parse('2026-08-20T10:00:00Z');
let clock = start;
const emulator = useEmulator({ now: () => new Date(clock), tokenLifetimeSeconds: 400 * 24 * 3600 });
const minutes = (n: number) => n * 60_000;

const instancePath = (definitionId: string, instanceId: string) =>
  `/v1.0/identityGovernance/accessReviews/definitions/${definitionId}/instances/${instanceId}`;

async function call(path: string, init: RequestInit = {}) {
  return graph(emulator.current.url, path, await emulator.current.issueAccessToken(demo.users.alex), init);
}

const createBody = (reviewDefinitionId: string, reviewInstanceId: string) =>
  JSON.stringify({
    '@odata.type': '#microsoft.graph.customDataProvidedResourceAccessReviewUploadSession',
    data: {
      '@odata.type': '#microsoft.graph.customDataProvidedResourcePayloads.accessReviewContextData',
      reviewDefinitionId,
      reviewInstanceId,
    },
  });

describe('review instance statuses follow the clock (docs/graph-contract.md §5.4)', () => {
  const upcoming = instancePath(demo.reviews.salesWeekly, demo.instances.salesWeeklyUpcoming);
  const crm = sessionsPath(demo.catalogs.salesTools, demo.resources.crm);

  it('keeps an instance NotStarted until its startDateTime, and refuses sessions for it', async () => {
    clock = start + minutes(39);
    expect((await call(upcoming)).body.status).toBe('NotStarted');
    const early = await call(crm, { method: 'POST', body: createBody(demo.reviews.salesWeekly, demo.instances.salesWeeklyUpcoming) });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('is NotStarted');
  });

  it('reads Initializing from exactly its startDateTime, in lists, filters and the state, and takes a session', async () => {
    clock = start + minutes(40);
    expect((await call(upcoming)).body.status).toBe('Initializing');
    const initializing = await call(`/v1.0/identityGovernance/accessReviews/definitions/${demo.reviews.salesWeekly}/instances?$filter=status eq 'Initializing'`);
    expect(initializing.body.value.map((i: { id: string }) => i.id)).toEqual([demo.instances.salesWeeklyUpcoming]);
    const state = await (await fetch(`${emulator.current.url}/_emulator/state`)).json();
    expect(state.instances.find((i: { id: string }) => i.id === demo.instances.salesWeeklyUpcoming)).toMatchObject({
      status: 'Initializing',
      uploadWindowEndDateTime: new Date(start + minutes(160)).toISOString(),
    });
    const created = await call(crm, { method: 'POST', body: createBody(demo.reviews.salesWeekly, demo.instances.salesWeeklyUpcoming) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', referenceId: demo.instances.salesWeeklyUpcoming });
  });

  it('moves on to Active when the two-hour window ends, and the session it took reads expired', async () => {
    clock = start + minutes(40 + 120) - 1;
    expect((await call(upcoming)).body.status).toBe('Initializing');
    clock = start + minutes(40 + 120);
    expect((await call(upcoming)).body.status).toBe('Active');
    const sessions = await call(`${crm}?$filter=referenceId eq '${demo.instances.salesWeeklyUpcoming}'`);
    expect(sessions.body.value.map((s: { status: string }) => s.status)).toEqual(['expired']);
  });

  it('leaves the other statuses as stored, whatever the time', async () => {
    clock = start + minutes(200 * 24 * 60);
    expect((await call(instancePath(demo.reviews.salesWeekly, demo.instances.salesWeeklyClosed))).body.status).toBe('Applied');
    expect((await call(instancePath(demo.reviews.salesQuarterly, demo.instances.salesOpen))).body.status).toBe('Active');
    const megan = await emulator.current.issueAccessToken(demo.users.megan);
    const legacy = await graph(emulator.current.url, instancePath(demo.reviews.legacyHr, demo.instances.legacyHrNotStarted), megan);
    // 152 days after the seed loaded: started, and two hours later Active.
    expect(legacy.body.status).toBe('Active');
  });
});
