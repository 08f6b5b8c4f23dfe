import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { formatDateTime } from '../../../components/format';
import { sessionPageSizes, sessionStatusFilters, type ResourceSearch, type SessionStatusFilter } from '../resource-search';
import type { ReviewInstanceName } from '../review-instance-names';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL, marginBottom: tokens.spacingVerticalM },
  // Never wider than the screen: a long review name is cut in the closed select, whole in its options.
  review: { minWidth: 'min(280px, 100%)', maxWidth: '100%', '& select': { width: '100%', textOverflow: 'ellipsis' } },
});

const statusLabels: Record<SessionStatusFilter, string> = {
  all: 'All statuses',
  active: 'Active',
  complete: 'Complete',
  expired: 'Expired',
  other: 'Other (not active, complete or expired)',
};

interface SessionsToolbarProps {
  search: ResourceSearch;
  reviewNames: Map<string, ReviewInstanceName>;
  onSearchChange: (next: ResourceSearch) => void;
}

function reviewOptions(reviewNames: Map<string, ReviewInstanceName>, selected: string | undefined) {
  const options = [...reviewNames.values()]
    .sort((a, b) => a.reviewName.localeCompare(b.reviewName) || (b.startDateTime ?? '').localeCompare(a.startDateTime ?? ''))
    .map((name) => ({
      value: name.instanceId,
      label: name.startDateTime ? `${name.reviewName} · ${formatDateTime(name.startDateTime)}` : name.reviewName,
    }));
  // A bookmarked instance the console cannot name still shows, as its id.
  if (selected && !reviewNames.has(selected)) options.unshift({ value: selected, label: selected });
  return options;
}

/** Filters (status, review instance) and page size; every change starts again at the first page. */
export function SessionsToolbar({ search, reviewNames, onSearchChange }: SessionsToolbarProps) {
  const styles = useStyles();
  return (
    <div className={styles.root} role="group" aria-label="Filter upload sessions">
      <Field label="Status">
        <Select
          value={search.status}
          onChange={(_, data) => onSearchChange({ ...search, status: data.value as SessionStatusFilter, page: 1 })}
        >
          {sessionStatusFilters.map((status) => (
            <option key={status} value={status}>
              {statusLabels[status]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Review instance" className={styles.review}>
        <Select
          value={search.review ?? ''}
          onChange={(_, data) => onSearchChange({ ...search, review: data.value || undefined, page: 1 })}
        >
          <option value="">All review instances</option>
          {reviewOptions(reviewNames, search.review).map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Rows per page">
        <Select
          value={String(search.pageSize)}
          onChange={(_, data) => onSearchChange({ ...search, pageSize: Number(data.value), page: 1 })}
        >
          {sessionPageSizes.map((size) => (
            <option key={size} value={size}>
              {size}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
