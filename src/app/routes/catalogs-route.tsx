import { getRouteApi } from '@tanstack/react-router';
import { CatalogsPage } from '../../features/catalogs/components/catalogs-page';
import { OpenWindows } from '../../features/readiness/components/open-windows';

const route = getRouteApi('/');

/** The catalogs, led by the readiness feature's open upload windows across them. */
export function CatalogsRoute() {
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <CatalogsPage
      search={search}
      onSearchChange={(next) => void navigate({ search: next, replace: true })}
      readiness={
        <OpenWindows
          showUpcoming={search.upcoming}
          onShowUpcomingChange={(upcoming) => void navigate({ search: { ...search, upcoming }, replace: true })}
        />
      }
    />
  );
}
