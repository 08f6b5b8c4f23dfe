import type { CsvFormat } from '../csv/csv-formats';
import type { ColumnMapping, ColumnRule } from './transforms';

/**
 * A first mapping from the export's own column names, so a typical export needs few clicks: names are compared
 * normalised (case, spaces and punctuation ignored), then against the synonyms below, then by a synonym they
 * contain ("Badge holder object id" holds "objectid"). The owner sees and can change every choice.
 */

/** What a target column means, whatever the layout calls it. */
type Concept =
  | 'principal'
  | 'principalType'
  | 'permissionId'
  | 'permissionName'
  | 'permissionDescription'
  | 'permissionType'
  | 'scopeId'
  | 'scopeName'
  | 'scopeDescription'
  | 'scopeType'
  | 'ownerUsers'
  | 'ownerGroups'
  | 'customData';

/** Normalised synonyms, the layouts' own names first. The principal takes emails too: the next step resolves them. */
export const synonyms: Record<Concept, string[]> = {
  principal: [
    'principalid', 'principalaadid', 'principal', 'objectid', 'userobjectid', 'entraobjectid', 'aadobjectid', 'entraid', 'userid',
    'email', 'emailaddress', 'mail', 'upn', 'userprincipalname', 'user', 'username', 'login', 'account', 'member', 'holder',
  ],
  principalType: ['principaltype', 'usertype', 'accounttype'],
  permissionId: ['permissionid', 'roleid', 'groupid', 'entitlementid', 'accesslevelid', 'doorgroupid', 'rightid'],
  permissionName: [
    'permissionname', 'permission', 'group', 'groupname', 'role', 'rolename', 'doorgroup', 'accessgroup', 'accesslevel',
    'entitlement', 'entitlementname', 'right', 'access',
  ],
  permissionDescription: ['permissiondescription', 'description', 'roledescription', 'groupdescription', 'details'],
  permissionType: ['permissiontype', 'type', 'accesstype', 'roletype', 'grouptype', 'kind'],
  scopeId: ['scopeid', 'resourceid', 'siteid', 'locationid', 'applicationid', 'appid', 'systemid', 'buildingid'],
  scopeName: [
    'scopedisplayname', 'scopename', 'resourcename', 'scope', 'site', 'sitename', 'location', 'locationname', 'building',
    'campus', 'application', 'app', 'system',
  ],
  scopeDescription: ['resourcedescription', 'scopedescription', 'sitedescription'],
  scopeType: ['resourcetype', 'scopetype', 'sitetype'],
  ownerUsers: ['entitlementownersusers', 'resourceowners', 'owners', 'owner', 'ownerids', 'approvers', 'approver'],
  ownerGroups: ['entitlementownersgroups', 'ownergroups', 'ownergroup'],
  customData: ['customdata', 'notes', 'note', 'comment', 'comments', 'remarks'],
};

/** Each layout column's concept (docs/graph-contract.md §5.3). */
const conceptOf: Record<string, Concept> = {
  principalid: 'principal',
  principalaadid: 'principal',
  principaltype: 'principalType',
  permissionid: 'permissionId',
  permissionname: 'permissionName',
  permissiondescription: 'permissionDescription',
  permissiontype: 'permissionType',
  scopeid: 'scopeId',
  resourceid: 'scopeId',
  scopedisplayname: 'scopeName',
  resourcename: 'scopeName',
  resourcedescription: 'scopeDescription',
  resourcetype: 'scopeType',
  entitlementownersusers: 'ownerUsers',
  resourceowners: 'ownerUsers',
  entitlementownersgroups: 'ownerGroups',
  customdata: 'customData',
};

export const normaliseName = (name: string) => name.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');

/** How well a source name fits a concept: 3 the same name, 2 a synonym, 1+ a synonym inside it (longer is better). */
function fit(source: string, target: string, concept: Concept | undefined): number {
  if (source === '') return 0;
  if (source === target) return 3;
  const words = concept ? synonyms[concept] : [];
  if (words.includes(source)) return 2;
  let best = 0;
  for (const word of words) if (word.length >= 4 && source.includes(word)) best = Math.max(best, 1 + word.length / 100);
  return best;
}

/** The target column's concept (undefined for a column no synonym covers). */
export const targetConcept = (columnName: string): Concept | undefined => conceptOf[normaliseName(columnName)];

/**
 * Rules for every column of `format` from the source header: best fits first, each source column used once.
 * Principal types are constants (each layout has its own value); missing ids are derived from the matched name;
 * owner lists are rewritten into the target's form.
 */
export function autoMatch(sourceHeader: readonly string[], format: CsvFormat): ColumnMapping {
  const sources = sourceHeader.map((name, index) => ({ name, index, key: normaliseName(name) }));
  const candidates: { target: string; source: string; score: number; order: number }[] = [];
  format.columns.forEach((column, order) => {
    const concept = targetConcept(column.name);
    if (concept === 'principalType' && format.principalTypes.length > 0) return;
    for (const source of sources) {
      const score = fit(source.key, normaliseName(column.name), concept);
      if (score > 0) candidates.push({ target: column.name, source: source.name, score, order });
    }
  });
  candidates.sort((a, b) => b.score - a.score || a.order - b.order);
  const chosen = new Map<string, string>();
  const used = new Set<string>();
  for (const candidate of candidates) {
    if (chosen.has(candidate.target) || used.has(candidate.source)) continue;
    chosen.set(candidate.target, candidate.source);
    used.add(candidate.source);
  }

  const sourceOf = (concept: Concept) => {
    const column = format.columns.find((c) => targetConcept(c.name) === concept);
    return column && chosen.get(column.name);
  };
  const rules: Record<string, ColumnRule> = {};
  for (const column of format.columns) {
    const concept = targetConcept(column.name);
    const source = chosen.get(column.name);
    if (concept === 'principalType' && format.principalTypes[0]) {
      rules[column.name] = { kind: 'constant', value: format.principalTypes[0] };
    } else if (source && (column.kind === 'guidList' || column.kind === 'jsonOwnerList')) {
      rules[column.name] = { kind: 'ownerList', source };
    } else if (source) {
      rules[column.name] = { kind: 'column', source, transform: 'trim' };
    } else if (concept === 'permissionId' && sourceOf('permissionName')) {
      rules[column.name] = { kind: 'derive', source: sourceOf('permissionName')! };
    } else if (concept === 'scopeId' && sourceOf('scopeName')) {
      rules[column.name] = { kind: 'derive', source: sourceOf('scopeName')! };
    } else {
      rules[column.name] = { kind: 'empty' };
    }
  }
  return { rules };
}
