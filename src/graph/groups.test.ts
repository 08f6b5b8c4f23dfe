import { describe, expect, it, vi } from 'vitest';
import { json } from '../test/graph-test-kit';
import { getDirectoryObjectsByIds } from './directory-objects';
import { createGraphClient } from './graph-client';
import { findGroupsBy } from './groups';

const groups = [
  { id: 'g-fac', displayName: 'Facilities Team', mail: 'facilities@contoso.example' },
  { id: 'g-1', displayName: 'Twins', mail: null },
  { id: 'g-2', displayName: 'Twins', mail: null },
];

/** A fake Graph: `$batch` of `GET /groups?$filter=<property> in (…)` answered from `groups`, getByIds from `objects`. */
function groupGraph(objects: { id: string; '@odata.type': string }[] = []) {
  const urls: string[] = [];
  const byIds: { types: string[] }[] = [];
  const answer = (requestUrl: string) => {
    const url = decodeURIComponent(requestUrl);
    urls.push(url);
    const [, property, list] = /\$filter=(\w+) in \((.*)\)/.exec(url)!;
    const values = [...list!.matchAll(/'((?:[^']|'')*)'/g)].map((match) => match[1]!.replaceAll("''", "'"));
    return groups.filter((group) => values.includes(String(group[property as 'mail'] ?? '').toLowerCase()));
  };
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input));
    // One filter alone goes as a plain GET, not in a $batch.
    if (url.pathname.endsWith('/groups')) return json({ value: answer(url.pathname.replace('/v1.0', '') + url.search) });
    const body = JSON.parse(String(init?.body)) as { requests?: { id: string; url: string }[]; ids?: string[]; types: string[] };
    if (url.pathname.endsWith('/directoryObjects/getByIds')) {
      byIds.push({ types: body.types });
      return json({ value: objects.filter((object) => body.ids!.includes(object.id) && body.types.some((type) => object['@odata.type'].endsWith(type))) });
    }
    return json({
      responses: body.requests!.map((request) => ({ id: request.id, status: 200, headers: { 'Content-Type': 'application/json' }, body: { value: answer(request.url) } })),
    });
  });
  const client = createGraphClient({ baseUrl: 'https://graph.test', apiVersion: 'v1.0', getAccessToken: async () => 't', fetch });
  return { client, urls, byIds };
}

describe('group lookups (docs/graph-contract.md §9.1)', () => {
  it('finds groups by display name in $batch, two groups with one name both, and by mail; asked once per sign-in', async () => {
    const { client, urls } = groupGraph();
    const byName = await findGroupsBy(client, 'displayName', ['Twins', 'facilities team', 'Nobody']);
    expect(urls).toEqual([expect.stringMatching(/^\/groups\?\$select=id,displayName,mail&\$filter=displayName in \('twins','facilities team','nobody'\)&\$top=999$/)]);
    expect(byName.get('twins')).toEqual({ found: [groups[1], groups[2]] });
    expect(byName.get('facilities team')).toEqual({ found: [groups[0]] });
    expect(byName.get('nobody')).toEqual({ found: [] });
    const byMail = await findGroupsBy(client, 'mail', ['Facilities@Contoso.example']);
    expect(byMail.get('facilities@contoso.example')).toEqual({ found: [groups[0]] });
    await findGroupsBy(client, 'displayName', ['TWINS']);
    expect(urls).toHaveLength(2);
  });

  it('keeps getByIds answers apart per types: a group id asked as a user is no answer for groups', async () => {
    const { client, byIds } = groupGraph([{ id: 'g-fac', '@odata.type': '#microsoft.graph.group' }]);
    expect((await getDirectoryObjectsByIds(client, ['g-fac'], ['user'])).get('g-fac')).toEqual({ object: null });
    expect((await getDirectoryObjectsByIds(client, ['g-fac'], ['user', 'group'])).get('g-fac')).toMatchObject({ object: { id: 'g-fac' } });
    await getDirectoryObjectsByIds(client, ['G-FAC'], ['group', 'user']);
    expect(byIds).toEqual([{ types: ['user'] }, { types: ['user', 'group'] }]);
  });
});
