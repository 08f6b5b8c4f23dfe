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
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  titleRow: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, minWidth: 0 },
});

/** The page's heading (where focus lands), a badge beside it (the person's role), and the page's actions. */
export function PageHeader({ title, badge, actions }: { title: ReactNode; badge?: ReactNode; actions?: ReactNode }) {
  const styles = useStyles();
  useEffect(() => {
    trackFocus();
    // A page reached by a link or a dialog's button (both gone now) starts at its heading.
    rescueFocusToPageHeading();
  }, []);
  return (
    <div className={styles.root}>
      <div className={styles.titleRow}>
        <Title2 as="h1" id={pageHeadingId} tabIndex={-1}>
          {title}
        </Title2>
        {badge}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
