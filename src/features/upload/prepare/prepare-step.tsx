import { Body1, Button, Caption1, Field, MessageBar, MessageBarActions, MessageBarBody, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { formatBytes, formatNumber } from '../../../components/format';
import { downloadFile } from './download-file';
import type { PrepareOutcome } from './prepare-messages';

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

interface PrepareStepProps {
  file: File;
  /** Bytes read so far while preparing; undefined when not preparing. */
  progress?: number;
  failure?: string;
  outcome?: PrepareOutcome;
  neutraliseFormulas: boolean;
  /** Prepares again with a ' in front of cells that start like a formula. */
  onNeutraliseAndRetry: () => void;
}

/** The last step of the prepare flow: progress, then the prepared files and the rows left out, or why it failed. */
export function PrepareStep({ file, progress, failure, outcome, neutraliseFormulas, onNeutraliseAndRetry }: PrepareStepProps) {
  return (
    <>
      {progress !== undefined && (
        <Field label={`Preparing ${file.name}`} validationMessage={`${Math.round((progress / Math.max(file.size, 1)) * 100)}% read`} validationState="none">
          <ProgressBar value={file.size > 0 ? progress / file.size : undefined} />
        </Field>
      )}
      {failure && (
        <MessageBar intent="error">
          <MessageBarBody>The file could not be prepared: {failure}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && <OutcomeView outcome={outcome} />}
      {outcome && outcome.summary.formulaCells > 0 && neutraliseFormulas && (
        <Caption1>{cellsCount(outcome.summary.formulaCells)} that started like a spreadsheet formula got a &apos; in front.</Caption1>
      )}
      {outcome && outcome.summary.formulaCells > 0 && !neutraliseFormulas && progress === undefined && (
        <MessageBar intent="warning">
          <MessageBarBody>
            {cellsCount(outcome.summary.formulaCells)} started like a spreadsheet formula (=, +, -, @, a tab or a carriage return) and{' '}
            {outcome.summary.formulaCells === 1 ? 'was' : 'were'} written as {outcome.summary.formulaCells === 1 ? 'it is' : 'they are'}: Excel runs
            such a cell when the data is opened there.
          </MessageBarBody>
          <MessageBarActions>
            <Button
              onClick={onNeutraliseAndRetry}
            >
              Put a &apos; in front of them and prepare again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {!outcome && progress === undefined && !failure && <Body1>Ready to prepare {file.name}.</Body1>}
    </>
  );
}

const cellsCount = (count: number) => `${formatNumber(count)} ${count === 1 ? 'cell' : 'cells'}`;

export function describeOutcome({ summary, files }: PrepareOutcome): string {
  const rows = `${formatNumber(summary.rowsWritten)} ${summary.rowsWritten === 1 ? 'row' : 'rows'}`;
  const parts = files.length === 1 ? '1 file' : `${files.length} files`;
  const left = summary.leftOutCount > 0 ? ` ${formatNumber(summary.leftOutCount)} left out.` : ' No row left out.';
  return `Prepared ${rows} in ${parts}, added to the checked files.${left}`;
}

function OutcomeView({ outcome }: { outcome: PrepareOutcome }) {
  const styles = useStyles();
  const { summary, files, report } = outcome;
  return (
    <>
      <MessageBar intent={summary.leftOutCount > 0 ? 'warning' : 'success'}>
        <MessageBarBody>{describeOutcome(outcome)}</MessageBarBody>
      </MessageBar>
      <ul className={styles.list} aria-label="Prepared files">
        {files.map((part) => (
          <li key={part.name}>
            <Button appearance="transparent" icon={<ArrowDownloadRegular />} onClick={() => downloadFile(part)}>
              Download {part.name} ({formatBytes(part.size)})
            </Button>
          </li>
        ))}
      </ul>
      {summary.leftOutCount > 0 && (
        <>
          <Body1>Rows left out, and why:</Body1>
          <ul className={styles.list} aria-label="Rows left out">
            {summary.leftOut.slice(0, 5).map((row) => (
              <li key={row.line}>
                <Caption1>
                  Line {row.line}: {row.reason}
                </Caption1>
              </li>
            ))}
          </ul>
          {summary.leftOutCount > 5 && <Caption1>{formatNumber(summary.leftOutCount - 5)} more in the report.</Caption1>}
          {report && (
            <div>
              <Button icon={<ArrowDownloadRegular />} onClick={() => downloadFile(report)}>
                Download the rows left out ({formatNumber(summary.leftOutCount)})
              </Button>
            </div>
          )}
        </>
      )}
    </>
  );
}
