import { Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';

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

const pageHeadingId = 'page-heading';

/** The element that had the focus last: tells "the focus was lost" apart from "nothing was focused yet". */
let lastFocused: Element | null = null;
let trackingFocus = false;

function trackFocus() {
  if (trackingFocus) return;
  trackingFocus = true;
  document.addEventListener('focusin', (event) => {
    lastFocused = event.target instanceof Element ? event.target : null;
  });
}

/** The focus fell back to <body> because the element that had it was removed (the page or a control went away). */
function focusWasLost() {
  const active = document.activeElement;
  return (active === null || active === document.body) && lastFocused !== null && !lastFocused.isConnected;
}

/**
 * Puts a lost focus on the page's heading, which screen readers then read out, rather than leaving keyboard users on
 * <body>. Does nothing when something has the focus, or when nothing had it yet (a page just loaded).
 */
export function rescueFocusToPageHeading() {
  if (focusWasLost()) document.getElementById(pageHeadingId)?.focus();
}

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
