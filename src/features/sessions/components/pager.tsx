import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { formatNumber } from '../../../components/format';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalS,
  },
  buttons: { display: 'flex', gap: tokens.spacingHorizontalS },
});

interface PagerProps {
  /** Names the navigation landmark, e.g. "Upload sessions pages". */
  label: string;
  /** Zero-based index of the first row shown. */
  offset: number;
  shown: number;
  /** Graph's `@odata.count`; without it, Next relies on `hasNext`. */
  total: number | undefined;
  hasNext?: boolean;
  /** "sessions", "files". */
  noun: string;
  onPrevious: () => void;
  onNext: () => void;
}

/** "Showing 101–200 of 2,431 files" with Previous and Next. */
export function Pager({ label, offset, shown, total, hasNext, noun, onPrevious, onNext }: PagerProps) {
  const styles = useStyles();
  const first = shown > 0 ? offset + 1 : 0;
  const last = offset + shown;
  return (
    <nav className={styles.root} aria-label={label}>
      <Text aria-live="polite">
        Showing {formatNumber(first)}–{formatNumber(last)}
        {total !== undefined && ` of ${formatNumber(total)}`} {noun}
      </Text>
      <span className={styles.buttons}>
        <Button icon={<ChevronLeftRegular />} onClick={onPrevious} disabled={offset === 0}>
          Previous
        </Button>
        <Button icon={<ChevronRightRegular />} iconPosition="after" onClick={onNext} disabled={total !== undefined ? last >= total : !hasNext}>
          Next
        </Button>
      </span>
    </nav>
  );
}
