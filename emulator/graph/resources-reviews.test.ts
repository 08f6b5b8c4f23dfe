import { describe, expect, it } from 'vitest';
import { demo } from '../test-support/demo';
import { graph, useEmulator } from '../test-support/harness';

const emulator = useEmulator();
const get = async (path: string, user = demo.users.megan, scope?: string) =>
  graph(emulator.current.url, path, await emulator.current.issueAccessToken(user, scope));
const resources = `/v1.0/identityGovernance/entitlementManagement/catalogs/${demo.catalogs.buildingAccess}/resources`;
const ids = (body: { value: { id: string }[] }) => body.value.map((item) => item.id);

describe('resources', () => {
  it('lists the catalog resources, custom data provided ones with their derived type and Logic App', async () => {
    const { status, body } = await get(resources);
    expect(status).toBe(200);
    expect(body['@odata.context']).toBe(
      `${emulator.current.url}/v1.0/$metadata#identityGovernance/entitlementManagement/catalogs('${demo.catalogs.buildingAccess}')/resources`,
    );
    expect(body.value.map((r: { originSystem: string }) => r.originSystem)).toEqual([
      'CustomDataProvidedResource',
      'CustomDataProvidedResource',
      'AadGroup',
      'AadApplication',
      'SharePointOnline',
    ]);
    const badge = body.value[0];
    expect(badge).toMatchObject({
      '@odata.type': '#microsoft.graph.customDataProvidedResource',
      id: demo.resources.badge,
      displayName: 'Badge Access Data',
      notificationEndpointConfiguration: {
        '@odata.type': '#microsoft.graph.logicAppTriggerEndpointConfiguration',
        logicAppWorkflowName: expect.any(String),
        resourceGroupName: expect.any(String),
        subscriptionId: expect.any(String),
        url: expect.stringMatching(/^https:\/\//),
      },
    });
    expect(body.value[2]['@odata.type']).toBe('#microsoft.graph.accessPackageResource');
    expect(body.value[2]).not.toHaveProperty('notificationEndpointConfiguration');
  });

  it("filters on originSystem (eq, ne) and id, with $count, $top, $skip and $select", async () => {
    const custom = await get(`${resources}?$filter=originSystem eq 'CustomDataProvidedResource'&$count=true`);
    expect(ids(custom.body)).toEqual([demo.resources.badge, demo.resources.parking]);
    expect(custom.body['@odata.count']).toBe(2);
    expect((await get(`${resources}?$filter=originSystem ne 'CustomDataProvidedResource'`)).body.value).toHaveLength(3);
    expect(ids((await get(`${resources}?$filter=id eq '${demo.resources.parking}'`)).body)).toEqual([demo.resources.parking]);
    const paged = await get(`${resources}?$top=2&$skip=1`);
    expect(ids(paged.body)).toEqual([demo.resources.parking, demo.resources.group]);
    expect(paged.body['@odata.nextLink']).toContain('$skiptoken=');
    const selected = await get(`${resources}?$select=displayName`);
    expect(selected.body.value[0]).toEqual({ '@odata.type': '#microsoft.graph.customDataProvidedResource', displayName: 'Badge Access Data' });
    const bad = await get(`${resources}?$filter=originSystem gt 'A'`);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("Operator 'gt' is not supported for property 'originSystem'");
  });

  it('gets one resource, 404 for an unknown one, and follows catalog roles', async () => {
    const one = await get(`${resources}/${demo.resources.parking}`, demo.users.alex);
    expect(one.status).toBe(200);
    expect(one.body['@odata.context']).toMatch(/catalogs\('[^']+'\)\/resources\/\$entity$/);
    expect((await get(`${resources}/${demo.resources.crm}`)).status).toBe(404);
    expect((await get(resources, demo.users.diego)).status).toBe(403);
  });

  it('serves beta accessPackageResources with the beta shape', async () => {
    const { body } = await get(`/beta/identityGovernance/catalogs/${demo.catalogs.buildingAccess}/accessPackageResources?$filter=originSystem eq 'CustomDataProvidedResource'`);
    expect(body['@odata.context']).toBe(
      `${emulator.current.url}/beta/$metadata#identityGovernance/catalogs('${demo.catalogs.buildingAccess}')/accessPackageResources`,
    );
    expect(body.value[0]).toMatchObject({ id: demo.resources.badge, resourceType: 'Custom data provided resource', isPendingOnboarding: false, addedOn: expect.any(String) });
  });
});

describe('access reviews', () => {
  const definitions = '/v1.0/identityGovernance/accessReviews/definitions';

  it('lists the definitions of catalogs the user holds a role on, scoped to the catalog', async () => {
    const megan = await get(definitions);
    expect(megan.status).toBe(200);
    expect(megan.body.value).toHaveLength(4);
    expect(megan.body.value[0]).toMatchObject({
      id: demo.reviews.quarterly,
      displayName: expect.any(String),
      descriptionForAdmins: expect.any(String),
      createdDateTime: expect.any(String),
      status: 'InProgress',
      scope: {
        '@odata.type': '#microsoft.graph.principalResourceMembershipsScope',
        resourceScopes: [{ '@odata.type': '#microsoft.graph.accessReviewResourceScope', resourceId: demo.catalogs.buildingAccess, scopeType: 'catalog' }],
      },
      reviewers: [{ query: './manager', queryType: 'MicrosoftGraph', queryRoot: 'decisions' }],
    });
    expect((await get(definitions, demo.users.diego)).body.value).toEqual([]);
    const forbidden = await get(`${definitions}/${demo.reviews.quarterly}`, demo.users.diego);
    expect(forbidden.status).toBe(403);
    expect((await get(`${definitions}/nope`)).status).toBe(404);
  });

  it('lists instances with their status and filters them by status', async () => {
    const instances = `${definitions}/${demo.reviews.quarterly}/instances`;
    const all = await get(instances);
    expect(all.body['@odata.context']).toBe(
      `${emulator.current.url}/v1.0/$metadata#identityGovernance/accessReviews/definitions('${demo.reviews.quarterly}')/instances`,
    );
    expect(all.body.value.map((i: { status: string }) => i.status)).toEqual(['Initializing', 'Applying', 'Applied', 'Completed', 'NotStarted']);
    const initializing = await get(`${instances}?$filter=status eq 'Initializing'`);
    expect(ids(initializing.body)).toEqual([demo.instances.quarterlyOpen]);
    const open = initializing.body.value[0];
    const minutesLeft = (Date.parse(open.startDateTime) + 120 * 60_000 - Date.now()) / 60_000;
    expect(minutesLeft).toBeGreaterThan(100);
    expect(minutesLeft).toBeLessThan(106);
    const one = await get(`${instances}/${demo.instances.quarterlyApplying}`);
    expect(one.body).toMatchObject({ id: demo.instances.quarterlyApplying, status: 'Applying', endDateTime: expect.any(String) });
    expect((await get(`${instances}/${demo.instances.weeklyOpen}`)).status).toBe(404);
  });

  it('pages instances with $top and nextLink, and counts them', async () => {
    const first = await get(`${definitions}/${demo.reviews.weekly}/instances?$top=10&$count=true`);
    expect(first.body['@odata.count']).toBe(27);
    const seen: string[] = ids(first.body);
    let next: string | undefined = first.body['@odata.nextLink'];
    while (next) {
      const page = await get(next.slice(emulator.current.url.length));
      seen.push(...ids(page.body));
      next = page.body['@odata.nextLink'];
    }
    expect(seen).toHaveLength(27);
    expect(new Set(seen).size).toBe(27);
  });

  it('serves the same data on the beta unified route, but not on v1.0 where the CSDL lacks it', async () => {
    const unified = await get('/beta/identityGovernance/accessReviews/unified/definitions');
    expect(unified.body['@odata.context']).toBe(`${emulator.current.url}/beta/$metadata#identityGovernance/accessReviews/unified/definitions`);
    expect(ids(unified.body)).toEqual(ids((await get(definitions)).body));
    const instances = await get(`/beta/identityGovernance/accessReviews/unified/definitions/${demo.reviews.legacyHr}/instances?$filter=status eq 'Initializing'`);
    expect(ids(instances.body)).toEqual([demo.instances.legacyHrOpen]);
    const v1 = await get('/v1.0/identityGovernance/accessReviews/unified/definitions');
    expect(v1.status).toBe(400);
    expect(v1.body.error.message).toBe("Resource not found for the segment 'unified'.");
  });

  it('accepts AccessReview.Read.All as well as the EntitlementManagement scopes', async () => {
    expect((await get(definitions, demo.users.megan, 'AccessReview.Read.All')).status).toBe(200);
    expect((await get(definitions, demo.users.megan, 'User.Read')).status).toBe(403);
  });
});
