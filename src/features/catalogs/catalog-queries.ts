import { useQuery } from '@tanstack/react-query';
import { catalogListQueryOptions, catalogQueryOptions } from '../../graph/catalogs';
import { useGraphClient } from '../../graph/graph-client-context';
import { customDataResourcesQueryOptions, resourceCountQueryOptions, type ResourceIds } from '../../graph/resources';
import { uploadSessionsOverviewQueryOptions, type SessionsOverview } from '../../graph/upload-sessions';

/** The catalogs pages' reads: the Graph modules' queries as they are (the route loaders start the same ones). */
export const useCatalogs = () => useQuery(catalogListQueryOptions(useGraphClient()));

export const useCatalog = (catalogId: string) => useQuery(catalogQueryOptions(useGraphClient(), catalogId));

export const useCustomDataResources = (catalogId: string) => useQuery(customDataResourcesQueryOptions(useGraphClient(), catalogId));

export const useCatalogResourceCount = (catalogId: string) => useQuery(resourceCountQueryOptions(useGraphClient(), catalogId));

const summaryOf = (overview: SessionsOverview) => overview.summary;

/** A resource's sessions counted by status: read from the sessions overview the readiness section shares. */
export const useUploadSessionSummary = (ids: ResourceIds) =>
  useQuery({ ...uploadSessionsOverviewQueryOptions(useGraphClient(), ids), select: summaryOf });
