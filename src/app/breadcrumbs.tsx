import { Breadcrumb, BreadcrumbButton, BreadcrumbDivider, BreadcrumbItem, makeStyles } from '@fluentui/react-components';
import { useParams, useRouter } from '@tanstack/react-router';
import { Fragment } from 'react';
import { useQuery } from '@tanstack/react-query';
import { catalogQueryOptions } from '../graph/catalogs';
import { useGraphClient } from '../graph/graph-client-context';
import { resourceQueryOptions } from '../graph/resources';
import { DisplayName } from '../components/display-name';

// On a phone the trail wraps onto a second line instead of widening the page.
const useStyles = makeStyles({ root: { '& ol': { flexWrap: 'wrap' } } });

interface Crumb {
  label: string;
  href: string;
}

function CatalogName({ catalogId }: { catalogId: string }) {
  return <DisplayName name={useQuery(catalogQueryOptions(useGraphClient(), catalogId)).data?.displayName ?? 'Catalog'} />;
}

function ResourceName({ catalogId, resourceId }: { catalogId: string; resourceId: string }) {
  return <DisplayName name={useQuery(resourceQueryOptions(useGraphClient(), { catalogId, resourceId })).data?.displayName ?? 'Resource'} />;
}

/** Catalogs › catalog › resource › session, from the address: names come from the cached queries. */
export function Breadcrumbs() {
  const styles = useStyles();
  const router = useRouter();
  const { catalogId, resourceId, sessionId } = useParams({ strict: false });
  const crumbs: (Crumb & { node: React.ReactNode })[] = [{ label: 'Catalogs', href: '/', node: 'Catalogs' }];
  if (catalogId) {
    const href = router.buildLocation({ to: '/catalogs/$catalogId', params: { catalogId } }).href;
    crumbs.push({ label: 'catalog', href, node: <CatalogName catalogId={catalogId} /> });
  }
  if (catalogId && resourceId) {
    const href = router.buildLocation({
      to: '/catalogs/$catalogId/resources/$resourceId',
      params: { catalogId, resourceId },
    }).href;
    crumbs.push({ label: 'resource', href, node: <ResourceName catalogId={catalogId} resourceId={resourceId} /> });
  }
  if (catalogId && resourceId && sessionId) {
    const href = router.buildLocation({
      to: '/catalogs/$catalogId/resources/$resourceId/sessions/$sessionId',
      params: { catalogId, resourceId, sessionId },
    }).href;
    crumbs.push({ label: 'session', href, node: 'Upload session' });
  }

  return (
    <Breadcrumb aria-label="Breadcrumb" className={styles.root}>
      {crumbs.map((crumb, index) => {
        const current = index === crumbs.length - 1;
        return (
          <Fragment key={crumb.label}>
            <BreadcrumbItem>
              <BreadcrumbButton
                as="a"
                href={crumb.href}
                current={current}
                onClick={(event) => {
                  event.preventDefault();
                  void router.navigate({ href: crumb.href });
                }}
              >
                {crumb.node}
              </BreadcrumbButton>
            </BreadcrumbItem>
            {!current && <BreadcrumbDivider />}
          </Fragment>
        );
      })}
    </Breadcrumb>
  );
}
