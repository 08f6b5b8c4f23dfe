/**
 * The generated part of the emulated directory: each person and group is a pure function of its index, so the
 * directory is the same on every start without a file, and tests can name anyone by index (directoryPerson(i)).
 * Kept free of Node imports: the e2e tests import it too.
 */

export type UserType = 'Member' | 'Guest';

export interface DirectoryUser {
  id: string;
  displayName: string;
  givenName: string;
  surname: string;
  userPrincipalName: string;
  mail: string | null;
  employeeId: string | null;
  accountEnabled: boolean;
  userType: UserType;
  jobTitle: string | null;
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  description: string;
  mail: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
}

export const tenantDomain = 'contoso.example';
export const generatedUserCount = 20_000;
export const generatedGroupCount = 300;

// 100 first names × 200 surnames = 20,000 distinct names. None is a demo user's (Bowen, Wilber, Siciliani, Vance).
const firstNames = (
  'Aaron Abigail Adam Adrian Aisha Alan Albert Alice Amelia Amir Ana Andrea Andrew Anita Anna Anton Arjun Ava Ben ' +
  'Bianca Boris Carla Carlos Caroline Chen Chloe Claire Daniel Daria David Denise Dmitri Elena Eli Emma Eric Erin ' +
  'Farah Felix Fiona Frank Gabriel Grace Hana Hannah Harry Hugo Ian Ines Isabel Ivan Jack Jana Jasmine Javier Jonas ' +
  'Julia Kai Karin Kenji Laura Leo Lina Lucas Lucy Maria Mark Marta Mateo Maya Mia Mohamed Nadia Nina Noah Olga ' +
  'Omar Oscar Paula Pedro Priya Rafael Rosa Ruth Sara Simon Sofia Tariq Theo Tom Uma Victor Wendy Yara Yusuf Zoe ' +
  'Beatriz Cyrus Dalia Esther'
).split(' ');
const surnames = (
  'Abbott Acosta Adams Ahmed Ali Alvarez Andersen Arnold Bailey Baker Banerjee Barnes Becker Bell Berg Bianchi ' +
  'Bishop Blake Brandt Brooks Brown Bruno Burke Campbell Carter Castro Chang Chavez Clark Cohen Cole Collins Cooper ' +
  'Costa Cruz Das Davies Dean Diaz Dixon Doyle Dubois Duncan Edwards Ellis Evans Farouk Fischer Fleming Ford Foster ' +
  'Fox Franco Fraser Garcia Gibson Gomez Graham Grant Gray Green Gupta Haas Hall Hansen Harper Hart Hayes Hill ' +
  'Hoffmann Holm Hughes Hunt Ibrahim Ito Jackson Jensen Johnson Jones Kaur Keller Kelly Khan Kim King Klein Koch ' +
  'Kowalski Kumar Lambert Lang Larsen Lee Lewis Lindqvist Lopez Lund Maier Marsh Martin Mason Meyer Miller Mills ' +
  'Moore Morales Morgan Murphy Nakamura Nash Nguyen Nielsen Novak Nowak Okafor Olsen Ortiz Owen Park Patel Perez ' +
  'Perry Peters Pham Pires Popescu Price Quinn Ramos Reed Reyes Richter Rivera Roberts Romano Rossi Russell Ryan ' +
  'Sanchez Santos Sato Schmidt Schulz Scott Shah Silva Singh Smith Sousa Stewart Stone Suzuki Tanaka Taylor Thomas ' +
  'Torres Tran Turner Vargas Vogel Wagner Walker Walsh Wang Ward Watson Weber Wells West White Wong Wood Wright ' +
  'Wu Yamamoto Young Zhang Zimmermann Zhou Abe Bauer Cabrera Delgado Eriksen Ferreira Gallo Horvat Iqbal Jovanovic ' +
  'Kaplan Lindgren Moreau Navarro Oyelaran Petrov Qureshi Rahman Sandoval Teixeira Ueda'
).split(' ');
const jobTitles = ['Analyst', 'Engineer', 'Facilities Coordinator', 'Sales Representative', 'HR Specialist', 'Accountant', 'Team Lead', 'Consultant'];
const guestDomains = ['fabrikam.example', 'northwind.example', 'tailspin.example'];

const departments = (
  'Facilities Finance Sales Marketing Legal Security Research Support Operations Logistics Procurement Training ' +
  'Payroll Audit Design Engineering Quality Compliance Treasury Partners Warehouse Fleet Reception Archive ' +
  'Catering Events Library Privacy Networking Helpdesk'
).split(' ');
const groupKinds = ['Team', 'Managers', 'Approvers', 'Readers', 'Contractors', 'Leads', 'Owners', 'Interns', 'Admins', 'Alumni'];

