import type { Page } from '@playwright/test';
import type { EmulatorControl, EmulatorFile as StateFile, EmulatorSession as StateSession } from './emulator-control';
import { appUrl, demoUsers, expect, signIn, test } from './fixtures';

type Key = 'name' | 'size' | 'uploadedDateTime';
type Op = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

const value = (file: StateFile, key: Key) => (key === 'uploadedDateTime' ? Date.parse(file.uploadedDateTime) : file[key]);

/** Graph's order as the emulator computes it: ordinal, stable for ties, over the files as stored. */
function sorted(files: StateFile[], key: Key, direction: 'asc' | 'desc') {
  const sign = direction === 'asc' ? 1 : -1;
  return [...files].sort((a, b) => {
    const x = value(a, key);
    const y = value(b, key);
    return x === y ? 0 : (x < y ? -1 : 1) * sign;
  });
}

const compare: Record<Op, (a: number | string, b: number | string) => boolean> = {
  eq: (a, b) => a === b,
  ne: (a, b) => a !== b,
  gt: (a, b) => a > b,
  ge: (a, b) => a >= b,
  lt: (a, b) => a < b,
  le: (a, b) => a <= b,
};

async function sessionWith(emulator: EmulatorControl, match: (s: StateSession) => boolean) {
  const session = (await emulator.state()).sessions.find(match);
  if (!session) throw new Error('The demo seed lacks the session these tests need');
  return session;
}

const sessionPath = (s: StateSession) => appUrl.session(s.catalogId, s.resourceId, s.id);
const names = (files: StateFile[]) => files.map((f) => f.name);
// The name alone: the cell also holds the upload time, stacked under the name for phones.
const nameCells = (page: Page) => page.getByRole('table', { name: 'Files' }).locator('tbody tr td:first-child > span > :first-child');

