import { describe, expect, it } from 'vitest';
import { createAccessOf, uploadableCatalogs, type RoleAnswer } from './catalog-roles';

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

describe('createAccessOf', () => {
  it('offers creating to owners, unknown roles and unreadable roles, not to readers', () => {
    expect([owner, unknown, failed, reader, pending, undefined].map(createAccessOf)).toEqual(['allowed', 'allowed', 'allowed', 'reader', 'checking', 'allowed']);
  });
});
