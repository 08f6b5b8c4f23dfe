import { Skeleton, SkeletonItem, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/** A placeholder shaped like the rows that are on their way. */
export function LoadingRows({ label, rows = 4 }: { label: string; rows?: number }) {
  const styles = useStyles();
  return (
    <Skeleton aria-label={label} aria-busy="true" className={styles.root}>
      {Array.from({ length: rows }, (_, index) => (
        <SkeletonItem key={index} size={24} />
      ))}
    </Skeleton>
  );
}
