import { Button, Field, Select, Switch, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useId, useMemo } from 'react';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { LoadingRows } from '../../../components/loading-rows';
import { usePageTitle } from '../../../components/use-page-title';
import { needsData, sectionsOf, type ReadinessRow } from '../readiness';
import type { CreateAccess } from '../../../graph/catalog-roles';
import { useCreateAccess, useReadiness } from '../readiness-queries';
import type { CatalogReadinessSearch } from '../readiness-search';
import { useNotificationChoice, useReadinessNotifications } from '../use-readiness-notifications';
import { NotificationSwitch } from './notification-switch';
import { ReadinessCard } from './readiness-card';

export const useReadinessStyles = makeStyles({
  section: { marginTop: tokens.spacingVerticalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase400 },
  cards: {
    display: 'grid',
    gap: tokens.spacingVerticalM,
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 340px), 1fr))',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

interface GroupProps {
  title: string;
  rows: ReadinessRow[];
  now: number;
  empty: string;
  createAccess: CreateAccess;
}

function Group({ title, rows, now, empty, createAccess }: GroupProps) {
  const styles = useReadinessStyles();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.subheading}>
        {title}
      </h3>
      {rows.length === 0 ? (
        <Text className={styles.muted}>{empty}</Text>
      ) : (
        <div className={styles.cards}>
          {rows.map((row) => (
            <ReadinessCard key={row.instance.id} row={row} now={now} headingLevel="h4" createAccess={createAccess} />
          ))}
        </div>
      )}
    </section>
  );
}

interface CatalogReadinessProps {
  catalogId: string;
  /** For the page title: "(2) Building Access — Catalog Upload Console". */
  catalogName?: string;
  search: CatalogReadinessSearch;
  onSearchChange: (next: CatalogReadinessSearch) => void;
}

/** "Reviews that need data": each covering review's open, upcoming and last closed instances, per resource. */
export function CatalogReadiness({ catalogId, catalogName, search, onSearchChange }: CatalogReadinessProps) {
  const styles = useReadinessStyles();
  const catalogIds = useMemo(() => [catalogId], [catalogId]);
  const readiness = useReadiness(catalogIds, 'all');
  const createAccess = useCreateAccess(catalogId);
  const sections = sectionsOf(readiness.rows, search.past);
  const waiting = sections.open.filter(needsData).length;
  const notifications = useNotificationChoice();
  usePageTitle(catalogName, waiting);
  useReadinessNotifications(readiness.rows, !readiness.isPending, notifications.enabled);

  return (
    <section className={styles.section} aria-labelledby="readiness-heading">
      <h2 id="readiness-heading" className={styles.heading}>
        Reviews that need data
      </h2>
      <div className={styles.toolbar}>
        <Switch label="Show upcoming" checked={search.upcoming} onChange={(_, data) => onSearchChange({ ...search, upcoming: data.checked })} />
        <Field label="Past instances">
          <Select value={search.past} onChange={(_, data) => onSearchChange({ ...search, past: data.value === 'all' || data.value === 'none' ? data.value : 'last' })}>
            <option value="last">The last of each review</option>
            <option value="all">All</option>
            <option value="none">None</option>
          </Select>
        </Field>
        <Button icon={<ArrowClockwiseRegular />} onClick={readiness.refresh} disabled={readiness.isFetching}>
          Refresh reviews
        </Button>
      </div>
      <NotificationSwitch {...notifications} onChange={(on) => void notifications.choose(on)} />
      {readiness.error !== undefined && (
        <ErrorMessage title="The access reviews could not all be loaded" error={readiness.error} onRetry={readiness.refresh} />
      )}
      {readiness.isPending && readiness.error === undefined && <LoadingRows label="Loading access reviews" rows={2} />}
      {!readiness.isPending && readiness.rows.length === 0 && readiness.error === undefined && (
        <EmptyState title="No access reviews cover this catalog">
          Create a catalog access review in the Microsoft Entra admin center (Identity Governance, Access reviews) that
          includes this catalog; its instances and their upload windows will show here.
        </EmptyState>
      )}
      {!readiness.isPending && readiness.rows.length > 0 && (
        <>
          <Text role="status">
            {waiting === 0
              ? 'No open upload window needs data.'
              : waiting === 1
                ? '1 open upload window needs data.'
                : `${waiting} open upload windows need data.`}
          </Text>
          <Group title="Open windows" rows={sections.open} now={readiness.now} empty="No upload window is open." createAccess={createAccess} />
          {search.upcoming && <Group title="Upcoming" rows={sections.upcoming} now={readiness.now} empty="No review instance is scheduled." createAccess={createAccess} />}
          {search.past !== 'none' && (
            <Group
              title={search.past === 'last' ? 'Recently closed' : 'Closed'}
              rows={sections.closed}
              now={readiness.now}
              empty="No upload window has closed yet."
              createAccess={createAccess}
            />
          )}
        </>
      )}
    </section>
  );
}