/** murmur3's 32-bit finaliser: a bijection on 32-bit integers, so distinct indexes give distinct first words. */
function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const hex8 = (value: number) => value.toString(16).padStart(8, '0');

/** A version-4-shaped GUID from (salt, index): the same on every run. */
export function deterministicGuid(salt: number, index: number): string {
  const a = hex8(mix32(index ^ salt));
  const b = hex8(mix32(index + salt + 0x9e3779b9));
  const c = hex8(mix32(mix32(index) ^ salt ^ 0x7f4a7c15));
  const d = hex8(mix32(index * 31 + salt * 17 + 0x632be5ab));
  const variant = ((parseInt(c.charAt(0), 16) & 0x3) | 0x8).toString(16);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5, 8)}-${variant}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

const userSalt = 0x5eed0001;
const groupSalt = 0x5eed0002;

/** Every 40th person (from 13) has a disabled account, every 50th (from 7) is a guest, one in 101 has no mail. */
export const isDisabledIndex = (i: number) => i % 40 === 13;
export const isGuestIndex = (i: number) => i % 50 === 7;
/** Every 1,000th person (from 999) is the second account of the person before: same mail and employee id. */
export const isSecondAccountIndex = (i: number) => i % 1000 === 999;
const hasNoMail = (i: number) => i % 101 === 17 && !isSecondAccountIndex(i + 1);
/** One in eight members signs in on another domain: their UPN is not their mail. */
const hasOtherUpnDomain = (i: number) => i % 8 === 3;

const ascii = (name: string) => name.toLowerCase();

function basePerson(i: number): DirectoryUser {
  const givenName = firstNames[i % firstNames.length] as string;
  const surname = surnames[Math.floor(i / firstNames.length) % surnames.length] as string;
  const local = `${ascii(givenName)}.${ascii(surname)}`;
  const mail = `${givenName}.${surname}@${tenantDomain}`;
  return {
    id: deterministicGuid(userSalt, i),
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: hasOtherUpnDomain(i) ? `${local}@corp.${tenantDomain}` : `${local}@${tenantDomain}`,
    mail: hasNoMail(i) ? null : mail,
    employeeId: String(100_000 + i),
    accountEnabled: !isDisabledIndex(i),
    userType: 'Member',
    jobTitle: jobTitles[i % jobTitles.length] as string,
  };
}

/** Generated person `i` (0 ≤ i < generatedUserCount). */
export function directoryPerson(i: number): DirectoryUser {
  if (!Number.isInteger(i) || i < 0 || i >= generatedUserCount) throw new RangeError(`No generated person ${i}.`);
  const person = basePerson(i);
  if (isSecondAccountIndex(i)) {
    // An admin account of the previous person: a mail and employee id that match two users.
    const owner = basePerson(i - 1);
    const local = `adm.${ascii(owner.givenName)}.${ascii(owner.surname)}`;
    return { ...person, displayName: `${owner.displayName} (Admin)`, givenName: owner.givenName, surname: owner.surname, userPrincipalName: `${local}@${tenantDomain}`, mail: owner.mail, employeeId: owner.employeeId, jobTitle: 'Administrator' };
  }
  if (isGuestIndex(i)) {
    const domain = guestDomains[i % guestDomains.length] as string;
    const local = `${ascii(person.givenName)}.${ascii(person.surname)}`;
    return { ...person, userType: 'Guest', mail: `${local}@${domain}`, userPrincipalName: `${local}_${domain}#EXT#@${tenantDomain}`, employeeId: null, jobTitle: null };
  }
  return person;
}

/** Generated group `i` (0 ≤ i < generatedGroupCount): security groups, Microsoft 365 groups and mail-enabled security groups. */
export function directoryGroup(i: number): DirectoryGroup {
  if (!Number.isInteger(i) || i < 0 || i >= generatedGroupCount) throw new RangeError(`No generated group ${i}.`);
  // The last group repeats the second one's name, without a mail: looking groups up by name can be ambiguous.
  const n = i === generatedGroupCount - 1 ? 1 : i;
  const department = departments[n % departments.length] as string;
  const kind = groupKinds[Math.floor(n / departments.length) % groupKinds.length] as string;
  const nickname = `${department}-${kind}`.toLowerCase() + (i === n ? '' : '-2');
  const flavour = i === n ? i % 3 : 0;
  return {
    id: deterministicGuid(groupSalt, i),
    displayName: `${department} ${kind}`,
    description: `${department} ${kind.toLowerCase()} (generated)`,
    mail: flavour === 0 ? null : `${nickname}@${tenantDomain}`,
    mailNickname: nickname,
    mailEnabled: flavour !== 0,
    securityEnabled: flavour !== 1,
    groupTypes: flavour === 1 ? ['Unified'] : [],
  };
}
