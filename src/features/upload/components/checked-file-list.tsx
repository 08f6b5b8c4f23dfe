import { Body1Strong, Button, Caption1, Link, Spinner, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DismissRegular, ErrorCircleFilled, TableEditRegular, WarningFilled } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { rescueFocus } from '../../../components/focus-rescue';
import { formatBytes, formatNumber } from '../../../components/format';
import { useFocusAfterRemoval } from '../../../components/use-focus-after-removal';
import { describeVerdict, issueLocation, type CsvIssue } from '../csv/validation-result';
import type { CheckedFile } from '../use-checked-files';
import { DisplayName } from '../../../components/display-name';
import { escapeBidi } from '../../../components/bidi';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
    padding: tokens.spacingVerticalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: { fontSize: '20px', marginTop: '2px' },
  valid: { color: tokens.colorPaletteGreenForeground1 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1 },
  invalid: { color: tokens.colorPaletteRedForeground1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  issues: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

const removeButtonSelector = 'button[aria-label^="Remove "]';

/** How many issues a file shows before "Show all". */
const shownIssues = 5;

function VerdictIcon({ entry }: { entry: CheckedFile }) {
  const styles = useStyles();
  if (entry.state === 'checking') return <Spinner size="extra-tiny" className={styles.icon} aria-hidden />;
  const verdict = entry.result?.verdict;
  if (verdict === 'valid') return <CheckmarkCircleFilled className={mergeClasses(styles.icon, styles.valid)} aria-hidden />;
  if (verdict === 'warnings') return <WarningFilled className={mergeClasses(styles.icon, styles.warning)} aria-hidden />;
  return <ErrorCircleFilled className={mergeClasses(styles.icon, styles.invalid)} aria-hidden />;
}

function IssueList({ issues, total }: { issues: CsvIssue[]; total: number }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  // "Show more" goes away once used: the first issue it showed takes the focus.
  useEffect(() => {
    if (all) rescueFocus(listRef.current?.children[shownIssues] as HTMLElement | undefined);
  }, [all]);
  const visible = all ? issues : issues.slice(0, shownIssues);
  return (
    <>
      <ul className={styles.issues} ref={listRef}>
        {visible.map((issue, index) => (
          <li key={index} tabIndex={-1}>
            <Caption1>
              {issue.severity === 'error' ? 'Error' : 'Warning'}
              {issueLocation(issue) && <>, {issueLocation(issue)}</>}: {issue.message}
            </Caption1>
          </li>
        ))}
      </ul>
      {total > visible.length && (
        <Caption1>
          {issues.length > visible.length ? (
            <Link as="button" onClick={() => setAll(true)}>
              Show {issues.length - visible.length} more
            </Link>
          ) : (
            `${formatNumber(total - visible.length)} more not listed.`
          )}
        </Caption1>
      )}
    </>
  );
}

interface CheckedFileRowProps {
  entry: CheckedFile;
  /** Why this file is not sent with the others (the same file is already queued or uploaded). */
  blocked?: string;
  onRemove: () => void;
  onPrepare?: () => void;
}

function CheckedFileRow({ entry, blocked, onRemove, onPrepare }: CheckedFileRowProps) {
  const styles = useStyles();
  const { file, result } = entry;
  const percent = file.size > 0 ? Math.round((entry.bytesRead / file.size) * 100) : 0;
  return (
    <li className={styles.item} aria-label={escapeBidi(file.name)}>
      <VerdictIcon entry={entry} />
      <div className={styles.body}>
        <Body1Strong>
          <DisplayName name={file.name} />
        </Body1Strong>
        <Caption1>{formatBytes(file.size)}</Caption1>
        {entry.state === 'checking' && <Text>Checking… {percent > 0 && `${percent}%`}</Text>}
        {entry.state === 'failed' && <Text className={styles.invalid}>Could not be checked: {entry.failure}</Text>}
        {blocked && <Text weight="semibold">Not sent again: {blocked}</Text>}
        {result && (
          <>
            <Text weight="semibold">
              {describeVerdict(result)}
              {result.verdict !== 'valid' && result.rowCount > 0 && ` in ${formatNumber(result.rowCount)} rows`}
              {result.verdict === 'invalid' && '. Fix the file before it can be uploaded.'}
            </Text>
            {result.issues.length > 0 && <IssueList issues={result.issues} total={result.errorCount + result.warningCount} />}
            {result.verdict === 'invalid' && onPrepare && (
              <div>
                {/* Another layout, delimiter or encoding, or rows to leave out: the prepare flow turns it into a valid file. */}
                <Button size="small" icon={<TableEditRegular />} onClick={onPrepare}>
                  Prepare this file
                </Button>
              </div>
            )}
          </>
        )}
      </div>
      <Button appearance="subtle" icon={<DismissRegular />} aria-label={`Remove ${escapeBidi(file.name)}`} onClick={onRemove} />
    </li>
  );
}

interface CheckedFileListProps {
  files: CheckedFile[];
  /** Checked file id → why it is not sent with the others. */
  blocked?: ReadonlyMap<number, string>;
  onRemove: (id: number) => void;
  /** Offered beside the errors of an invalid file. */
  onPrepare?: (entry: CheckedFile) => void;
}

/** The files chosen so far, each with the result of its checks. */
export function CheckedFileList({ files, blocked, onRemove, onPrepare }: CheckedFileListProps) {
  const styles = useStyles();
  const { listRef, removing } = useFocusAfterRemoval<HTMLUListElement>(files.length, removeButtonSelector);
  if (files.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Checked files" ref={listRef}>
      {files.map((entry, index) => (
        <CheckedFileRow
          key={entry.id}
          entry={entry}
          blocked={blocked?.get(entry.id)}
          onRemove={() => {
            removing(index);
            onRemove(entry.id);
          }}
          onPrepare={onPrepare && (() => onPrepare(entry))}
        />
      ))}
    </ul>
  );
}