/** The instant a datetime-local value means in the browser's time zone, as the app computes it. */
const browserInstant = (page: Page, local: string) => page.evaluate((v) => new Date(v).toISOString(), local);
/** A file's time as a datetime-local value in the browser's time zone, to the second or to the millisecond. */
const browserLocal = (page: Page, iso: string, withMs: boolean) =>
  page.evaluate(
    ([v, ms]) => {
      const d = new Date(v);
      const p = (n: number, l = 2) => String(n).padStart(l, '0');
      const base = `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
      return ms ? `${base}.${p(d.getMilliseconds(), 3)}` : base;
    },
    [iso, withMs] as const,
  );

async function applyFilters(page: Page) {
  await page.getByRole('button', { name: 'Apply filters' }).click();
}

test.describe('files of an upload session', () => {
  // The browser runs in a zone far from UTC, so the datetime-local conversion is really exercised.
  test.use({ timezoneId: 'Pacific/Auckland' });

  test('sort by each column both ways, filter by every operator, reload to the same view', async ({ page, emulator }) => {
    const session = await sessionWith(emulator, (s) => s.files.some((f) => f.name === "O'Brien badge export.csv"));
    const files = session.files;
    expect(files.length).toBeGreaterThan(3);
    const nameBox = page.getByRole('textbox', { name: 'File name' });
    const when = page.getByLabel('Uploaded date and time');
    const byName = (chosen: StateFile[]) => names(sorted(chosen, 'name', 'asc'));

    await test.step('the session opens with its details and statistics', async () => {
      await page.goto(sessionPath(session));
      await signIn(page, demoUsers.owner);
      await expect(page.getByRole('heading', { level: 1, name: / · Instance \d+$/ })).toBeVisible();
      const details = page.getByRole('group', { name: 'Session details' });
      await expect(details).toContainText(session.instanceId);
      await expect(details).toContainText(session.definitionId);
      await expect(page.getByRole('group', { name: 'Session statistics' })).toContainText(`Files uploaded${files.length}`);
    });

    await test.step('default: newest first; then every column, both ways, by its header', async () => {
      await expect(nameCells(page)).toHaveText(names(sorted(files, 'uploadedDateTime', 'desc')));
      for (const [header, key] of [['Name', 'name'], ['Size', 'size'], ['Uploaded', 'uploadedDateTime']] as const) {
        await page.getByRole('button', { name: header, exact: true }).click();
        await expect(page.getByRole('columnheader', { name: header })).toHaveAttribute('aria-sort', 'ascending');
        await expect(nameCells(page)).toHaveText(names(sorted(files, key, 'asc')));
        await page.getByRole('button', { name: header, exact: true }).click();
        await expect(page.getByRole('columnheader', { name: header })).toHaveAttribute('aria-sort', 'descending');
        await expect(nameCells(page)).toHaveText(names(sorted(files, key, 'desc')));
      }
      await page.getByRole('button', { name: 'Name', exact: true }).click();
    });

    await test.step('name: equals and does not equal, with quotes, #, %, &, spaces and non-ASCII', async () => {
      for (const wanted of ["O'Brien badge export.csv", 'Zürich #2 (100%).csv', 'door groups & zones.csv']) {
        expect(files.some((f) => f.name === wanted)).toBe(true);
        await page.getByRole('combobox', { name: 'Name comparison' }).selectOption('eq');
        await nameBox.fill(wanted);
        await applyFilters(page);
        await expect(nameCells(page)).toHaveText([wanted]);
        await expect(page.getByText(`1 file matches the filters (of ${files.length} in the session)`)).toBeVisible();
        // What reached the server: one percent-encoded parameter, decoding to the doubled-quote literal.
        const sent = (await emulator.requests()).filter((r) => r.path.endsWith(`/uploadSessions/${session.id}`) && r.query.includes('filter')).at(-1);
        expect(sent?.query).not.toMatch(/[#&\s']/);
        expect(decodeURIComponent(sent?.query ?? '')).toBe(`$expand=files($filter=name eq '${wanted.replaceAll("'", "''")}';$orderby=name asc)`);
        await page.getByRole('combobox', { name: 'Name comparison' }).selectOption('ne');
        await applyFilters(page);
        await expect(nameCells(page)).toHaveText(byName(files.filter((f) => f.name !== wanted)));
      }
      await nameBox.fill('');
    });

    await test.step('size: every operator, in bytes, around a file\'s exact size; a kB threshold reaches Graph as bytes', async () => {
      const pivot = sorted(files, 'size', 'asc')[1]!;
      await page.getByRole('combobox', { name: 'Size unit' }).selectOption('B');
      await page.getByRole('spinbutton', { name: 'Size' }).fill(String(pivot.size));
      for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const) {
        await page.getByRole('combobox', { name: 'Size comparison' }).selectOption(op);
        await applyFilters(page);
        const expected = files.filter((f) => compare[op](f.size, pivot.size));
        await expect(nameCells(page)).toHaveText(byName(expected));
        await expect(page.getByText(/in the session\)$/)).toContainText(`${expected.length} file`);
      }
      await page.getByRole('combobox', { name: 'Size comparison' }).selectOption('ge');
      await page.getByRole('spinbutton', { name: 'Size' }).fill(String(pivot.size / 1000));
      await page.getByRole('combobox', { name: 'Size unit' }).selectOption('KB');
      await applyFilters(page);
      await expect(nameCells(page)).toHaveText(byName(files.filter((f) => f.size >= Math.round((pivot.size / 1000) * 1000))));
      await page.getByRole('spinbutton', { name: 'Size' }).fill('');
    });

    // A file's time in the browser's zone, to the second, and the instant it means.
    const moment = sorted(files, 'uploadedDateTime', 'asc')[1]!;
    const local = await browserLocal(page, moment.uploadedDateTime, false);
    const instant = Date.parse(await browserInstant(page, local));

    await test.step("uploaded: every operator around a file's time, to the second; and exactly at it, to the millisecond", async () => {
      await when.fill(local);
      for (const op of ['eq', 'ne', 'gt', 'ge', 'lt', 'le'] as const) {
        await page.getByRole('combobox', { name: 'Uploaded comparison' }).selectOption(op);
        await applyFilters(page);
        const expected = files.filter((f) => compare[op](Date.parse(f.uploadedDateTime), instant));
        if (expected.length === 0) await expect(page.getByRole('heading', { name: 'No files match these filters' })).toBeVisible();
        else await expect(nameCells(page)).toHaveText(byName(expected));
      }
      await when.fill(await browserLocal(page, moment.uploadedDateTime, true));
      await page.getByRole('combobox', { name: 'Uploaded comparison' }).selectOption('eq');
      await applyFilters(page);
      await expect(nameCells(page)).toHaveText([moment.name]);
    });

    await test.step('filters combine with and; a reload shows the same view, filters filled in', async () => {
      await page.getByRole('combobox', { name: 'Uploaded comparison' }).selectOption('ge');
      await when.fill(local);
      await nameBox.fill("O'Brien badge export.csv");
      await page.getByRole('combobox', { name: 'Name comparison' }).selectOption('ne');
      await page.getByRole('button', { name: 'Size', exact: true }).click();
      await applyFilters(page);
      const combined = sorted(
        files.filter((f) => f.name !== "O'Brien badge export.csv" && Date.parse(f.uploadedDateTime) >= instant),
        'size',
        'asc',
      );
      await expect(nameCells(page)).toHaveText(names(combined));
      await page.reload();
      await expect(nameCells(page)).toHaveText(names(combined));
      await expect(nameBox).toHaveValue("O'Brien badge export.csv");
      await expect(page.getByRole('combobox', { name: 'Name comparison' })).toHaveValue('ne');
      await expect(when).toHaveValue(local);
      await expect(page.getByRole('columnheader', { name: 'Size' })).toHaveAttribute('aria-sort', 'ascending');

      await page.getByRole('button', { name: 'Clear filters' }).click();
      await expect(nameCells(page)).toHaveText(names(sorted(files, 'size', 'asc')));
    });
  });

  test('page through a session with thousands of files', async ({ page, emulator }) => {
    const session = await sessionWith(emulator, (s) => s.files.length >= 2000);
    const files = session.files;
    const total = files.length.toLocaleString('en-US');
    const newest = sorted(files, 'uploadedDateTime', 'desc');

    await page.goto(sessionPath(session));
    await signIn(page, demoUsers.owner);
    await expect(page.getByText('This session is finalized and read-only')).toBeVisible();
    await expect(page.getByText(`${total} files in the session`)).toBeVisible();
    const pages = page.getByRole('navigation', { name: 'Files pages' });
    await expect(pages).toContainText(`Showing 1–100 of ${total} files`);
    await expect(nameCells(page)).toHaveText(names(newest.slice(0, 100)));

    await pages.getByRole('button', { name: 'Next' }).click();
    await pages.getByRole('button', { name: 'Next' }).click();
    await expect(pages).toContainText(`Showing 201–300 of ${total} files`);
    await expect(nameCells(page)).toHaveText(names(newest.slice(200, 300)));
    await pages.getByRole('button', { name: 'Previous' }).click();
    await expect(nameCells(page)).toHaveText(names(newest.slice(100, 200)));

    // Bookmarked deep inside the list: the same page after a reload.
    await page.reload();
    await expect(pages).toContainText(`Showing 101–200 of ${total} files`);

    // A filter on the large session: Graph's count of matches, and its first page.
    await page.getByRole('combobox', { name: 'Size comparison' }).selectOption('gt');
    await page.getByRole('spinbutton', { name: 'Size' }).fill('10');
    await page.getByRole('combobox', { name: 'Size unit' }).selectOption('MB');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    const big = newest.filter((f) => f.size > 10_000_000);
    await expect(page.getByText(`${big.length.toLocaleString('en-US')} files match the filters (of ${total} in the session)`)).toBeVisible();
    await expect(nameCells(page)).toHaveText(names(big.slice(0, 100)));
  });
});
