import { useMemo } from 'react';
import { coversCatalog, instanceNumberOf } from '../../graph/access-reviews';
import type { ReviewDefinition, ReviewInstance } from '../../graph/schemas';
import { useInstancesOfDefinitions, useReviewDefinitions } from './session-queries';

export interface ReviewInstanceName {
  instanceId: string;
  definitionId: string;
  reviewName: string;
  startDateTime?: string;
  /** 1 for the review's first instance, counted by start: "Instance 2". */
  instanceNumber: number;
}

export function definitionsOfCatalog(definitions: ReviewDefinition[], catalogId: string): ReviewDefinition[] {
  return definitions.filter((definition) => coversCatalog(definition, catalogId));
}

export function nameReviewInstances(
  definitions: ReviewDefinition[],
  instancesByDefinition: Map<string, ReviewInstance[]>,
): Map<string, ReviewInstanceName> {
  const names = new Map<string, ReviewInstanceName>();
  for (const definition of definitions) {
    const instances = instancesByDefinition.get(definition.id) ?? [];
    for (const instance of instances) {
      names.set(instance.id, {
        instanceId: instance.id,
        definitionId: definition.id,
        reviewName: definition.displayName || definition.id,
        startDateTime: instance.startDateTime ?? undefined,
        instanceNumber: instanceNumberOf(instances, instance.id) ?? 0,
      });
    }
  }
  return names;
}

/**
 * Names for the review instances of a catalog's reviews. Best effort: while loading, or when Graph refuses,
 * the map is incomplete and the pages show the plain ids.
 */
export function useReviewInstanceNames(catalogId: string) {
  const definitions = useReviewDefinitions();
  const ofCatalog = useMemo(() => definitionsOfCatalog(definitions.data ?? [], catalogId), [definitions.data, catalogId]);
  const instances = useInstancesOfDefinitions(ofCatalog.map((definition) => definition.id));
  const names = useMemo(() => {
    const byDefinition = new Map<string, ReviewInstance[]>();
    ofCatalog.forEach((definition, index) => byDefinition.set(definition.id, instances.data[index] ?? []));
    return nameReviewInstances(ofCatalog, byDefinition);
  }, [ofCatalog, instances.data]);
  return { names };
}
