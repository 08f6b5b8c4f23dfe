import { getRouteApi } from '@tanstack/react-router';
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
  return (
    // One upload queue per session: a new session id starts a new one.
    <UploadSessionProvider key={params.sessionId} ids={params}>
      <SessionPage
        {...params}
        search={search}
        onSearchChange={(next) => void navigate({ search: next })}
        renderActions={(session) => (
          <>
            <EvidenceMenu ids={params} />
            <SessionActions
              session={session}
              onDeleted={() => navigate({ to: '/catalogs/$catalogId/resources/$resourceId', params })}
            />
          </>
        )}
        renderUploadPanel={(session, { gone }) => (
          <>
            {!gone && <UploadWindowNotice session={session} />}
            <UploadPanel session={session} />
          </>
        )}
      />
    </UploadSessionProvider>
  );
}
