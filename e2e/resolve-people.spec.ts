import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { directoryFixtures, directoryPerson, namedPeople } from '../emulator/directory/fixtures';
import { appUrl, demo, demoUsers, expect, signIn, test } from './fixtures';
import type { EmulatorControl } from './emulator-control';
import { emulatorUrl } from './ports';

/** The demo's active session: Badge Access Data, weekly badge attestation. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const exportName = 'people-export.csv';
const preparedName = 'people-export (prepared).csv';

const patti = namedPeople.find((person) => person.displayName === 'Patti Fernandez')!;
const { member, otherUpnDomain, disabled, guest, ambiguous, unknown } = directoryFixtures;
/** 40 more ordinary members, so the lookup needs four filters of 15, sent as one $batch. */
const crowd = Array.from({ length: 200 }, (_, n) => directoryPerson(200 + n))
  .filter((person) => person.mail && person.accountEnabled && person.userType === 'Member' && !person.displayName.includes('(Admin)'))
  .slice(0, 40);

const permission = (n: number) => [`0000000${n}-0000-4000-8000-00000000000${n}`, `Door ${n}`, 'Physical', 'site-1', 'HQ'];
/** The export, keyed by email (in any case), with a verified object id, an unknown one, a repeated row and an empty email. */
const rows: { principal: string; permission: number; expectedId?: string }[] = [
  { principal: member.mail!.toLowerCase(), permission: 1, expectedId: member.id },
  { principal: otherUpnDomain.mail!, permission: 1, expectedId: otherUpnDomain.id },
  { principal: disabled.mail!, permission: 1, expectedId: disabled.id },
  { principal: guest.mail!.toUpperCase(), permission: 1, expectedId: guest.id },
  { principal: ambiguous.mail, permission: 1 },
  { principal: unknown.mail, permission: 1 },
  { principal: patti.id, permission: 2, expectedId: patti.id },
  { principal: unknown.id, permission: 2 },
  { principal: member.mail!.toLowerCase(), permission: 1 },
  { principal: '', permission: 2 },
  { principal: member.mail!, permission: 2, expectedId: member.id },
  ...crowd.map((person) => ({ principal: person.mail!, permission: 3, expectedId: person.id })),
];
const header = 'Email;PermissionId;PermissionName;PermissionType;ScopeId;ScopeDisplayName\r\n';
const exportCsv = header + rows.map((row) => [row.principal, ...permission(row.permission)].join(';')).join('\r\n') + '\r\n';

/** The prepared file, written out from the directory's own ids: the rows of people who resolved, in export order. */
const expectedCsv =
  'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\r\n' +
  rows
    .filter((row) => row.expectedId)
    .map((row) => {
      const [id, name, type, scopeId, scopeName] = permission(row.permission);
      return `${row.expectedId},EntraIdUser,${id},${name},,${type},${scopeId},${scopeName},,,\r\n`;
    })
    .join('');

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });
const prepareDialog = (page: Page) => page.getByRole('dialog', { name: /^Prepare data/ });
/**
 * The directory requests the app sent (CORS preflights aside), inner requests of a batch included (marked inBatch);
 * the session page's own reads of its session may come and go meanwhile.
 */
const graphRequests = async (emulator: EmulatorControl) =>
  (await emulator.requests()).filter((r) => /^\/v1\.0\/(\$batch|users|directoryObjects)/.test(r.path) && r.method !== 'OPTIONS');
const outcome = (dialog: Locator, id: string) => dialog.locator(`[data-outcome="${id}"]`);

/** Signs in at the session, drops the export (it fails the checks) and goes to the "Resolve people" step. */
async function openPeopleStep(page: Page) {
  await page.goto(sessionUrl);
  await signIn(page);
  await page.locator('input[type=file]').setInputFiles({ name: exportName, mimeType: 'text/csv', buffer: Buffer.from(exportCsv, 'utf8') });
  await checkedFile(page, exportName).getByRole('button', { name: 'Prepare this file' }).click();
  const dialog = prepareDialog(page);
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  await expect(dialog.getByLabel('Value of PrincipalId')).toHaveValue('column:Email');
  await dialog.getByRole('button', { name: 'Resolve people' }).click();
  await expect(dialog.getByRole('heading', { name: 'Step 3 of 3: resolve people' })).toBeFocused();
  await expect(dialog).toContainText(`${rows.length - 3} people in ${rows.length} rows (column Email).`);
  await expect(dialog.getByLabel('The values are')).toHaveValue('mail');
  return dialog;
}

