import { Body1, Caption1, makeStyles, mergeClasses, tokens, useId } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useDropzone } from 'react-dropzone';
import { formatBytes } from '../../../components/format';
import { maxCsvFileBytes } from '../csv/csv-file-checks';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    cursor: 'pointer',
    ':hover': { border: `2px dashed ${tokens.colorBrandStroke1}` },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  active: { border: `2px dashed ${tokens.colorBrandStroke1}`, backgroundColor: tokens.colorBrandBackground2 },
  icon: { fontSize: '32px', color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column' },
});

/**
 * "Drop CSV files here, or browse": drag and drop, click, or Enter/Space on the focused area open the file picker.
 * Every file is passed on, whatever its type: the checks say what is wrong with it, which beats a silent refusal.
 */
export function CsvDropzone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const styles = useStyles();
  const hintId = useId('dropzone-hint');
  const { getRootProps, getInputProps, isDragActive } = useDropzone({
    onDrop: (accepted, rejected) => onFiles([...accepted, ...rejected.map((rejection) => rejection.file)]),
    // The picker offers CSV files first; the drop still takes anything so that it can be explained.
    accept: { 'text/csv': ['.csv'] },
  });
  // The hidden input sits beside the drop area, not inside it: a control nested in a button confuses screen readers.
  return (
    <>
      <input {...getInputProps({ 'aria-label': 'CSV files to upload' })} />
      <div
        {...getRootProps({
          className: mergeClasses(styles.root, isDragActive && styles.active),
          role: 'button',
          'aria-label': 'Drop CSV files here, or browse',
          'aria-describedby': hintId,
        })}
      >
        <DocumentArrowUpRegular className={styles.icon} aria-hidden />
        <span className={styles.text}>
          <Body1>{isDragActive ? 'Drop the files to check them' : 'Drop CSV files here, or browse'}</Body1>
          <Caption1 id={hintId}>
            Files are checked on this computer before anything is sent. Up to {formatBytes(maxCsvFileBytes)} per file.
          </Caption1>
        </span>
      </div>
    </>
  );
}
