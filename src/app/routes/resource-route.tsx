import { getRouteApi } from '@tanstack/react-router';
import { NewSessionButton } from '../../features/reviews/components/new-session-button';
import { ResourcePage } from '../../features/sessions/components/resource-page';

const route = getRouteApi('/catalogs/$catalogId/resources/$resourceId');

/** The resource's sessions, with the reviews feature's "New upload session" in the header. */
export function ResourceRoute() {
  const params = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  return (
    <ResourcePage
      {...params}
      search={search}
      onSearchChange={(next) => void navigate({ search: next })}
      actions={
        <NewSessionButton
          {...params}
          onOpenSession={({ session }) =>
            void navigate({
              to: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId',
              params: { ...params, sessionId: session.id },
            })
          }
        />
      }
    />
  );
}
