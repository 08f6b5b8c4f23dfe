import { describe, expect, it } from 'vitest';
import { csvFormats } from '../csv/csv-formats';
import { PermissionIdDeriver } from './derive-permission-id';
import { applyTransform, compileMapping, formatOwners, joinValues, MappingError, ownerEntries, partOf, type ColumnRule } from './transforms';

describe('transforms', () => {
  it('trims and changes case', () => {
    expect(applyTransform('  Lobby ', 'trim')).toBe('Lobby');
    expect(applyTransform('  Lobby ', 'none')).toBe('  Lobby ');
    expect(applyTransform('Zürich', 'upper')).toBe('ZÜRICH');
    expect(applyTransform('MEGAN@Contoso.com', 'lower')).toBe('megan@contoso.com');
  });

  it('joins two values, leaving out the separator when one is empty', () => {
    expect(joinValues('Zürich', 'Lobby', ' / ')).toBe('Zürich / Lobby');
    expect(joinValues('', 'Lobby', ' / ')).toBe('Lobby');
    expect(joinValues('Zürich', '', ' / ')).toBe('Zürich');
  });

  it('takes the part before or after the first separator, or the whole value without one', () => {
    expect(partOf('CONTOSO\\megan\\x', '\\', 'after')).toBe('megan\\x');
    expect(partOf('megan@contoso.com', '@', 'before')).toBe('megan');
    expect(partOf('megan', '@', 'before')).toBe('megan');
    expect(partOf('megan', '@', 'after')).toBe('megan');
  });

  it('reads owner lists in any form and writes the target form', () => {
    expect(ownerEntries('a, b;c')).toEqual(['a', 'b', 'c']);
    expect(ownerEntries('["a@x.com", "b"]')).toEqual(['a@x.com', 'b']);
    expect(ownerEntries('  ')).toEqual([]);
    expect(formatOwners(['a', 'b'], 'guidList')).toBe('a,b');
    expect(formatOwners(['a', 'b'], 'jsonOwnerList')).toBe('["a","b"]');
    expect(formatOwners([], 'jsonOwnerList')).toBe('');
  });
});

describe('compileMapping', () => {
  const header = ['First', 'Last', 'Login', 'Door', 'Owners'];
  const rules: Record<string, ColumnRule> = {
    principalId: { kind: 'after', source: 'Login', separator: '\\', transform: 'lower' },
    principalType: { kind: 'constant', value: 'user' },
    permissionId: { kind: 'derive', source: 'Door' },
    permissionName: { kind: 'column', source: 'Door', transform: 'trim' },
    permissionDescription: { kind: 'join', sources: ['First', 'Last'], separator: ' ', transform: 'upper' },
  };

  it('maps a row by names, in the target order; unmapped columns are empty', async () => {
    const compiled = compileMapping({ rules }, header, csvFormats.graphV1);
    expect(compiled.header).toEqual(['principalId', 'principalType', 'permissionId', 'permissionName', 'permissionDescription', 'permissionType']);
    expect(compiled.deriveSources).toEqual([3]);
    const deriver = new PermissionIdDeriver();
    await deriver.prime(['Main entrance']);
    expect(compiled.mapRow(['Megan', 'Bowen', 'CONTOSO\\MEGAN', ' Main entrance ', ''], deriver)).toEqual([
      'megan',
      'user',
      '4b2b39f1-71e9-5036-aebb-be8ee6eed4cd',
      'Main entrance',
      'MEGAN BOWEN',
      '',
    ]);
  });

  it('rewrites owner lists for the legacy layout', () => {
    const compiled = compileMapping({ rules: { ResourceOwners: { kind: 'ownerList', source: 'Owners' } } }, header, csvFormats.legacyBeta);
    expect(compiled.mapRow(['', '', '', '', 'a@x.com; b@x.com'], new PermissionIdDeriver()).at(-1)).toBe('["a@x.com","b@x.com"]');
  });

  it('says which source column is missing', () => {
    expect(() => compileMapping({ rules: { principalId: { kind: 'column', source: 'Email', transform: 'none' } } }, header, csvFormats.graphV1)).toThrow(
      new MappingError("The file has no column 'Email'."),
    );
  });
});