test.describe('resolving people to object ids', () => {
  test('an export keyed by email is resolved in one $batch, every outcome listed, and the stored file holds exactly the directory ids', async ({ page, emulator, allowFailedRequests }) => {
    // The silent request for User.Read.All is refused (AADSTS65001, consent required) before MSAL opens the pop-up.
    allowFailedRequests(/^400 POST \S+\/oauth2\/v2\.0\/token(\?\S*)?$/);
    const dialog = await openPeopleStep(page);

    await test.step('look up: User.Read.All consented in a pop-up, then one $batch of four filters and one getByIds', async () => {
      await emulator.clearRequests();
      const popup = page.waitForEvent('popup');
      await dialog.getByRole('button', { name: 'Look up people' }).click();
      // The emulated user consents on the spot, in the pop-up MSAL opens (and closes when the answer is back).
      await popup;
      await expect(outcome(dialog, 'matched')).toContainText(`Matched: ${crowd.length + 3} people, ${crowd.length + 4} rows`);
      const graph = await graphRequests(emulator);
      const sent = graph.filter((r) => !r.inBatch);
      expect(sent.map((r) => `${r.method} ${r.path}`).sort()).toEqual(['POST /v1.0/$batch', 'POST /v1.0/directoryObjects/getByIds']);
      const inner = graph.filter((r) => r.inBatch);
      expect(inner).toHaveLength(4);
      expect(inner.every((r) => r.method === 'GET' && r.path.endsWith('/users') && r.status === 200)).toBe(true);
      const tokens = (await emulator.requests()).filter((r) => r.grantType === 'authorization_code');
      expect(tokens.length).toBeGreaterThan(0);
    });

    await test.step('each outcome with its count and rows (line numbers of the export)', async () => {
      await expect(outcome(dialog, 'notFound')).toContainText('Not found: 2 people, 2 rows');
      await expect(outcome(dialog, 'notFound').getByRole('listitem')).toHaveText([
        `Line 7: No user of the tenant has the email address '${unknown.mail}'.`,
        `Line 9: '${unknown.id}' is not a user of the tenant.`,
      ]);
      await expect(outcome(dialog, 'ambiguous').getByRole('listitem')).toHaveText([
        `Line 6: 2 users have the email address '${ambiguous.mail}': ${ambiguous.users.map((user) => user.userPrincipalName).join(', ')}.`,
      ]);
      await expect(outcome(dialog, 'disabled').getByRole('listitem')).toHaveText([`Line 4: The account of ${disabled.userPrincipalName} is disabled.`]);
      await expect(outcome(dialog, 'guest').getByRole('listitem')).toHaveText([`Line 5: ${guest.userPrincipalName} is a guest of the tenant.`]);
      await expect(outcome(dialog, 'duplicate').getByRole('listitem')).toHaveText(['Line 10']);
      await expect(outcome(dialog, 'noValue').getByRole('listitem')).toHaveText(['Line 11']);
      const download = page.waitForEvent('download');
      await outcome(dialog, 'notFound').getByRole('button', { name: /^Download the list/ }).click();
      const list = readFileSync(await (await download).path(), 'utf8');
      expect(list.split('\r\n')[0]).toBe('Value,Rows,Lines,Object id,User principal name,Outcome,Detail');
      expect(list).toContain(`${unknown.mail},1,7,,,Not found,`);
      // WCAG 2.1 A and AA and best practices, as e2e/accessibility.spec.ts scans every page (Tabster's focus guards aside).
      const { violations } = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).exclude('[data-tabster-dummy]').analyze();
      expect(violations.map((v) => ({ rule: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })), 'axe violations').toEqual([]);
    });

    await test.step('a second lookup comes from the cache: no request', async () => {
      await emulator.clearRequests();
      await dialog.getByRole('button', { name: 'Look up again' }).click();
      // The second run's outcomes, not the first's still on screen.
      await expect(dialog.locator('[data-lookup-run="2"]').locator('[data-outcome="matched"]')).toContainText(`Matched: ${crowd.length + 3} people`);
      expect(await graphRequests(emulator)).toEqual([]);
    });

    await test.step('prepared with the ids; the rows left out are explained', async () => {
      await dialog.getByRole('button', { name: 'Prepare with the people looked up' }).click();
      await expect(dialog).toContainText(`Prepared ${rows.filter((row) => row.expectedId).length} rows in 1 file, added to the checked files. 5 left out.`);
      await expect(dialog.getByRole('list', { name: 'Rows left out' }).getByRole('listitem')).toHaveText([
        /^Line 6: 2 users have the email address/,
        /^Line 7: No user of the tenant has/,
        /^Line 9: '.*' is not a user of the tenant\./,
        'Line 10: The row repeats an earlier row of the export (a duplicate), left out as chosen.',
        'Line 11: The row has no value to match a person on.',
      ]);
      const download = page.waitForEvent('download');
      await dialog.getByRole('button', { name: `Download ${preparedName}` }).click();
      expect(readFileSync(await (await download).path(), 'utf8')).toBe(expectedCsv);
      await dialog.getByRole('button', { name: 'Close' }).click();
    });

    await test.step('uploaded: the emulator stores exactly those bytes', async () => {
      await expect(checkedFile(page, preparedName)).toContainText('Valid');
      await page.getByRole('button', { name: 'Upload 1 file' }).click();
      await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: preparedName })).toContainText('Uploaded');
      const bytes = Buffer.from(expectedCsv, 'utf8');
      const stored = (await emulator.session(sessionId))?.files.find((file) => file.name === preparedName);
      expect(stored).toMatchObject({ size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
    });
  });

  test('a refused consent is explained with its AADSTS code, and the file can still be prepared without the lookup', async ({ page, request, emulator, allowFailedRequests }) => {
    // The silent request for User.Read.All is refused (AADSTS65001, consent required) before the refused pop-up.
    allowFailedRequests(/^400 POST \S+\/oauth2\/v2\.0\/token(\?\S*)?$/);
    // The emulator fixture has reset consents; now the owner declines every consent prompt.
    void emulator;
    const refuse = await request.post(`${emulatorUrl}/_emulator/consent`, { data: { username: demoUsers.owner.username, refuse: true } });
    expect(refuse.ok()).toBe(true);
    const dialog = await openPeopleStep(page);
    await dialog.getByRole('button', { name: 'Look up people' }).click();
    await expect(dialog.getByText(/^The permission to read users \(User\.Read\.All\) was not granted \(AADSTS65004\)/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Ask again' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Prepare without looking up' }).click();
    // Only the object ids pass; Patti's is a user of the tenant, the unknown one is a well-formed id and passes too.
    await expect(dialog).toContainText('Prepared 2 rows in 1 file');
    await dialog.getByRole('button', { name: 'Close' }).click();
    // The rest of the console still works: the session page reads Graph as before.
    await expect(page.getByRole('heading', { name: 'Upload files' })).toBeVisible();
    await expect(checkedFile(page, preparedName)).toContainText('Valid');
  });
});
