import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatNumber } from '../../../components/format';
import { sizeHistogram } from '../size-histogram';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: '560px' },
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  bar: { fill: tokens.colorBrandBackground },
  count: { fill: tokens.colorNeutralForeground1, fontSize: '11px' },
  label: { fill: tokens.colorNeutralForeground3, fontSize: '10px' },
  axis: { stroke: tokens.colorNeutralStroke1 },
});

const width = 560;
const plotHeight = 96;
const top = 16;
const bottom = 22;

/**
 * How big the session's files are, as an inline SVG bar chart. Screen readers get the same numbers as text
 * (the figure's accessible name), so the chart never carries information alone.
 */
export function FileSizeChart({ sizes, filtered }: { sizes: number[]; filtered: boolean }) {
  const styles = useStyles();
  const buckets = sizeHistogram(sizes);
  if (buckets.length === 0) return null;
  const max = Math.max(...buckets.map((bucket) => bucket.count));
  const slot = width / buckets.length;
  const barWidth = Math.min(64, slot * 0.7);
  const description = buckets.map((bucket) => `${bucket.label}: ${formatNumber(bucket.count)}`).join('; ');

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${top + plotHeight + bottom}`}
        role="img"
        aria-label={`File sizes of ${formatNumber(sizes.length)} files. ${description}.`}
      >
        {buckets.map((bucket, index) => {
          const height = max > 0 ? Math.max(bucket.count > 0 ? 2 : 0, (bucket.count / max) * plotHeight) : 0;
          const x = index * slot + (slot - barWidth) / 2;
          const centre = index * slot + slot / 2;
          return (
            <g key={bucket.label}>
              <rect className={styles.bar} x={x} y={top + plotHeight - height} width={barWidth} height={height} rx={2}>
                <title>{`${bucket.label}: ${formatNumber(bucket.count)} files`}</title>
              </rect>
              <text className={styles.count} x={centre} y={top + plotHeight - height - 4} textAnchor="middle">
                {formatNumber(bucket.count)}
              </text>
              <text className={styles.label} x={centre} y={top + plotHeight + 15} textAnchor="middle">
                {bucket.label}
              </text>
            </g>
          );
        })}
        <line className={styles.axis} x1={0} x2={width} y1={top + plotHeight} y2={top + plotHeight} />
      </svg>
      <figcaption>
        <Caption1>
          Files by size ({filtered ? `the ${formatNumber(sizes.length)} files that match the filters` : `all ${formatNumber(sizes.length)} files of the session`})
        </Caption1>
      </figcaption>
    </figure>
  );
}
