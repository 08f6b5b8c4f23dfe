import { getRouteApi } from '@tanstack/react-router';
import { useCatalogAccess } from '../../components/use-catalog-access';
import { CatalogPage } from '../../features/catalogs/components/catalog-page';
import { CatalogReadiness } from '../../features/readiness/components/catalog-readiness';

const route = getRouteApi('/catalogs/$catalogId');

/** The catalog, with the readiness feature's "Reviews that need data" between its details and its resources. */
export function CatalogRoute() {
  const { catalogId } = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const access = useCatalogAccess(catalogId);
  return (
    <CatalogPage
      catalogId={catalogId}
      access={access}
      renderReadiness={(catalogName) => (
        <CatalogReadiness
          catalogId={catalogId}
          catalogName={catalogName}
          search={search}
          onSearchChange={(next) => void navigate({ search: next, replace: true })}
        />
      )}
    />
  );
}
