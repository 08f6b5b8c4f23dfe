import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { directoryFixtures, directoryPerson, namedGroups } from '../emulator/directory/fixtures';
import { appUrl, demo, expect, signIn, test } from './fixtures';

/** Owner columns resolved with the people (issue 13): group owners by display name, mail and id. */
const sessionId = demo.sessions.badgeActive;
const sessionUrl = appUrl.session(demo.catalogs.buildingAccess, demo.resources.badge, sessionId);
const exportName = 'owners-export.csv';
const preparedName = 'owners-export (prepared).csv';

const { member, mailGroup, ambiguousGroupName } = directoryFixtures;
// Badge Administrators: a name no other group has (a generated group shares "Facilities Team").
const [, hrOperations, badgeAdmins] = namedGroups;
const people = [member, ...Array.from({ length: 100 }, (_, n) => directoryPerson(300 + n))
  .filter((person) => person.mail && person.accountEnabled && person.userType === 'Member' && !person.displayName.includes('(Admin)'))
  .slice(0, 5)];

/** Each row: a person, their owner groups as the source writes them, and the ids the prepared file must hold (none: left out). */
const rows = [
  { owners: 'Badge Administrators', ids: [badgeAdmins!.id] },
  { owners: `${hrOperations!.mail!.toUpperCase()}, badge administrators`, ids: [hrOperations!.id, badgeAdmins!.id] },
  { owners: ambiguousGroupName.displayName },
  { owners: 'No such group here' },
  { owners: mailGroup.id, ids: [mailGroup.id] },
  { owners: member.id },
].map((row, n) => ({ ...row, person: people[n]! }));
const header = 'Email;Owner groups;PermissionId;PermissionName;PermissionType;ScopeId;ScopeDisplayName\r\n';
const permission = ['00000001-0000-4000-8000-000000000001', 'Door 1', 'Physical', 'site-1', 'HQ'];
const exportCsv = header + rows.map((row) => [row.person.mail, row.owners, ...permission].join(';')).join('\r\n') + '\r\n';
const [permissionId, permissionName, permissionType, scopeId, scopeName] = permission;
const expectedCsv =
  'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\r\n' +
  rows
    .filter((row) => row.ids)
    .map((row) => {
      const owners = row.ids!.length > 1 ? `"${row.ids!.join(',')}"` : row.ids![0];
      return `${row.person.id},EntraIdUser,${permissionId},${permissionName},,${permissionType},${scopeId},${scopeName},,${owners},\r\n`;
    })
    .join('');

const checkedFile = (page: Page, name: string) => page.getByRole('list', { name: 'Checked files' }).getByRole('listitem', { name });

test('group owners are resolved by display name, mail and id beside the people; the unresolved ones leave their rows out', async ({ page, emulator, allowFailedRequests }) => {
  // The silent requests for User.Read.All and GroupMember.Read.All are refused (AADSTS65001, consent required) before
  // MSAL opens the consent pop-up.
  allowFailedRequests(/^400 POST \S+\/oauth2\/v2\.0\/token(\?\S*)?$/);
  await page.goto(sessionUrl);
  await signIn(page);
  await page.locator('input[type=file]').setInputFiles({ name: exportName, mimeType: 'text/csv', buffer: Buffer.from(exportCsv, 'utf8') });
  await checkedFile(page, exportName).getByRole('button', { name: 'Prepare this file' }).click();
  const dialog = page.getByRole('dialog', { name: /^Prepare data/ });
  await dialog.getByRole('button', { name: 'Next: map columns' }).click();
  await dialog.getByRole('button', { name: 'Resolve people' }).click();
  await emulator.clearRequests();
  await dialog.getByRole('button', { name: 'Look up people' }).click();

  const owners = dialog.getByRole('region', { name: 'Owners in EntitlementOwners_Groups' });
  await expect(owners.locator('[data-outcome="matched"] h4')).toHaveText('Matched: 3 owners, 4 rows');
  await expect(owners.locator('[data-outcome="ambiguous"]').getByRole('listitem')).toHaveText([
    `Line 4: 2 groups have the display name '${ambiguousGroupName.displayName}': ${ambiguousGroupName.groups.map((group) => `${group.mail ?? group.displayName} (${group.id})`).join(', ')}.`,
  ]);
  await expect(owners.locator('[data-outcome="notFound"]').getByRole('listitem')).toHaveText([
    "Line 5: No group of the tenant has the display name 'No such group here'.",
    `Line 7: '${member.id}' is a user (${member.userPrincipalName}), not a group.`,
  ]);
  // The groups were read from the directory (inside $batch or alone), with the permission the lookup asked for.
  const groupReads = (await emulator.requests()).filter((r) => r.method === 'GET' && /^\/v1\.0\/groups/.test(r.path));
  expect(groupReads.length).toBeGreaterThan(0);
  expect(groupReads.every((r) => r.status === 200)).toBe(true);

  await dialog.getByRole('button', { name: 'Prepare with the people looked up' }).click();
  await expect(dialog).toContainText('Prepared 3 rows in 1 file, added to the checked files. 3 left out.');
  await expect(dialog.getByRole('list', { name: 'Rows left out' }).getByRole('listitem')).toHaveText([
    /^Line 4: Owner in EntitlementOwners_Groups: 2 groups have the display name/,
    /^Line 5: Owner in EntitlementOwners_Groups: No group of the tenant/,
    /^Line 7: Owner in EntitlementOwners_Groups: '.*' is a user/,
  ]);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: `Download ${preparedName}` }).click();
  expect(readFileSync(await (await download).path(), 'utf8')).toBe(expectedCsv);
  await dialog.getByRole('button', { name: 'Close' }).click();

  await page.getByRole('button', { name: 'Upload 1 file' }).click();
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: preparedName })).toContainText('Uploaded');
  const bytes = Buffer.from(expectedCsv, 'utf8');
  const stored = (await emulator.session(sessionId))?.files.find((file) => file.name === preparedName);
  expect(stored).toMatchObject({ size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
});
