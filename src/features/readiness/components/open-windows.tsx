import { Button, Switch, Text } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { usePageTitle } from '../../../components/use-page-title';
import { needsData, sectionsOf } from '../readiness';
import { useCatalogsForReadiness, useReadiness } from '../readiness-queries';
import { useNotificationChoice, useReadinessNotifications } from '../use-readiness-notifications';
import { useReadinessStyles } from './catalog-readiness';
import { NotificationSwitch } from './notification-switch';
import { ReadinessCard } from './readiness-card';

interface OpenWindowsProps {
  showUpcoming: boolean;
  onShowUpcomingChange: (show: boolean) => void;
}

/**
 * The home page's "Open upload windows": across every catalog the signed-in person can upload to (a role on it,
 * and not only catalog reader), the open windows, least time left first, with the resources whose data is missing.
 */
export function OpenWindows({ showUpcoming, onShowUpcomingChange }: OpenWindowsProps) {
  const styles = useReadinessStyles();
  const { catalogs, ids, names } = useCatalogsForReadiness();
  const readiness = useReadiness(ids, 'open');
  const sections = sectionsOf(readiness.rows, 'none');
  const waiting = sections.open.filter(needsData);
  const notifications = useNotificationChoice();
  usePageTitle('Catalogs', waiting.length);
  useReadinessNotifications(readiness.rows, !readiness.isPending, notifications.enabled, names);

  // The catalogs list shows its own loading and error states below.
  if (catalogs.isError || (catalogs.isSuccess && catalogs.data.length === 0)) return null;

  return (
    <section className={styles.section} aria-labelledby="open-windows-heading">
      <h2 id="open-windows-heading" className={styles.heading}>
        Open upload windows
      </h2>
      <div className={styles.toolbar}>
        <Switch label="Show upcoming" checked={showUpcoming} onChange={(_, data) => onShowUpcomingChange(data.checked)} />
        <Button icon={<ArrowClockwiseRegular />} onClick={readiness.refresh} disabled={readiness.isFetching}>
          Refresh windows
        </Button>
      </div>
      <NotificationSwitch {...notifications} onChange={(on) => void notifications.choose(on)} />
      {readiness.error !== undefined && (
        <ErrorMessage title="The access reviews could not all be loaded" error={readiness.error} onRetry={readiness.refresh} />
      )}
      {readiness.isPending && readiness.error === undefined && <LoadingRows label="Loading upload windows" rows={2} />}
      {!readiness.isPending && (
        <>
          {waiting.length === 0 ? (
            <EmptyState title="Nothing needs your data now">
              No upload window is open for a review of your catalogs, or every open one has its data. A window opens for
              two hours when a review instance starts.
            </EmptyState>
          ) : (
            <>
              <Text role="status">
                {waiting.length === 1 ? '1 open upload window needs data.' : `${waiting.length} open upload windows need data.`}
              </Text>
              <div className={styles.cards} aria-label="Open upload windows, least time left first" role="list">
                {waiting.map((row) => (
                  <div role="listitem" key={row.instance.id}>
                    <ReadinessCard row={row} now={readiness.now} catalogName={names.get(row.catalogId)} headingLevel="h3" onlyMissing />
                  </div>
                ))}
              </div>
            </>
          )}
          {showUpcoming && (
            <div className={styles.group}>
              <h3 className={styles.subheading}>Upcoming</h3>
              {sections.upcoming.length === 0 ? (
                <Text className={styles.muted}>No review instance is scheduled.</Text>
              ) : (
                <div className={styles.cards}>
                  {sections.upcoming.map((row) => (
                    <ReadinessCard key={row.instance.id} row={row} now={readiness.now} catalogName={names.get(row.catalogId)} headingLevel="h4" hideResources />
                  ))}
                </div>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
