import { useQueries, useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useSignedInObjectId } from '../../auth/use-account-id';
import { useCatalogAccess } from '../../components/use-catalog-access';
import { useNow } from '../../components/use-now';
import { coversCatalog, reviewDefinitionsQueryOptions, reviewInstancesQueryOptions } from '../../graph/access-reviews';
import { catalogListQueryOptions } from '../../graph/catalogs';
import { useGraphClient } from '../../graph/graph-client-context';
import { GraphError } from '../../graph/graph-error';
import { customDataResourcesQueryOptions } from '../../graph/resources';
import { catalogRoleQueryOptions } from '../../graph/role-assignments';
import type { Catalog } from '../../graph/schemas';
import { uploadSessionsOverviewQueryOptions, type SessionsOverview } from '../../graph/upload-sessions';
import { ownerActionsOf, uploadableCatalogs, type CreateAccess, type RoleAnswer } from '../../graph/catalog-roles';
import { phaseOf, readinessRows, refreshIntervalMs, type ReadinessRow } from './readiness';

const sessionsOf = (overview: SessionsOverview) => overview.sessions;
const isThrottled = (error: unknown) => error instanceof GraphError && error.status === 429;

export interface Readiness {
  rows: ReadinessRow[];
  now: number;
  /** The definitions or an instance list are still on their way. */
  isPending: boolean;
  /** The first failure, to show with its code and request id. */
  error: unknown;
  isFetching: boolean;
  refresh: () => void;
}

/**
 * The readiness of the given catalogs' review instances, kept current while the page is open: the same queries as
 * the other pages (definitions, each covering review's instances, each catalog's custom data resources, each
 * resource's sessions overview), asked again every 15 s while a window is open and every minute otherwise, never in
 * a hidden tab, and every 5 minutes after Graph answered 429. `sessionsFor: 'open'` reads resources and sessions
 * only for catalogs with an open window (the home page); `'all'` for every catalog given (the catalog page).
 */
export function useReadiness(catalogIds: string[] | undefined, sessionsFor: 'all' | 'open'): Readiness {
  const client = useGraphClient();
  const now = useNow(15_000);
  const anyOpen = useRef(false);
  const live = {
    refetchInterval: (query: { state: { error: unknown } }) => refreshIntervalMs({ anyOpen: anyOpen.current, throttled: isThrottled(query.state.error) }),
    refetchIntervalInBackground: false,
  };

  const definitions = useQuery({ ...reviewDefinitionsQueryOptions(client), ...live, enabled: catalogIds !== undefined });
  const covering = useMemo(
    () =>
      (catalogIds ?? []).flatMap((catalogId) =>
        (definitions.data ?? [])
          .filter((definition) => coversCatalog(definition, catalogId))
          .sort((a, b) => (a.displayName ?? a.id).localeCompare(b.displayName ?? b.id))
          .map((definition) => ({ catalogId, definition })),
      ),
    [catalogIds, definitions.data],
  );
  const instances = useQueries({ queries: covering.map(({ definition }) => ({ ...reviewInstancesQueryOptions(client, definition.id), ...live })) });

  const withOpenWindow = new Set(
    covering.filter((_, index) => instances[index]?.data?.some((instance) => phaseOf(instance, now).kind === 'open')).map((c) => c.catalogId),
  );
  const resourceCatalogs = (catalogIds ?? []).filter((catalogId) => sessionsFor === 'all' || withOpenWindow.has(catalogId));
  const resources = useQueries({ queries: resourceCatalogs.map((catalogId) => customDataResourcesQueryOptions(client, catalogId)) });
  const pairs = resourceCatalogs.flatMap((catalogId, index) => (resources[index]?.data ?? []).map((resource) => ({ catalogId, resource })));
  const sessions = useQueries({
    queries: pairs.map(({ catalogId, resource }) => ({
      ...uploadSessionsOverviewQueryOptions(client, { catalogId, resourceId: resource.id }),
      ...live,
      select: sessionsOf,
    })),
  });

  const rows = (catalogIds ?? []).flatMap((catalogId) =>
    readinessRows(
      {
        catalogId,
        reviews: covering.flatMap((c, index) => (c.catalogId === catalogId ? [{ definition: c.definition, instances: instances[index]?.data }] : [])),
        resources: pairs.flatMap((p, index) => (p.catalogId === catalogId ? [{ resource: p.resource, sessions: sessions[index]?.data, failed: sessions[index]?.isError }] : [])),
      },
      now,
    ),
  );
  const open = rows.some((row) => row.phase.kind === 'open');
  useEffect(() => {
    anyOpen.current = open;
  }, [open]);

  const all = [definitions, ...instances, ...resources, ...sessions];
  const refresh = () => all.forEach((query) => void query.refetch());
  return {
    rows,
    now,
    isPending: catalogIds === undefined || definitions.isPending || instances.some((query) => query.isPending),
    error: all.find((query) => query.isError)?.error,
    isFetching: all.some((query) => query.isFetching),
    refresh,
  };
}

const roleAnswer = (query: { status: RoleAnswer['status']; data?: RoleAnswer['data'] }): RoleAnswer => ({ status: query.status, data: query.data });

/**
 * The catalogs the signed-in person may upload to, for the home page's open windows: every catalog they hold a role
 * on, less those where they are only a catalog reader. `ids` is undefined while the list or the roles load; the role
 * requests of all catalogs go out together, in one $batch per 20.
 */
export function useCatalogsForReadiness() {
  const client = useGraphClient();
  const principalId = useSignedInObjectId();
  const catalogs = useQuery(catalogListQueryOptions(client));
  const allIds = useMemo(() => catalogs.data?.map((catalog) => catalog.id), [catalogs.data]);
  const roles = useQueries({
    queries: (principalId ? (allIds ?? []) : []).map((catalogId) => catalogRoleQueryOptions(client, { principalId: principalId ?? '', catalogId })),
  });
  const kept = uploadableCatalogs(allIds, principalId ? roles.map(roleAnswer) : undefined);
  // A new array each render would start the readiness queries' memos again: the same ids give the same array.
  const keptKey = kept?.join('\n');
  const ids = useMemo(() => (keptKey === undefined ? undefined : keptKey.split('\n').filter(Boolean)), [keptKey]);
  const names = useMemo(() => new Map((catalogs.data ?? []).map((catalog: Catalog) => [catalog.id, catalog.displayName ?? catalog.id])), [catalogs.data]);
  return { catalogs, ids, names };
}

/** Whether the catalog page may offer "Create session": not to a catalog reader (docs/graph-contract.md §9.3). */
export const useCreateAccess = (catalogId: string): CreateAccess => ownerActionsOf(useCatalogAccess(catalogId));
