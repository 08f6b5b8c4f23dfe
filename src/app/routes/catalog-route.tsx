import { getRouteApi } from '@tanstack/react-router';
import { CatalogPage } from '../../features/catalogs/components/catalog-page';

const route = getRouteApi('/catalogs/$catalogId');

export function CatalogRoute() {
  const { catalogId } = route.useParams();
  return <CatalogPage catalogId={catalogId} />;
}
