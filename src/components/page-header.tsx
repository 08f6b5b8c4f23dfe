import { Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { pageHeadingId, rescueFocusToPageHeading, trackFocus } from './focus-rescue';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginBottom: tokens.spacingVerticalL,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function PageHeader({ title, actions }: { title: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  useEffect(() => {
    trackFocus();
    // A page reached by a link or a dialog's button (both gone now) starts at its heading.
    rescueFocusToPageHeading();
  }, []);
  return (
    <div className={styles.root}>
      <Title2 as="h1" id={pageHeadingId} tabIndex={-1}>
        {title}
      </Title2>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
