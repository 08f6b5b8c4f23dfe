import { Button, Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { EmptyState } from '../../../components/empty-state';
import { ErrorMessage } from '../../../components/error-message';
import { formatNumber } from '../../../components/format';
import { LoadingRows } from '../../../components/loading-rows';
import type { UseQueryResult } from '@tanstack/react-query';
import type { FilesQuery, SessionFilesView } from '../../../graph/session-files';
import { activeFilterCount } from '../files-query';
import type { SessionSearch } from '../session-search';
import { FilesFilters, noFileFilters, type FileFilters } from './files-filters';
import { FilesTable } from './files-table';
import { Pager } from './pager';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  summary: { display: 'block', marginBottom: tokens.spacingVerticalS },
});

/** Rows per page: enough to scan, few enough that a 2,000-file session renders at once. */
const filesPageSize = 100;

interface SessionFilesProps {
  /** The page's one files request for this view. */
  files: UseQueryResult<SessionFilesView>;
  query: FilesQuery;
  search: SessionSearch;
  onSearchChange: (next: SessionSearch) => void;
  /** How many files the session holds, from its stats, to say how many of them match. */
  totalFiles?: number;
}

/** The "Files" section: filters and sort go to Graph; the matching files are paged here. */
export function SessionFiles({ files, query, search, onSearchChange, totalFiles }: SessionFilesProps) {
  const styles = useStyles();
  const filterCount = activeFilterCount(query);
  const applyFilters = (filters: FileFilters) => onSearchChange({ ...search, ...filters, page: 1 });

  const matching = files.data?.files ?? [];
  const lastPage = Math.max(1, Math.ceil(matching.length / filesPageSize));
  // A bookmark past the end (fewer files now) shows the last page rather than nothing.
  const page = Math.min(search.page, lastPage);
  const offset = (page - 1) * filesPageSize;
  const rows = matching.slice(offset, offset + filesPageSize);

  return (
    <section aria-labelledby="files-heading">
      <div className={styles.heading}>
        <h2 id="files-heading">Files</h2>
        {files.isFetching && !files.isPending && <Spinner size="tiny" label="Updating…" />}
      </div>
      {/* Remounted only when the filters in force change (not the sort), so unapplied input survives a sort. */}
      <FilesFilters
        key={JSON.stringify([query.name, query.size, query.uploaded])}
        search={search}
        filtered={filterCount > 0}
        onApply={applyFilters}
      />
      {files.isPending && <LoadingRows label="Loading files" rows={6} />}
      {files.isError && (
        <ErrorMessage title="The files could not be loaded" error={files.error} onRetry={() => void files.refetch()} />
      )}
      {files.isSuccess && (
        <Text className={styles.summary} aria-live="polite">
          {filterCount > 0
            ? `${formatNumber(matching.length)} ${matching.length === 1 ? 'file matches' : 'files match'} the filters` +
              (totalFiles !== undefined ? ` (of ${formatNumber(totalFiles)} in the session)` : '')
            : `${formatNumber(matching.length)} ${matching.length === 1 ? 'file' : 'files'} in the session`}
        </Text>
      )}
      {files.isSuccess && matching.length === 0 && (
        <EmptyState title={filterCount > 0 ? 'No files match these filters' : 'No files uploaded yet'}>
          {filterCount > 0 ? (
            <>
              Loosen or clear the filters to see more files.{' '}
              <Button onClick={() => applyFilters(noFileFilters)}>Clear filters</Button>
            </>
          ) : (
            'Files appear here once CSV files are uploaded to this session.'
          )}
        </EmptyState>
      )}
      {files.isSuccess && matching.length > 0 && (
        <>
          <FilesTable
            files={rows}
            sort={query.sort}
            onSortChange={(sort) => onSearchChange({ ...search, sort: sort.key, dir: sort.direction, page: 1 })}
            updating={files.isPlaceholderData}
          />
          <Pager
            label="Files pages"
            noun="files"
            offset={offset}
            shown={rows.length}
            total={matching.length}
            onPrevious={() => onSearchChange({ ...search, page: Math.max(1, page - 1) })}
            onNext={() => onSearchChange({ ...search, page: page + 1 })}
          />
        </>
      )}
    </section>
  );
}
