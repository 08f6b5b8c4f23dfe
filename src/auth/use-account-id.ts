import { useMsal } from '@azure/msal-react';

/** A stable id of the signed-in account, for remembering per-person preferences (never a token). */
export function useAccountId(): string | undefined {
  const { instance } = useMsal();
  return instance.getActiveAccount()?.homeAccountId;
}

/** The signed-in person's Entra object id, for asking Graph about their own assignments (never a token). */
export function useSignedInObjectId(): string | undefined {
  const { instance } = useMsal();
  const account = instance.getActiveAccount();
  const oid = account?.idTokenClaims?.oid;
  return account?.localAccountId || (typeof oid === 'string' ? oid : undefined);
}
