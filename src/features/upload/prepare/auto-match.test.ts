import { describe, expect, it } from 'vitest';
import { csvFormats } from '../csv/csv-formats';
import { autoMatch, normaliseName } from './auto-match';

describe('autoMatch', () => {
  it('maps a badge export by synonyms: holder to principal, door group to permission, site to scope; ids derived', () => {
    const { rules } = autoMatch(['Badge holder object id', 'Door group', 'Site', 'Notes'], csvFormats.entra);
    expect(rules).toEqual({
      PrincipalId: { kind: 'column', source: 'Badge holder object id', transform: 'trim' },
      PrincipalType: { kind: 'constant', value: 'EntraIdUser' },
      PermissionId: { kind: 'derive', source: 'Door group' },
      PermissionName: { kind: 'column', source: 'Door group', transform: 'trim' },
      PermissionDescription: { kind: 'empty' },
      PermissionType: { kind: 'empty' },
      ScopeId: { kind: 'derive', source: 'Site' },
      ScopeDisplayName: { kind: 'column', source: 'Site', transform: 'trim' },
      EntitlementOwners_Users: { kind: 'empty' },
      EntitlementOwners_Groups: { kind: 'empty' },
      CustomData: { kind: 'column', source: 'Notes', transform: 'trim' },
    });
  });

  it.each(['Email', 'Mail', 'UPN', 'User', 'E-mail address', 'User Principal Name'])('takes %s as the principal', (name) => {
    expect(autoMatch([name, 'Role'], csvFormats.graphV1).rules.principalId).toEqual({ kind: 'column', source: name, transform: 'trim' });
  });

  it.each([
    ['Group', 'Location'],
    ['Role', 'Site'],
    ['Door Group', 'Building'],
  ])('takes %s as the permission name and %s as the scope', (permission, scope) => {
    const { rules } = autoMatch(['Mail', permission, scope], csvFormats.entra);
    expect(rules.PermissionName).toMatchObject({ source: permission });
    expect(rules.ScopeDisplayName).toMatchObject({ source: scope });
  });

  it('uses each source column once, the exact name first', () => {
    const { rules } = autoMatch(['Group', 'Group ID', 'Group name'], csvFormats.entra);
    expect(rules.PermissionId).toMatchObject({ kind: 'column', source: 'Group ID' });
    expect(rules.PermissionName).toMatchObject({ kind: 'column', source: 'Group' });
  });

  it('converts legacy beta to Entra: resource becomes scope, JSON owners become a comma list', () => {
    const legacy = csvFormats.legacyBeta.columns.map((c) => c.name);
    const { rules } = autoMatch(legacy, csvFormats.entra);
    expect(rules.PrincipalId).toMatchObject({ source: 'PrincipalAADId' });
    expect(rules.ScopeId).toMatchObject({ kind: 'column', source: 'ResourceId' });
    expect(rules.ScopeDisplayName).toMatchObject({ source: 'ResourceName' });
    expect(rules.EntitlementOwners_Users).toEqual({ kind: 'ownerList', source: 'ResourceOwners' });
    expect(rules.PrincipalType).toEqual({ kind: 'constant', value: 'EntraIdUser' });
  });

  it('converts Entra to Graph v1.0 and legacy beta, whatever the case of the names', () => {
    const entra = csvFormats.entra.columns.map((c) => c.name);
    const v1 = autoMatch(entra, csvFormats.graphV1).rules;
    expect(v1.principalType).toEqual({ kind: 'constant', value: 'user' });
    expect(v1.permissionDescription).toMatchObject({ source: 'PermissionDescription' });
    const legacy = autoMatch(entra, csvFormats.legacyBeta).rules;
    expect(legacy.ResourceId).toMatchObject({ source: 'ScopeId' });
    expect(legacy.ResourceOwners).toEqual({ kind: 'ownerList', source: 'EntitlementOwners_Users' });
    const back = autoMatch(csvFormats.graphV1.columns.map((c) => c.name), csvFormats.entra).rules;
    expect(back.PermissionId).toMatchObject({ kind: 'column', source: 'permissionId' });
  });

  it('normalises case, spaces, punctuation and accents', () => {
    expect(normaliseName(' Door-Group (Zürich) ')).toBe('doorgroupzurich');
  });
});
