import { queryOptions } from '@tanstack/react-query';
import type { GraphClient } from './graph-client';
import { queryKeys } from './query-keys';
import { reviewDefinitionSchema, reviewInstanceSchema, type ReviewDefinition } from './schemas';

/**
 * Access review definitions and instances: read by two features (naming review instances in the sessions
 * tables, picking one for a new session) under one cache entry each, so fetched here once, as Graph sends them.
 * Each feature's hook shapes the data with `select`.
 */

/** GET /identityGovernance/accessReviews/definitions, every page. Graph cannot filter on the scope. */
export async function listReviewDefinitions(client: GraphClient, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewDefinitions(), reviewDefinitionSchema, { signal });
  return page.items;
}

export const listReviewDefinitionsQueryOptions = (client: GraphClient) =>
  queryOptions({
    queryKey: queryKeys.reviewDefinitions(),
    queryFn: ({ signal }) => listReviewDefinitions(client, signal),
  });

/** GET /identityGovernance/accessReviews/definitions/{id}/instances, every page. */
export async function listReviewInstances(client: GraphClient, definitionId: string, signal?: AbortSignal) {
  const page = await client.listAll(client.paths.reviewInstances(definitionId), reviewInstanceSchema, { signal });
  return page.items;
}

export const listReviewInstancesQueryOptions = (client: GraphClient, definitionId: string) =>
  queryOptions({
    queryKey: queryKeys.reviewInstances(definitionId),
    queryFn: ({ signal }) => listReviewInstances(client, definitionId, signal),
  });

/** Catalog reviews name the catalog itself in their resource scopes (graph-api.md §3.4). */
export const coversCatalog = (definition: ReviewDefinition, catalogId: string) =>
  definition.scope?.resourceScopes?.some((scope) => scope.resourceId === catalogId) ?? false;
