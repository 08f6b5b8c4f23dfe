/**
 * Who is who in the emulated directory, for unit and e2e tests: named people and groups with fixed ids, and the
 * generated people picked for each lookup outcome. Free of Node imports (the e2e tests import it).
 */
import { directoryGroup, directoryPerson, tenantDomain } from './generate';
import type { DirectoryGroup, DirectoryUser } from './generate';

export type { DirectoryGroup, DirectoryUser } from './generate';
export { directoryGroup, directoryPerson, generatedGroupCount, generatedUserCount } from './generate';

const member = (id: string, givenName: string, surname: string, employeeId: string, jobTitle: string): DirectoryUser => {
  const local = `${givenName}.${surname}`.toLowerCase();
  return {
    id,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: `${local}@${tenantDomain}`,
    mail: `${givenName}.${surname}@${tenantDomain}`,
    employeeId,
    accountEnabled: true,
    userType: 'Member',
    jobTitle,
  };
};

/**
 * People the repository's CSV fixtures (e2e/fixtures, the emulator's tests) and the demo seed name without being
 * demo sign-in users: their ids resolve as users of the tenant. The seed's users come before them in the directory.
 */
export const namedPeople: readonly DirectoryUser[] = [
  member('f3a1c2d4-5b6e-4f70-8a91-b2c3d4e5f607', 'Adele', 'Vance', '000100', 'Identity Governance Administrator'),
  member('5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95', 'Grady', 'Archie', '000101', 'Facilities Director'),
  member('3f2c8a91-5b7d-4e2a-9c1f-6d8e0a4b7c21', 'Lidia', 'Holloway', '000102', 'Security Officer'),
  member('8b1e4d6f-2a9c-4f3e-b7d5-1c0a9e8f6d42', 'Lynne', 'Robbins', '000103', 'Planner'),
  member('0d9f3b7a-6e2c-4a18-8f5d-3b1e7c9a2d84', 'Nestor', 'Wilke', '000104', 'Operations Director'),
  member('c47a2e19-8d3b-4b6f-a1e0-5f9c2d7b8e63', 'Patti', 'Fernandez', '000105', 'President'),
  member('550e8400-e29b-41d4-a716-446655440000', 'Isaiah', 'Langer', '000106', 'Sales Representative'),
  member('7c9e6679-7425-40de-944b-e07fc1f90ae7', 'Johanna', 'Lorenz', '000107', 'Senior Engineer'),
];

/** Groups named by the seed's AadGroup resources and by the CSV fixtures' EntitlementOwners_Groups. */
export const namedGroups: readonly DirectoryGroup[] = [
  { id: '1e143db5-68a8-4244-95a3-6d743754f5f7', displayName: 'Facilities Team', description: 'Facilities staff', mail: `facilities@${tenantDomain}`, mailNickname: 'facilities', mailEnabled: true, securityEnabled: true, groupTypes: [] },
  { id: '022299e2-b8b5-4e80-be8f-811c0b56be23', displayName: 'HR Operations', description: 'HR operations staff', mail: `hr-operations@${tenantDomain}`, mailNickname: 'hr-operations', mailEnabled: true, securityEnabled: false, groupTypes: ['Unified'] },
  { id: '9a3c7e1d-4b8f-4d2a-b6e5-0f1d3c8a7b26', displayName: 'Badge Administrators', description: 'Owners of the badge system', mail: null, mailNickname: 'badge-admins', mailEnabled: false, securityEnabled: true, groupTypes: [] },
];

/**
 * Generated people and groups for each lookup outcome. Indexes follow the rules in generate.ts: disabled every 40th
 * from 13, guests every 50th from 7, a second (Admin) account sharing mail and employee id every 1,000th from 999.
 */
export const directoryFixtures = {
  /** An ordinary enabled member whose UPN is their mail (in another case). */
  member: directoryPerson(0),
  /** accountEnabled false. */
  disabled: directoryPerson(13),
  /** userType Guest, UPN with #EXT#, mail on the guest's own domain, no employee id. */
  guest: directoryPerson(7),
  /** A member whose UPN (…@corp.contoso.example) differs from their mail (…@contoso.example). */
  otherUpnDomain: directoryPerson(3),
  /** A member without a mail. */
  noMail: directoryPerson(17),
  /** Two users share this mail and employee id: a lookup by either is ambiguous. */
  ambiguous: { mail: directoryPerson(998).mail as string, employeeId: directoryPerson(998).employeeId as string, users: [directoryPerson(998), directoryPerson(999)] },
  /** A mail, UPN, employee id and object id that match nobody. */
  unknown: { mail: `nobody.here@${tenantDomain}`, userPrincipalName: `nobody.here@${tenantDomain}`, employeeId: '999999', id: '00000000-0000-4000-8000-000000000000' },
  /** A mail-enabled group, a security group without mail, and two groups sharing a display name. */
  mailGroup: directoryGroup(2),
  securityGroup: directoryGroup(0),
  ambiguousGroupName: { displayName: directoryGroup(1).displayName, groups: [directoryGroup(1), directoryGroup(299)] },
} as const;
