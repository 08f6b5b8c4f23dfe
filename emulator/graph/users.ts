import type { DirectoryGroup, DirectoryUser } from '../directory/generate';
import type { GroupKey, UserKey } from '../directory/directory';
import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import type { FilterProperty, FilterSchema } from '../odata/filter-eval';
import { authenticateFor, directoryErrors, listDirectory, parseDirectoryQuery, pick } from './directory-query';
import type { DirectoryCollection } from './directory-query';
import { sendEntity } from './responses';
import type { RouteRequest } from './router';

/** `/users` and `/groups` of the emulated directory (docs/graph-contract.md §9.1). */
type Json = Record<string, unknown>;

function text<T>(get: (item: T) => string | null, startswith = true): FilterProperty<T> {
  return { type: 'string', ops: ['eq', 'in'], functions: startswith ? ['startswith'] : [], caseInsensitive: true, get: (item) => get(item) ?? undefined };
}

const flag = <T>(get: (item: T) => boolean): FilterProperty<T> => ({ type: 'boolean', ops: ['eq'], get });

const userFilter: FilterSchema<DirectoryUser> = {
  target: 'users',
  logical: ['and', 'or'],
  properties: {
    id: text((u) => u.id, false),
    userPrincipalName: text((u) => u.userPrincipalName),
    mail: text((u) => u.mail),
    employeeId: text((u) => u.employeeId),
    displayName: text((u) => u.displayName),
    givenName: text((u) => u.givenName),
    surname: text((u) => u.surname),
    userType: text((u) => u.userType, false),
    accountEnabled: flag((u) => u.accountEnabled),
  },
};

/** The user's JSON in Graph's order; phones and office are empty in the emulated tenant. */
export function userJson(user: DirectoryUser): Json {
  return {
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: null,
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    id: user.id,
    accountEnabled: user.accountEnabled,
    employeeId: user.employeeId,
    userType: user.userType,
  };
}

const userKeys = new Set<string>(['id', 'userPrincipalName', 'mail', 'employeeId', 'displayName'] satisfies UserKey[]);

export const usersCollection: DirectoryCollection<DirectoryUser> = {
  target: 'users',
  kind: 'user',
  filter: userFilter,
  properties: ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id', 'accountEnabled', 'employeeId', 'userType'],
  // Without $select, Graph leaves out accountEnabled, employeeId and userType: lookups must ask for them.
  defaultProperties: ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'],
  items: (state) => state.directory.users,
  lookup: (state) => (property, value) => (userKeys.has(property) ? state.directory.usersWhere(property as UserKey, value) : undefined),
  json: userJson,
};

const groupFilter: FilterSchema<DirectoryGroup> = {
  target: 'groups',
  logical: ['and', 'or'],
  properties: {
    id: text((g) => g.id, false),
    displayName: text((g) => g.displayName),
    mail: text((g) => g.mail),
    mailNickname: text((g) => g.mailNickname),
    securityEnabled: flag((g) => g.securityEnabled),
    mailEnabled: flag((g) => g.mailEnabled),
  },
};

export function groupJson(group: DirectoryGroup): Json {
  return {
    id: group.id,
    description: group.description,
    displayName: group.displayName,
    groupTypes: group.groupTypes,
    mail: group.mail,
    mailEnabled: group.mailEnabled,
    mailNickname: group.mailNickname,
    securityEnabled: group.securityEnabled,
  };
}

const groupProperties = ['id', 'description', 'displayName', 'groupTypes', 'mail', 'mailEnabled', 'mailNickname', 'securityEnabled'];
const groupKeys = new Set<string>(['id', 'mail', 'displayName'] satisfies GroupKey[]);

export const groupsCollection: DirectoryCollection<DirectoryGroup> = {
  target: 'groups',
  kind: 'group',
  filter: groupFilter,
  properties: groupProperties,
  defaultProperties: groupProperties,
  items: (state) => state.directory.groups,
  lookup: (state) => (property, value) => (groupKeys.has(property) ? state.directory.groupsWhere(property as GroupKey, value) : undefined),
  json: groupJson,
};

export const listUsers = (ctx: RequestContext, state: EmulatorState, route: RouteRequest) => listDirectory(ctx, state, route, usersCollection);
export const listGroups = (ctx: RequestContext, state: EmulatorState, route: RouteRequest) => listDirectory(ctx, state, route, groupsCollection);

/** `GET /users/{id | userPrincipalName}`. */
export async function getUser(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  await authenticateFor(ctx, state, 'user');
  const query = parseDirectoryQuery(ctx, usersCollection, false);
  const key = route.params.userId ?? '';
  const user = state.directory.user(key);
  if (!user) throw directoryErrors.notFound(key);
  sendEntity(ctx, route, pick(userJson(user), query.select ?? usersCollection.defaultProperties), query.select);
}

export async function getGroup(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  await authenticateFor(ctx, state, 'group');
  const query = parseDirectoryQuery(ctx, groupsCollection, false);
  const key = route.params.groupId ?? '';
  const group = state.directory.group(key);
  if (!group) throw directoryErrors.notFound(key);
  sendEntity(ctx, route, pick(groupJson(group), query.select ?? groupsCollection.defaultProperties), query.select);
}
