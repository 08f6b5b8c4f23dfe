import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { formatBytes, formatNumber } from '../../../components/format';
import { sizeHistogram } from '../size-histogram';

// The drawing's own units; the SVG scales down on a narrow screen and never grows past them.
const width = 400;
const left = 46;
const right = 8;
const top = 14;
const plotHeight = 72;
const bottom = 34;
const plotWidth = width - left - right;
const baseline = top + plotHeight;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, maxWidth: `${width}px` },
  svg: { width: '100%', height: 'auto', overflow: 'visible' },
  bar: { fill: tokens.colorBrandBackground },
  count: { fill: tokens.colorNeutralForeground1, fontSize: '11px' },
  tick: { fill: tokens.colorNeutralForeground3, fontSize: '10px' },
  title: { fill: tokens.colorNeutralForeground2, fontSize: '10px' },
  axis: { stroke: tokens.colorNeutralStroke1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeDasharray: '2 3' },
});

/** Counts for the vertical axis: 0, the largest, and the middle when it is a whole number. */
function countTicks(max: number) {
  if (max <= 1) return [0, max];
  return max % 2 === 0 ? [0, max / 2, max] : [0, max];
}

/**
 * How big the session's files are, as an inline SVG bar chart with both axes labelled: file counts up the side,
 * size boundaries along the bottom. Screen readers get the same numbers as text (the figure's accessible name),
 * so the chart never carries information alone.
 */
export function FileSizeChart({ sizes, filtered }: { sizes: number[]; filtered: boolean }) {
  const styles = useStyles();
  const buckets = sizeHistogram(sizes);
  if (buckets.length === 0) return null;
  const max = Math.max(...buckets.map((bucket) => bucket.count));
  const slot = plotWidth / buckets.length;
  const barWidth = Math.min(48, slot * 0.8);
  const y = (count: number) => baseline - (max > 0 ? (count / max) * plotHeight : 0);
  const description = buckets.map((bucket) => `${bucket.label}: ${formatNumber(bucket.count)}`).join('; ');
  const lastBucket = buckets[buckets.length - 1];

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${width} ${top + plotHeight + bottom}`}
        role="img"
        aria-label={`File sizes of ${formatNumber(sizes.length)} files. ${description}.`}
      >
        {countTicks(max).map((count) => (
          <g key={count}>
            {count > 0 && <line className={styles.grid} x1={left} x2={width - right} y1={y(count)} y2={y(count)} />}
            <text className={styles.tick} x={left - 6} y={y(count) + 3} textAnchor="end">
              {formatNumber(count)}
            </text>
          </g>
        ))}
        {buckets.map((bucket, index) => {
          const height = bucket.count > 0 ? Math.max(2, baseline - y(bucket.count)) : 0;
          const centre = left + index * slot + slot / 2;
          return (
            <g key={bucket.label}>
              <rect className={styles.bar} x={centre - barWidth / 2} y={baseline - height} width={barWidth} height={height} rx={2}>
                <title>{`${bucket.label}: ${formatNumber(bucket.count)} files`}</title>
              </rect>
              {bucket.count > 0 && (
                <text className={styles.count} x={centre} y={baseline - height - 3} textAnchor="middle">
                  {formatNumber(bucket.count)}
                </text>
              )}
              {/* Each bucket's lower bound sits under its left edge: the axis reads 0 B, 1 kB, 10 kB, … */}
              <line className={styles.axis} x1={left + index * slot} x2={left + index * slot} y1={baseline} y2={baseline + 4} />
              <text className={styles.tick} x={left + index * slot} y={baseline + 14} textAnchor="middle">
                {formatBytes(bucket.from)}
              </text>
            </g>
          );
        })}
        {lastBucket?.to !== undefined && (
          <text className={styles.tick} x={width - right} y={baseline + 14} textAnchor="middle">
            {formatBytes(lastBucket.to)}
          </text>
        )}
        <line className={styles.axis} x1={left} x2={width - right} y1={baseline} y2={baseline} />
        <line className={styles.axis} x1={left} x2={left} y1={top} y2={baseline} />
        <text className={styles.title} x={left + plotWidth / 2} y={baseline + 30} textAnchor="middle">
          File size
        </text>
        <text className={styles.title} x={8} y={top + plotHeight / 2} textAnchor="middle" transform={`rotate(-90 8 ${top + plotHeight / 2})`}>
          Files
        </text>
      </svg>
      <figcaption>
        <Caption1>
          Files by size ({filtered ? `the ${formatNumber(sizes.length)} files that match the filters` : `all ${formatNumber(sizes.length)} files of the session`})
        </Caption1>
      </figcaption>
    </figure>
  );
}
