import { describe, expect, it } from 'vitest';
import type { User } from '../store/types';
import { Directory } from './directory';
import { directoryFixtures, directoryGroup, directoryPerson, generatedGroupCount, generatedUserCount, namedGroups, namedPeople } from './fixtures';

const megan: User = { id: 'bc3a3324-6a05-4360-9278-f031f956c774', userPrincipalName: 'megan.bowen@contoso.example', displayName: 'Megan Bowen', givenName: 'Megan', surname: 'Bowen', catalogRoles: {} };
const directory = new Directory([megan]);
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the generated directory', () => {
  it('is a pure function of the index: the same people and groups every time', () => {
    expect(directoryPerson(1234)).toEqual(directoryPerson(1234));
    expect(directoryPerson(0).id).toBe('d9b02c0f-83c6-4724-b548-5cd2a44e8191');
    expect(directoryGroup(5)).toEqual(directoryGroup(5));
    expect(() => directoryPerson(generatedUserCount)).toThrow(RangeError);
    expect(() => directoryGroup(-1)).toThrow(RangeError);
  });

  it('holds the seed users first, then the named people, then 20,000 generated people with distinct ids and UPNs', () => {
    expect(directory.users).toHaveLength(1 + namedPeople.length + generatedUserCount);
    expect(directory.users[0]).toMatchObject({ id: megan.id, mail: megan.userPrincipalName, accountEnabled: true, userType: 'Member' });
    expect(new Set(directory.users.map((u) => u.id)).size).toBe(directory.users.length);
    expect(new Set(directory.users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(directory.users.length);
    expect(directory.users.every((u) => guid.test(u.id) || namedPeople.some((p) => p.id === u.id) || u.id === megan.id)).toBe(true);
    expect(directory.groups).toHaveLength(namedGroups.length + generatedGroupCount);
    expect(new Set(directory.groups.map((g) => g.id)).size).toBe(directory.groups.length);
  });

  it('has disabled users, guests with #EXT# UPNs, people without mail, and pairs sharing a mail', () => {
    const users = directory.users;
    expect(users.filter((u) => !u.accountEnabled).length).toBe(500);
    const guests = users.filter((u) => u.userType === 'Guest');
    expect(guests.length).toBe(400);
    expect(guests.every((u) => u.userPrincipalName.includes('#EXT#@contoso.example') && u.employeeId === null)).toBe(true);
    expect(users.filter((u) => u.mail === null).length).toBeGreaterThan(100);
    const byMail = new Map<string, number>();
    for (const u of users) if (u.mail !== null) byMail.set(u.mail.toLowerCase(), (byMail.get(u.mail.toLowerCase()) ?? 0) + 1);
    expect([...byMail.values()].filter((n) => n > 1)).toEqual(Array(20).fill(2));
  });

  it('matches the named fixtures', () => {
    const f = directoryFixtures;
    expect(f.disabled.accountEnabled).toBe(false);
    expect(f.guest).toMatchObject({ userType: 'Guest', accountEnabled: true });
    expect(f.member).toMatchObject({ userType: 'Member', accountEnabled: true });
    expect(f.member.mail?.toLowerCase()).toBe(f.member.userPrincipalName);
    expect(f.otherUpnDomain.userPrincipalName).toContain('@corp.contoso.example');
    expect(f.noMail.mail).toBeNull();
    expect(directory.usersWhere('mail', f.ambiguous.mail).map((p) => directory.users[p]?.id)).toEqual(f.ambiguous.users.map((u) => u.id));
    expect(directory.usersWhere('employeeId', f.ambiguous.employeeId)).toHaveLength(2);
    expect(directory.usersWhere('mail', f.unknown.mail)).toEqual([]);
    expect(directory.user(f.unknown.id)).toBeUndefined();
    expect(directory.groupsWhere('displayName', f.ambiguousGroupName.displayName)).toHaveLength(2);
    expect(f.mailGroup.mail).not.toBeNull();
    expect(f.securityGroup).toMatchObject({ mail: null, securityEnabled: true, mailEnabled: false });
  });

  it('looks users up by id or UPN and by indexed properties ignoring case', () => {
    const person = directoryFixtures.member;
    expect(directory.user(person.id.toUpperCase())?.id).toBe(person.id);
    expect(directory.user(person.userPrincipalName.toUpperCase())?.id).toBe(person.id);
    expect(directory.user(directoryFixtures.guest.userPrincipalName)?.id).toBe(directoryFixtures.guest.id);
    expect(directory.usersWhere('mail', (person.mail as string).toLowerCase())).toHaveLength(1);
    expect(directory.group(namedGroups[0]?.id ?? '')?.displayName).toBe('Facilities Team');
  });

  it('lets a custom seed user take the place of a generated person with the same UPN', () => {
    const clash = directoryPerson(5);
    const custom = new Directory([{ ...megan, id: '11111111-1111-4111-8111-111111111111', userPrincipalName: clash.userPrincipalName.toUpperCase() }]);
    expect(custom.users).toHaveLength(1 + namedPeople.length + generatedUserCount - 1);
    expect(custom.user(clash.userPrincipalName)?.id).toBe('11111111-1111-4111-8111-111111111111');
    expect(custom.user(clash.id)).toBeUndefined();
  });

  it('is built on first use, and quickly', () => {
    const fresh = new Directory([]);
    const started = performance.now();
    expect(fresh.users.length).toBe(namedPeople.length + generatedUserCount);
    // Generous for a loaded machine; about 30 ms when idle.
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
