/**
 * How a directory value (UPN, mail, employee id, group name, object id) is compared: trimmed, without case, as
 * Graph's filters compare them (docs/graph-contract.md §9.1). Pure, so the preparation worker may use it too.
 */
export const directoryKey = (value: string) => value.trim().toLowerCase();
