import { Body1, Caption1, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { formatBytes } from '../../../components/format';
import type { UnfinishedFiles } from '../journal/resume';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

/** What an earlier visit left unfinished: which files arrived after all, and which to choose again. */
export function UnfinishedFilesNotice({ unfinished, resumed }: { unfinished: UnfinishedFiles; resumed: ReadonlySet<string> }) {
  const styles = useStyles();
  if (unfinished.arrived.length === 0 && unfinished.missing.length === 0) return null;
  const waiting = unfinished.missing.filter((entry) => !resumed.has(entry.id));
  return (
    <MessageBar intent={waiting.length > 0 ? 'warning' : 'success'} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Unfinished from an earlier visit</MessageBarTitle>
        <Body1>
          {waiting.length > 0
            ? 'The upload was interrupted (the tab closed, or the page left). Choose the missing files again: each is checked against the one chosen before (name, size and SHA-256), and only the missing ones are sent.'
            : 'Every file of the interrupted upload is in the session or queued again.'}
        </Body1>
        <ul className={styles.list} aria-label="Unfinished files">
          {unfinished.arrived.map((entry) => (
            <li key={entry.id} aria-label={entry.name}>
              {entry.name} <Caption1>({formatBytes(entry.size)})</Caption1>: arrived, it is in the session.
            </li>
          ))}
          {unfinished.missing.map((entry) => (
            <li key={entry.id} aria-label={entry.name}>
              {entry.name} <Caption1>({formatBytes(entry.size)})</Caption1>:{' '}
              {resumed.has(entry.id) ? 'queued again.' : 'missing: choose this file again to finish it.'}
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
