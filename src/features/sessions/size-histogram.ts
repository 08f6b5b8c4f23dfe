import { formatBytes } from '../../components/format';

export interface SizeBucket {
  /** Inclusive lower bound in bytes. */
  from: number;
  /** Exclusive upper bound; undefined for the last bucket. */
  to?: number;
  label: string;
  count: number;
}

const bounds = [0, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

function bucketLabel(from: number, to: number | undefined, locale?: string) {
  if (from === 0) return `< ${formatBytes(to ?? 0, locale)}`;
  if (to === undefined) return `≥ ${formatBytes(from, locale)}`;
  return `${formatBytes(from, locale)}–${formatBytes(to, locale)}`;
}

/**
 * Files counted by order of magnitude of their size (< 1 kB, 1–10 kB, … ≥ 100 MB): CSV exports span bytes to
 * tens of megabytes, so equal-width buckets would put nearly everything in the first one.
 * Empty buckets before the first and after the last non-empty one are left out.
 */
export function sizeHistogram(sizes: number[], locale?: string): SizeBucket[] {
  const buckets = bounds.map((from, index) => {
    const to = bounds[index + 1];
    return { from, to, label: bucketLabel(from, to, locale), count: 0 };
  });
  for (const size of sizes) {
    let index = bounds.length - 1;
    while (index > 0 && size < (bounds[index] ?? 0)) index--;
    const bucket = buckets[index];
    if (bucket) bucket.count++;
  }
  const first = buckets.findIndex((bucket) => bucket.count > 0);
  if (first < 0) return [];
  const last = buckets.findLastIndex((bucket) => bucket.count > 0);
  return buckets.slice(first, last + 1);
}
