import { getRouteApi } from '@tanstack/react-router';
import { useCatalogAccess } from '../../components/use-catalog-access';
import { ownerActionsOf } from '../../graph/catalog-roles';
import { NewSessionButton } from '../../features/reviews/components/new-session-button';
import { ResourcePage } from '../../features/sessions/components/resource-page';

const route = getRouteApi('/catalogs/$catalogId/resources/$resourceId');

/**
 * The resource's sessions, with the reviews feature's "New upload session" in the header; `?create=…&createReview=…`
 * (the catalog page's "Create session") opens it with that review instance chosen.
 */
export function ResourceRoute() {
  const params = route.useParams();
  const { create, createReview, ...search } = route.useSearch();
  const navigate = route.useNavigate();
  const access = useCatalogAccess(params.catalogId);
  return (
    <ResourcePage
      {...params}
      access={access}
      search={search}
      onSearchChange={(next) => void navigate({ search: next })}
      actions={
        <NewSessionButton
          {...params}
          access={ownerActionsOf(access)}
          requested={create ? { definitionId: createReview, instanceId: create } : undefined}
          onDismissRequest={() => void navigate({ search, replace: true })}
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
