import type { Query, QueryKey } from '@tanstack/react-query';

/**
 * `placeholderData` that keeps the previous rows on screen while another filter, sort or page of the same
 * list loads (no flash), but never shows one resource's or session's rows under another's heading.
 */
export function keepPreviousWithin(prefix: QueryKey) {
  return <T, K extends QueryKey>(previous: T | undefined, previousQuery: Query<T, Error, T, K> | undefined): T | undefined => {
    const key = previousQuery?.queryKey;
    const same = key !== undefined && prefix.every((part, index) => key[index] === part);
    return same ? previous : undefined;
  };
}
