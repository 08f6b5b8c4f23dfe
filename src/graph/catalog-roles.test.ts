import { describe, expect, it } from 'vitest';
import { catalogAccessOf, ownerActionsOf, uploadableCatalogs, type RoleAnswer } from './catalog-roles';

const owner: RoleAnswer = { status: 'success', data: 'owner' };
const reader: RoleAnswer = { status: 'success', data: 'reader' };
const unknown: RoleAnswer = { status: 'success', data: 'unknown' };
const failed: RoleAnswer = { status: 'error' };
const pending: RoleAnswer = { status: 'pending' };

describe('uploadableCatalogs', () => {
  it('keeps owners, unknown roles and roles that could not be read; drops readers', () => {
    expect(uploadableCatalogs(['own', 'read', 'unknown', 'failed'], [owner, reader, unknown, failed])).toEqual(['own', 'unknown', 'failed']);
  });

  it('is undefined while the catalogs or a role are still loading', () => {
    expect(uploadableCatalogs(undefined, [])).toBeUndefined();
    expect(uploadableCatalogs(['own', 'read'], [owner, pending])).toBeUndefined();
  });

  it('keeps every catalog when there is no one to ask about', () => {
    expect(uploadableCatalogs(['a', 'b'], undefined)).toEqual(['a', 'b']);
  });
});

describe('catalogAccessOf', () => {
  it('is the role once known, checking while it loads, unknown when it cannot be read or there is no one to ask about', () => {
    expect([owner, reader, unknown, failed, pending, undefined].map(catalogAccessOf)).toEqual(['owner', 'reader', 'unknown', 'unknown', 'checking', 'unknown']);
  });
});

describe('ownerActionsOf', () => {
  it('waits while checking and refuses only readers', () => {
    expect((['checking', 'owner', 'reader', 'unknown'] as const).map(ownerActionsOf)).toEqual(['checking', 'allowed', 'reader', 'allowed']);
  });
});
