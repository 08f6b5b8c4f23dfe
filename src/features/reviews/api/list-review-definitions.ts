import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { coversCatalog, listReviewDefinitionsQueryOptions } from '../../../graph/access-reviews';
import { useGraphClient } from '../../../graph/graph-client-context';
import type { ReviewDefinition } from '../../../graph/schemas';

/** The access reviews that cover a catalog, by name. */
export function useCatalogReviewDefinitions(catalogId: string, enabled = true) {
  const select = useCallback(
    (definitions: ReviewDefinition[]) =>
      definitions
        .filter((definition) => coversCatalog(definition, catalogId))
        .sort((a, b) => (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id)),
    [catalogId],
  );
  return useQuery({ ...listReviewDefinitionsQueryOptions(useGraphClient()), enabled, select });
}
