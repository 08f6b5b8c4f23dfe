import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import { reviewDefinitionSchema, reviewInstanceSchema, type ReviewDefinition, type ReviewInstance } from './schemas';

/**
 * Access review definitions and instances: read by two features (naming review instances in the sessions
 * tables, picking one for a new session) under one cache entry each, so fetched here once, as Graph sends them.
 * Each feature's hook shapes the data with `select`.
 */

/** GET /identityGovernance/accessReviews/definitions, every page (batchable: batch.ts). Graph cannot filter on the scope. */
export async function listReviewDefinitions(client: GraphClient, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewDefinitions(), reviewDefinitionSchema, { signal, batch: true });
  return page.items;
}

export const reviewDefinitionsQueryOptions = (client: GraphClient) =>
  queryOptions({
    queryKey: queryKeys.reviewDefinitions(),
    queryFn: ({ signal }) => listReviewDefinitions(client, signal),
    // Reviews are set up once and run for weeks.
    staleTime: 5 * 60_000,
  });

/** GET /identityGovernance/accessReviews/definitions/{id}/instances, every page; each definition's in one `$batch` (batch.ts). */
export async function listReviewInstances(client: GraphClient, definitionId: string, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewInstances(definitionId), reviewInstanceSchema, { signal, batch: true });
  return page.items;
}

export const reviewInstancesQueryOptions = (client: GraphClient, definitionId: string) =>
  queryOptions({
    queryKey: queryKeys.reviewInstances(definitionId),
    queryFn: ({ signal }) => listReviewInstances(client, definitionId, signal),
    // Statuses move on (NotStarted → Initializing → Active) within the two-hour window: a minute at most. Choosing an
    // instance for a new session refetches on top of this.
    staleTime: 60_000,
  });

const startOf = (instance: ReviewInstance) => Date.parse(instance.startDateTime ?? '') || 0;
/** Instances newest first, the order every view shows them in. */
export const newestInstancesFirst = (instances: ReviewInstance[]) => [...instances].sort((a, b) => startOf(b) - startOf(a));

/** "Instance 2": an instance's place among its review's instances, counted from the first by start (1-based). */
export const instanceNumberOf = (instances: ReviewInstance[], instanceId: string) =>
  newestInstancesFirst(instances).reverse().findIndex((instance) => instance.id === instanceId) + 1 || undefined;

/** Catalog reviews name the catalog itself in their resource scopes (docs/graph-contract.md §3.4). */
export const coversCatalog = (definition: ReviewDefinition, catalogId: string) =>
  definition.scope?.resourceScopes?.some((scope) => scope.resourceId === catalogId) ?? false;
