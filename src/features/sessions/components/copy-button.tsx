import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  failed: { color: tokens.colorPaletteRedForeground1 },
  // The id may break anywhere (a GUID has no spaces); the button never leaves its side, even at 360 px.
  copyable: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, maxWidth: '100%' },
  id: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all', minWidth: 0 },
});

/** An id in monospace with its copy button beside it. */
export function CopyableId({ value, label }: { value: string; label: string }) {
  const styles = useStyles();
  return (
    <span className={styles.copyable}>
      <span className={styles.id}>{value}</span>
      <CopyButton value={value} label={label} />
    </span>
  );
}

/** Copies a value to the clipboard and says so next to the button (announced politely to screen readers). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');

  useEffect(() => {
    if (outcome !== 'copied') return;
    const timer = setTimeout(() => setOutcome('idle'), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome('copied');
    } catch {
      // No clipboard outside a secure context, or permission denied.
      setOutcome('failed');
    }
  };

  return (
    <span className={styles.root}>
      <Button
        size="small"
        appearance="subtle"
        icon={outcome === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label={label}
        title={label}
        onClick={() => void copy()}
      />
      <Text size={200} aria-live="polite" className={outcome === 'failed' ? styles.failed : undefined}>
        {outcome === 'copied' && 'Copied'}
        {outcome === 'failed' && 'Could not copy: select the ID and copy it'}
      </Text>
    </span>
  );
}
