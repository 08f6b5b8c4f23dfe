import type { EmulatorState } from '../emulator-state';
import { readJsonBody } from '../http/body';
import type { RequestContext } from '../http/context';
import { sendGraph } from '../http/context';
import { parseQueryOptions } from '../odata/query-options';
import { authenticate } from './auth';
import { directoryErrors, mayRead, pick } from './directory-query';
import type { DirectoryKind } from './directory-query';
import type { RouteRequest } from './router';
import { groupJson, groupsCollection, userJson, usersCollection } from './users';

/** `POST /directoryObjects/getByIds` (docs/graph-contract.md §9.1): the objects that exist, up to 1,000 ids a call. */
export const maxGetByIdsIds = 1000;

/** Directory object types Graph accepts in `types`; the emulated tenant holds only users and groups. */
const knownTypes = ['user', 'group', 'device', 'application', 'serviceprincipal', 'orgcontact', 'directoryrole', 'administrativeunit'];

type Json = Record<string, unknown>;
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface GetByIdsBody {
  ids: string[];
  types: string[] | undefined;
}

function parseBody(body: unknown): GetByIdsBody {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw directoryErrors.badRequest('The body must be a JSON object with "ids".');
  const { ids, types, ...rest } = body as Record<string, unknown>;
  const extra = Object.keys(rest)[0];
  if (extra !== undefined) throw directoryErrors.badRequest(`Property '${extra.slice(0, 100)}' does not exist on getByIds.`);
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw directoryErrors.badRequest('"ids" must be an array of strings.');
  if (ids.length > maxGetByIdsIds) {
    throw directoryErrors.badRequest(`Too many ids in the request: ${ids.length}. Max allowed: ${maxGetByIdsIds}.`);
  }
  const invalid = ids.find((id) => !guid.test(id));
  if (invalid !== undefined) throw directoryErrors.badRequest(`Invalid object identifier '${invalid.slice(0, 100)}'.`);
  if (types !== undefined && (!Array.isArray(types) || !types.every((t) => typeof t === 'string'))) {
    throw directoryErrors.badRequest('"types" must be an array of strings.');
  }
  return { ids, types };
}

/** `user`, `microsoft.graph.user` or `#microsoft.graph.user`, any case. */
const typeName = (type: string) => type.toLowerCase().replace(/^#?microsoft\.graph\./, '');

/** Which kinds to return: the named ones (each needs its scope), or, without `types`, every kind the token may read. */
function wantedKinds(types: string[] | undefined, may: (kind: DirectoryKind) => boolean): Set<DirectoryKind> {
  if (types === undefined || types.length === 0) {
    const kinds = new Set((['user', 'group'] as const).filter(may));
    if (kinds.size === 0) throw directoryErrors.denied();
    return kinds;
  }
  const kinds = new Set<DirectoryKind>();
  for (const type of types) {
    const name = typeName(type);
    if (!knownTypes.includes(name)) throw directoryErrors.badRequest(`Invalid type '${type.slice(0, 100)}' in "types".`);
    if (name === 'user' || name === 'group') {
      if (!may(name)) throw directoryErrors.denied();
      kinds.add(name);
    }
  }
  return kinds;
}

export async function getByIds(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await authenticate(ctx, state);
  const select = [...new Set([...usersCollection.properties, ...groupsCollection.properties])];
  const query = parseQueryOptions(ctx.rawQuery, { target: 'directoryObjects', select });
  const { ids, types } = parseBody(await readJsonBody(ctx));
  const kinds = wantedKinds(types, (kind) => mayRead(principal, kind));
  const value: Json[] = [];
  for (const id of new Set(ids.map((i) => i.toLowerCase()))) {
    // A GUID is never a UPN (they hold an '@'), so user() finds by id here.
    const user = kinds.has('user') ? state.directory.user(id) : undefined;
    if (user) {
      value.push(pick({ '@odata.type': '#microsoft.graph.user', ...userJson(user) }, query.select ?? usersCollection.defaultProperties));
      continue;
    }
    const group = kinds.has('group') ? state.directory.group(id) : undefined;
    if (group) value.push(pick({ '@odata.type': '#microsoft.graph.group', ...groupJson(group) }, query.select ?? groupsCollection.defaultProperties));
  }
  sendGraph(ctx, 200, { '@odata.context': `${ctx.origin}/${route.version}/$metadata#directoryObjects`, value });
}
