import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { advanceClocks, appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';

/**
 * Which review instances need data, and for which resource: the catalog page's "Reviews that need data" and the
 * home page's "Open upload windows", against the demo seed (emulator/README.md, the demo tenant). Time moves with the
 * emulator's clock; the page reads the instances' statuses from it.
 */
const catalogId = demo.catalogs.buildingAccess;
const quarterlyName = 'Building Access – quarterly access review';
const weeklyName = 'Building Access – weekly badge attestation';

const readiness = (page: Page) => page.getByRole('region', { name: 'Reviews that need data' });
const group = (page: Page, name: 'Open windows' | 'Upcoming' | 'Recently closed' | 'Closed') => readiness(page).getByRole('region', { name });
const card = (scope: Locator, reviewName: string) => scope.getByRole('article', { name: reviewName });
const cell = (article: Locator, resourceName: string) => article.getByRole('listitem').filter({ hasText: resourceName });

async function openCatalog(page: Page, search = '') {
  await page.goto(`${appUrl.catalog(catalogId)}${search}`);
  await signIn(page);
  await expect(card(group(page, 'Open windows'), quarterlyName)).toBeVisible();
}

test.describe('review readiness', () => {
  // Every test starts from the seed at real time (the emulator fixture resets it), whatever ran before.
  test.beforeEach(async ({ emulator }) => {
    expect((await emulator.clock()).offsetSeconds).toBe(0);
  });

  test('the catalog page shows each open window per resource, least time left first, with the action each needs', async ({ page }) => {
    await openCatalog(page);
    const open = group(page, 'Open windows');

    await test.step('the weekly window (20 minutes left) comes first and is urgent; the quarterly one follows', async () => {
      await expect(open.getByRole('article')).toHaveCount(2);
      await expect(open.getByRole('article').nth(0)).toHaveAccessibleName(weeklyName);
      await expect(open.getByRole('article').nth(1)).toHaveAccessibleName(quarterlyName);
      const weekly = card(open, weeklyName);
      await expect(weekly).toContainText('Closing soon');
      await expect(weekly).toContainText(/(19|20) min left/);
      await expect(card(open, quarterlyName)).toContainText(/1 h 4\d min left/);
    });

    await test.step('each (instance, resource) says its state and leads to the right action', async () => {
      const quarterly = card(open, quarterlyName);
      await expect(cell(quarterly, 'Badge Access Data')).toContainText('No session');
      await expect(cell(quarterly, 'Badge Access Data').getByRole('link', { name: 'Create session' })).toBeVisible();
      await expect(cell(quarterly, 'Parking Permits')).toContainText('Active, not finalized: 1 file');
      await expect(cell(quarterly, 'Parking Permits').getByRole('link', { name: 'Continue' })).toHaveAttribute(
        'href',
        appUrl.session(catalogId, demo.resources.parking, demo.sessions.parkingActive),
      );
      const weekly = card(open, weeklyName);
      await expect(cell(weekly, 'Badge Access Data')).toContainText('Active, not finalized: 4 files');
      await expect(cell(weekly, 'Parking Permits').getByRole('link', { name: 'Create session' })).toBeVisible();
    });

    await test.step('upcoming and recently closed windows show too, a closed one without data saying so', async () => {
      await expect(card(group(page, 'Upcoming'), quarterlyName)).toContainText('Window opens in');
      const parkingReview = card(group(page, 'Recently closed'), 'Parking Permits – annual review');
      await expect(cell(parkingReview, 'Parking Permits')).toContainText('Complete');
      await expect(cell(parkingReview, 'Badge Access Data')).toContainText('The window closed without complete data');
      await expect(cell(parkingReview, 'Badge Access Data').getByRole('link')).toHaveCount(0);
    });

    await expect(page).toHaveTitle('(2) Building Access — Catalog Upload Console');
  });

  test('"Create session" opens the dialog with the review and instance chosen, and the cell turns active', async ({ page, emulator }) => {
    await openCatalog(page);
    await cell(card(group(page, 'Open windows'), quarterlyName), 'Badge Access Data').getByRole('link', { name: 'Create session' }).click();

    const dialog = page.getByRole('dialog', { name: 'New upload session' });
    await expect(dialog).toBeVisible();
    const url = new URL(page.url());
    expect(url.pathname).toBe(appUrl.resource(catalogId, demo.resources.badge));
    expect(url.searchParams.get('create')).toBe(demo.instances.quarterlyOpen);
    await expect(dialog.getByLabel('Access review')).toHaveValue(demo.reviews.quarterly);
    await expect(dialog.getByRole('radio', { name: /Initializing/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Create session' }).click();
    await expect(page).toHaveURL(/\/sessions\/[0-9a-f-]{36}(\?|$)/);

    const created = (await emulator.state()).sessions.filter((s) => s.resourceId === demo.resources.badge && s.instanceId === demo.instances.quarterlyOpen);
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({ status: 'active', definitionId: demo.reviews.quarterly });

    await page.goto(appUrl.catalog(catalogId));
    const badge = cell(card(group(page, 'Open windows'), quarterlyName), 'Badge Access Data');
    await expect(badge).toContainText('Active, not finalized: 0 files');
    await expect(badge.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', appUrl.session(catalogId, demo.resources.badge, created[0]?.id ?? 'missing'));
  });

  test('closing the dialog without a session takes the request out of the address', async ({ page, emulator }) => {
    await openCatalog(page);
    await page.goto(`${appUrl.resource(catalogId, demo.resources.badge)}?create=${demo.instances.quarterlyOpen}&createReview=${demo.reviews.quarterly}`);
    const dialog = page.getByRole('dialog', { name: 'New upload session' });
    await expect(dialog.getByRole('radio', { name: /Initializing/ })).toBeChecked();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(dialog).toBeHidden();
    await expect.poll(() => new URL(page.url()).searchParams.has('create')).toBe(false);
    await expect(dialog).toBeHidden();
    expect((await emulator.requests()).filter((r) => r.method === 'POST' && r.path.endsWith('/uploadSessions'))).toEqual([]);
  });

  test('moving the emulator clock past the window shows it closed, and its session expired', async ({ page, emulator }) => {
    await openCatalog(page);
    await emulator.advanceClock({ minutes: 21 });
    await readiness(page).getByRole('button', { name: 'Refresh reviews' }).click();

    await expect(group(page, 'Open windows').getByRole('article')).toHaveCount(1);
    const weekly = card(group(page, 'Recently closed'), weeklyName);
    await expect(weekly).toContainText('Closed');
    await expect(cell(weekly, 'Badge Access Data')).toContainText('Expired');
    await expect(cell(weekly, 'Badge Access Data')).toContainText('The window closed without complete data');
    await expect(cell(weekly, 'Parking Permits')).toContainText('No session');
    await expect(page).toHaveTitle('(1) Building Access — Catalog Upload Console');

    const state = await emulator.state();
    expect(state.instances.find((i) => i.id === demo.instances.weeklyOpen)?.status).toBe('Active');
    expect(state.sessions.find((s) => s.id === demo.sessions.badgeActive)?.status).toBe('expired');
  });

  test('moving the clock to an upcoming start opens its window', async ({ page, emulator }) => {
    await page.goto(appUrl.catalog(demo.catalogs.salesTools));
    await signIn(page, demoUsers.reader);
    const partners = 'Sales Tools – weekly partner access attestation';
    await expect(card(group(page, 'Upcoming'), partners)).toContainText('Window opens in');

    await emulator.advanceClock({ minutes: 41 });
    await readiness(page).getByRole('button', { name: 'Refresh reviews' }).click();
    const opened = card(group(page, 'Open windows'), partners);
    await expect(opened).toBeVisible();
    await expect(cell(opened, 'CRM Territory Assignments').getByRole('link', { name: 'Create session' })).toBeVisible();
    expect((await emulator.state()).instances.find((i) => i.id === demo.instances.salesWeeklyUpcoming)?.status).toBe('Initializing');
  });

  test('which sections show lives in the address', async ({ page }) => {
    await openCatalog(page, '?past=all&upcoming=false');
    await expect(group(page, 'Closed').getByRole('article').first()).toBeVisible();
    expect(await group(page, 'Closed').getByRole('article').count()).toBeGreaterThan(10);
    await expect(group(page, 'Upcoming')).toHaveCount(0);

    await readiness(page).getByRole('switch', { name: 'Show upcoming' }).click();
    await expect(group(page, 'Upcoming')).toBeVisible();
    await readiness(page).getByRole('combobox', { name: 'Past instances' }).selectOption('none');
    await expect(group(page, 'Closed')).toHaveCount(0);
    const search = new URL(page.url()).searchParams;
    expect(search.get('past')).toBe('none');
    expect(search.get('upcoming')).toBe('true');

    // A hand-edited value falls back to the default.
    await page.goto(`${appUrl.catalog(catalogId)}?past=everything`);
    await expect(card(group(page, 'Recently closed'), weeklyName)).toBeVisible();
  });

  test('the home page lists open windows across catalogs, least time left first, with what is missing', async ({ page, emulator }) => {
    // Two hours pass below, longer than a token lives: both clocks move.
    await page.clock.install();
    await page.goto('/');
    await signIn(page);
    const windows = page.getByRole('list', { name: 'Open upload windows, least time left first' });
    const items = windows.getByRole('article');
    await expect(items).toHaveCount(3);
    await expect(items.nth(0)).toHaveAccessibleName(weeklyName);
    await expect(items.nth(0)).toContainText('Building Access');
    await expect(items.nth(1)).toHaveAccessibleName('Legacy HR App – semi-annual role review');
    await expect(items.nth(1)).toContainText('Legacy HR App');
    await expect(cell(items.nth(1), 'PeopleDesk Roles').getByRole('link', { name: 'Create session' })).toBeVisible();
    await expect(items.nth(2)).toHaveAccessibleName(quarterlyName);
    // Only what is missing: the weekly window's Badge Access Data is under way, so both its resources show.
    await expect(cell(items.nth(0), 'Parking Permits').getByRole('link', { name: 'Create session' })).toBeVisible();
    await expect(page).toHaveTitle('(3) Catalogs — Catalog Upload Console');

    await test.step('an empty state once every window has closed', async () => {
      await advanceClocks(page, emulator, 121 * 60);
      await page.getByRole('button', { name: 'Refresh windows' }).click();
      await expect(page.getByRole('region', { name: 'Nothing needs your data now' })).toBeVisible();
      await expect(windows).toHaveCount(0);
      await expect(page).toHaveTitle('Catalogs — Catalog Upload Console');
    });
  });

  test('a catalog reader sees neither the catalog among open windows nor "Create session" on its page', async ({ page, emulator }) => {
    const alexOid = 'a92afbd8-b796-48af-a79f-692cc97bbc4b';
    await emulator.clearRequests();
    await page.goto('/');
    await signIn(page, demoUsers.reader);
    const windows = page.getByRole('list', { name: 'Open upload windows, least time left first' });
    // Alex owns Sales Tools and only reads Building Access (emulator/README.md, the demo tenant).
    await expect(windows.getByRole('article')).toHaveCount(1);
    await expect(windows.getByRole('article').first()).toHaveAccessibleName('Sales Tools – quarterly CRM access review');
    await expect(windows).not.toContainText('Building Access');
    const roleRequests = (await emulator.requests()).filter((r) => r.path.endsWith('/roleManagement/entitlementManagement/roleAssignments'));
    expect(roleRequests.map((r) => decodeURIComponent(r.query)).sort()).toEqual(
      [demo.catalogs.buildingAccess, demo.catalogs.salesTools].map(
        (id) => `$filter=principalId eq '${alexOid}' and appScopeId eq '/AccessPackageCatalog/${id}'&$expand=roleDefinition`,
      ).sort(),
    );
    // Both in one $batch (src/graph/batch.ts), each answered 200.
    expect(roleRequests.map((r) => [r.status, r.inBatch])).toEqual([[200, true], [200, true]]);

    await page.goto(appUrl.catalog(catalogId));
    const quarterly = card(group(page, 'Open windows'), quarterlyName);
    await expect(cell(quarterly, 'Badge Access Data')).toContainText('No session');
    await expect(cell(quarterly, 'Badge Access Data')).toContainText("Catalog readers can't create sessions");
    await expect(readiness(page).getByRole('link', { name: 'Create session' })).toHaveCount(0);
    // The data still shows, and the sessions that exist can be opened.
    await expect(cell(quarterly, 'Parking Permits').getByRole('link', { name: 'Continue' })).toBeVisible();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no axe violations on the readiness sections, ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await openCatalog(page);
      await expect(cell(card(group(page, 'Open windows'), quarterlyName), 'Parking Permits')).toContainText('Active');
      await expectNoViolations(page);
      await page.goto('/');
      await expect(page.getByRole('list', { name: 'Open upload windows, least time left first' }).getByRole('article')).toHaveCount(3);
      await expectNoViolations(page);
    });
  }
});

async function expectNoViolations(page: Page) {
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .exclude('[data-tabster-dummy]')
    .analyze();
  expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`) })), 'axe violations').toEqual([]);
}
