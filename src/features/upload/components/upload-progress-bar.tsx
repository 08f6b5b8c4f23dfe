import { ProgressBar, makeStyles, type ProgressBarProps } from '@fluentui/react-components';

const useStyles = makeStyles({
  // Fluent eases the bar's width over 0.3 s: with progress published four times a second, some bar was always moving,
  // and the page was laid out and painted in every frame while files were sent. Eased on the compositor (a transform)
  // it still cost about 20 main-thread frames a second; without easing, a bar moves when its progress is published
  // (bench/README.md, issue 15).
  still: { transitionProperty: 'none' },
});

/** Fluent's ProgressBar (its roles, values, colours and field wiring), without the width transition. */
export function UploadProgressBar(props: ProgressBarProps) {
  const styles = useStyles();
  return <ProgressBar {...props} bar={{ className: styles.still }} />;
}
