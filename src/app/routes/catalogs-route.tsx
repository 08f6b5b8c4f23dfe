import { getRouteApi } from '@tanstack/react-router';
import { CatalogsPage } from '../../features/catalogs/components/catalogs-page';

const route = getRouteApi('/');

export function CatalogsRoute() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return <CatalogsPage search={search} onSearchChange={(next) => void navigate({ search: next, replace: true })} />;
}
