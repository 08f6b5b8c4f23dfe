import { isGuid } from '../../../graph/object-id';

/**
 * The hook where people are turned into Entra object ids, between mapping a row and checking it. The pipeline calls
 * `prime` with the principal values of each batch of rows (about 1 MiB of the export) before it maps them, so a
 * resolver can look them up in bulk (Graph `$batch`, the next issue), then `resolve` for each row, synchronously.
 * Only targets whose principal column must be an object id use it (the legacy beta layout takes UPNs as they are).
 */
export interface PrincipalResolver {
  prime?: (values: string[]) => Promise<void>;
  /** The object id for the value, or why its row is left out. */
  resolve: (value: string) => { id: string } | { leftOut: string };
}

const looksLikeEmail = /^[^\s@]+@[^\s@]+$/;

/** Until people lookup exists: object ids pass, an email leaves its row out saying why, anything else goes to the row check. */
export const withoutPeopleLookup: PrincipalResolver = {
  resolve(value) {
    const trimmed = value.trim();
    if (!isGuid(trimmed) && looksLikeEmail.test(trimmed)) {
      return { leftOut: `The principal '${trimmed}' is an email address; people lookup is not available yet, so map a column of Entra object ids.` };
    }
    return { id: value };
  },
};
