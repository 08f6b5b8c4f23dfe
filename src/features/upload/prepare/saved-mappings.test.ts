import { beforeEach, describe, expect, it } from 'vitest';
import { fitsHeader, readSavedMapping, saveMapping, type SavedMapping } from './saved-mappings';

const saved: SavedMapping = {
  formatId: 'entra',
  encoding: 'utf-8',
  delimiter: ';',
  headerRow: 2,
  sourceColumns: ['Badge holder object id', 'Door group'],
  mapping: { rules: { PrincipalId: { kind: 'column', source: 'Badge holder object id', transform: 'trim' }, PermissionType: { kind: 'constant', value: 'Physical' } } },
  savedDateTime: '2026-11-20T07:00:00.000Z',
};

beforeEach(() => window.localStorage.clear());

describe('saved mappings', () => {
  it('are kept per resource, as column names and choices only', () => {
    saveMapping('res-1', saved);
    expect(readSavedMapping('res-1')).toEqual(saved);
    expect(readSavedMapping('res-2')).toBeUndefined();
    expect(JSON.parse(window.localStorage.getItem('catalog-upload-console:prepare-mapping:res-1') ?? 'null')).toEqual(saved);
  });

  it('ignore what another version or a hand edit left behind', () => {
    window.localStorage.setItem('catalog-upload-console:prepare-mapping:res-1', JSON.stringify({ ...saved, delimiter: '#' }));
    expect(readSavedMapping('res-1')).toBeUndefined();
    window.localStorage.setItem('catalog-upload-console:prepare-mapping:res-1', JSON.stringify({ ...saved, mapping: { rules: { PrincipalId: { kind: 'eval' } } } }));
    expect(readSavedMapping('res-1')).toBeUndefined();
    window.localStorage.setItem('catalog-upload-console:prepare-mapping:res-1', '{not json');
    expect(readSavedMapping('res-1')).toBeUndefined();
  });

  it('fit a file that has every column they use', () => {
    expect(fitsHeader(saved, ['Door group', 'Site', 'Badge holder object id'])).toBe(true);
    expect(fitsHeader(saved, ['Door group', 'Site'])).toBe(false);
  });
});
