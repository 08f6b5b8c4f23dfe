import { appUrl, demo, expect, signIn, test } from './fixtures';

const app = 'Catalog Upload Console';
const catalogId = demo.catalogs.buildingAccess;
const resourceId = demo.resources.badge;

test.describe('every page has its own title', () => {
  test('sign in, catalogs, catalog, resource, session and not found', async ({ page, emulator }) => {
    await page.goto('/');
    await expect(page).toHaveTitle(`Sign in — ${app}`);
    await signIn(page);

    // The catalogs and the catalog lead with how many open windows still wait for data.
    await expect(page).toHaveTitle(new RegExp(`^(\\(\\d+\\) )?Catalogs — ${app}$`));

    await page.goto(appUrl.catalog(catalogId));
    await expect(page.getByRole('heading', { level: 1, name: 'Building Access' })).toBeVisible();
    await expect(page).toHaveTitle(new RegExp(`^(\\(\\d+\\) )?Building Access — ${app}$`));

    await page.goto(appUrl.resource(catalogId, resourceId));
    await expect(page).toHaveTitle(`Badge Access Data — ${app}`);

    await test.step('a session: its review and instance in the heading; with status and resource in the title', async () => {
      // The instance's number among its review's instances, by start, from the emulator's own data.
      const { instances } = await emulator.state();
      const open = instances.find((instance) => instance.id === demo.instances.weeklyOpen);
      const number = instances.filter(
        (instance) => instance.definitionId === demo.reviews.weekly && Date.parse(instance.startDateTime) <= Date.parse(open?.startDateTime ?? ''),
      ).length;
      expect(number).toBeGreaterThan(1);
      const heading = `Building Access – weekly badge attestation · Instance ${number}`;

      await page.goto(appUrl.session(catalogId, resourceId, demo.sessions.badgeActive));
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expect(page).toHaveTitle(`${heading} · Active — Badge Access Data — ${app}`);

      await page.goto(appUrl.session(catalogId, resourceId, demo.sessions.badgeComplete));
      await expect(page).toHaveTitle(/ · Instance \d+ · Complete — Badge Access Data — Catalog Upload Console$/);
    });

    await page.goto('/no/such/page');
    await expect(page).toHaveTitle(`Page not found — ${app}`);
  });

  test('a session or resource that is not there says so in the title', async ({ page, allowFailedRequests }) => {
    allowFailedRequests(/^404 GET .*\/(uploadSessions|resources)\/00000000-0000-4000-8000-000000000000/);
    await page.goto(appUrl.resource(catalogId, '00000000-0000-4000-8000-000000000000'));
    await signIn(page);
    await expect(page).toHaveTitle(`Resource not found — ${app}`);

    await page.goto(appUrl.session(catalogId, resourceId, '00000000-0000-4000-8000-000000000000'));
    await expect(page).toHaveTitle(`Upload session not found — ${app}`);
  });
});
