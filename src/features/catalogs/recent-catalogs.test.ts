import { beforeEach, describe, expect, it } from 'vitest';
import { orderCatalogs, readRecentCatalogs, rememberCatalog } from './recent-catalogs';

describe('recent catalogs', () => {
  beforeEach(() => window.localStorage.clear());

  it('remembers per account, newest first, without duplicates', () => {
    rememberCatalog('megan', 'a');
    rememberCatalog('megan', 'b');
    rememberCatalog('megan', 'a');
    rememberCatalog('alex', 'c');
    expect(readRecentCatalogs('megan')).toEqual(['a', 'b']);
    expect(readRecentCatalogs('alex')).toEqual(['c']);
    expect(readRecentCatalogs(undefined)).toEqual([]);
  });

  it('ignores a damaged entry', () => {
    window.localStorage.setItem('catalog-upload-console:recent-catalogs:megan', '{broken');
    expect(readRecentCatalogs('megan')).toEqual([]);
  });

  it('orders recent catalogs first, then by name', () => {
    const catalogs = [
      { id: '1', displayName: 'Zeta' },
      { id: '2', displayName: 'Alpha' },
      { id: '3', displayName: 'Mid' },
    ];
    expect(orderCatalogs(catalogs, ['3']).map((c) => c.displayName)).toEqual(['Mid', 'Alpha', 'Zeta']);
  });
});
