import { ProgressBar, makeStyles, mergeClasses, type ProgressBarProps } from '@fluentui/react-components';

/** Below this share, as in Fluent's own bar, a bar does not ease: a reset to zero (Retry) jumps back. */
const easesFrom = 0.01;

const useStyles = makeStyles({
  // Fluent eases the bar's width, which lays the page out in every frame while a bar moves; a scaled full-width bar
  // eases on the compositor instead, with the same look (bench/README.md, issue 15).
  bar: { transformOrigin: 'left' },
  eases: {
    transitionProperty: 'transform',
    transitionDuration: '0.3s',
    transitionTimingFunction: 'ease',
    '@media (prefers-reduced-motion: reduce)': { transitionProperty: 'none' },
  },
});

/** Fluent's determinate ProgressBar (its roles, values, colours and field wiring), moved by a transform. */
export function UploadProgressBar(props: ProgressBarProps) {
  const styles = useStyles();
  const { value } = props;
  if (value === undefined) return <ProgressBar {...props} />;
  const share = Math.min(1, Math.max(0, value));
  return (
    <ProgressBar
      {...props}
      bar={{
        className: mergeClasses(styles.bar, share > easesFrom && styles.eases),
        style: { width: '100%', transform: `scaleX(${share})` },
      }}
    />
  );
}
