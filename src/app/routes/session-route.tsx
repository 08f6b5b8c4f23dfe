import { getRouteApi } from '@tanstack/react-router';
import { ReaderNotice } from '../../components/catalog-access';
import { useCatalogAccess } from '../../components/use-catalog-access';
import { ownerActionsOf } from '../../graph/catalog-roles';
import { isActiveSession } from '../../graph/session-status';
import { UploadWindowNotice } from '../../features/reviews/components/upload-window-notice';
import { SessionPage } from '../../features/sessions/components/session-page';
import { SessionActions } from '../../features/upload/components/session-actions';
import { EvidenceMenu } from '../../features/upload/evidence/evidence-menu';
import { UploadPanel } from '../../features/upload/components/upload-panel';
import { UploadSessionProvider } from '../../features/upload/components/upload-session-provider';

const route = getRouteApi('/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId');

/** One session: the sessions feature's page, with the upload feature's panel and actions composed in. */
export function SessionRoute() {
  const params = route.useParams();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const access = useCatalogAccess(params.catalogId);
  const actions = ownerActionsOf(access);
  return (
    // One upload queue per session: a new session id starts a new one.
    <UploadSessionProvider key={params.sessionId} ids={params}>
      <SessionPage
        {...params}
        search={search}
        onSearchChange={(next) => void navigate({ search: next })}
        access={access}
        renderActions={(session) => (
          <>
            <EvidenceMenu ids={params} />
            <SessionActions
              session={session}
              access={actions}
              onDeleted={() => navigate({ to: '/catalogs/$catalogId/resources/$resourceId', params })}
            />
          </>
        )}
        renderUploadPanel={(session, { gone }) => (
          <>
            {!gone && <UploadWindowNotice session={session} />}
            {/* Readers get no upload panel: every upload would end in a 403 (and a Retry that cannot succeed). */}
            {actions === 'checking' ? null : actions === 'reader' ? (
              isActiveSession(session) && (
                <ReaderNotice title="Catalog readers can't upload">
                  You can see this session and its files. Uploading, finalizing and deleting need the catalog owner
                  role: ask a catalog owner or an Identity Governance Administrator for it.
                </ReaderNotice>
              )
            ) : (
              <UploadPanel session={session} />
            )}
          </>
        )}
      />
    </UploadSessionProvider>
  );
}
