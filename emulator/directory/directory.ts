import type { User } from '../store/types';
import { namedGroups, namedPeople } from './fixtures';
import { directoryGroup, directoryPerson, generatedGroupCount, generatedUserCount } from './generate';
import type { DirectoryGroup, DirectoryUser } from './generate';

/** Positions of the items whose key matches, lower-cased: Graph compares directory strings ignoring case. */
export class Lookup {
  /** One position, or several when the key is shared: most keys are unique, and 100,000 small arrays cost. */
  private readonly map = new Map<string, number | number[]>();

  constructor(keys: Iterable<string | null>) {
    let position = 0;
    for (const key of keys) {
      if (key !== null) {
        const folded = key.toLowerCase();
        const found = this.map.get(folded);
        if (found === undefined) this.map.set(folded, position);
        else if (typeof found === 'number') this.map.set(folded, [found, position]);
        else found.push(position);
      }
      position += 1;
    }
  }

  get(value: string): readonly number[] {
    const found = this.map.get(value.toLowerCase());
    return found === undefined ? [] : typeof found === 'number' ? [found] : found;
  }
}

export type UserKey = 'id' | 'userPrincipalName' | 'mail' | 'employeeId' | 'displayName';
export type GroupKey = 'id' | 'mail' | 'displayName';

// Pure functions of the index: made once per process, however many emulators start or reset.
let generatedPeople: readonly DirectoryUser[] | undefined;
let generatedGroups: readonly DirectoryGroup[] | undefined;

/** A demo sign-in user as a directory user: enabled member, mail = UPN, an employee id from its place in the seed. */
function fromSeedUser(user: User, position: number): DirectoryUser {
  return {
    id: user.id,
    displayName: user.displayName,
    givenName: user.givenName,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    mail: user.userPrincipalName,
    employeeId: String(900_000 + position),
    accountEnabled: true,
    userType: 'Member',
    jobTitle: user.jobTitle ?? null,
  };
}

/**
 * The seed's users and the named people, then the generated people that share no id or UPN with them (a custom seed
 * may name someone the generator also makes). Generated ids and UPNs are distinct and lower-case already.
 */
function mergeUsers(head: readonly DirectoryUser[], generated: readonly DirectoryUser[]): DirectoryUser[] {
  const ids = new Set<string>();
  const upns = new Set<string>();
  const users: DirectoryUser[] = [];
  for (const user of head) {
    const id = user.id.toLowerCase();
    const upn = user.userPrincipalName.toLowerCase();
    if (ids.has(id) || upns.has(upn)) continue;
    ids.add(id);
    upns.add(upn);
    users.push(user);
  }
  for (const user of generated) if (!ids.has(user.id) && !upns.has(user.userPrincipalName)) users.push(user);
  return users;
}

interface Built {
  users: readonly DirectoryUser[];
  groups: readonly DirectoryGroup[];
  userIndex: Record<UserKey, Lookup>;
  groupIndex: Record<GroupKey, Lookup>;
}

function build(seedUsers: readonly User[]): Built {
  generatedPeople ??= Array.from({ length: generatedUserCount }, (_, i) => directoryPerson(i));
  generatedGroups ??= Array.from({ length: generatedGroupCount }, (_, i) => directoryGroup(i));
  const users = mergeUsers([...seedUsers.map(fromSeedUser), ...namedPeople], generatedPeople);
  const namedIds = new Set(namedGroups.map((g) => g.id));
  const groups = [...namedGroups, ...generatedGroups.filter((g) => !namedIds.has(g.id))];
  return {
    users,
    groups,
    userIndex: {
      id: new Lookup(users.map((u) => u.id)),
      userPrincipalName: new Lookup(users.map((u) => u.userPrincipalName)),
      mail: new Lookup(users.map((u) => u.mail)),
      employeeId: new Lookup(users.map((u) => u.employeeId)),
      displayName: new Lookup(users.map((u) => u.displayName)),
    },
    groupIndex: {
      id: new Lookup(groups.map((g) => g.id)),
      mail: new Lookup(groups.map((g) => g.mail)),
      displayName: new Lookup(groups.map((g) => g.displayName)),
    },
  };
}

/**
 * The tenant's users and groups for the directory endpoints: the seed's users, the named people of the fixtures,
 * then 20,000 generated people; the named groups, then 300 generated ones. Read-only and indexed for lookups. Built
 * on first use, so the emulator starts as fast as without it.
 */
export class Directory {
  private built: Built | undefined;

  constructor(private readonly seedUsers: readonly User[]) {}

  private get data(): Built {
    this.built ??= build(this.seedUsers);
    return this.built;
  }

  get users(): readonly DirectoryUser[] {
    return this.data.users;
  }

  get groups(): readonly DirectoryGroup[] {
    return this.data.groups;
  }

  /** Positions in `users` of the users whose property equals the value, ignoring case. */
  usersWhere(key: UserKey, value: string): readonly number[] {
    return this.data.userIndex[key].get(value);
  }

  groupsWhere(key: GroupKey, value: string): readonly number[] {
    return this.data.groupIndex[key].get(value);
  }

  /** `GET /users/{id | userPrincipalName}`. */
  user(idOrUpn: string): DirectoryUser | undefined {
    const position = this.usersWhere('id', idOrUpn)[0] ?? this.usersWhere('userPrincipalName', idOrUpn)[0];
    return position === undefined ? undefined : this.users[position];
  }

  group(id: string): DirectoryGroup | undefined {
    const position = this.groupsWhere('id', id)[0];
    return position === undefined ? undefined : this.groups[position];
  }
}
