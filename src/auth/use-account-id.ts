import { useMsal } from '@azure/msal-react';

/** A stable id of the signed-in account, for remembering per-person preferences (never a token). */
export function useAccountId(): string | undefined {
  const { instance } = useMsal();
  return instance.getActiveAccount()?.homeAccountId;
}
