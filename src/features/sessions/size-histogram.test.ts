import { describe, expect, it } from 'vitest';
import { sizeHistogram } from './size-histogram';

describe('sizeHistogram', () => {
  it('counts files per order of magnitude, from the first to the last non-empty bucket', () => {
    const buckets = sizeHistogram([40, 999, 1000, 250_000, 300_000, 40_000_000], 'en-US');
    expect(buckets.map((bucket) => [bucket.label, bucket.count])).toEqual([
      ['< 1 kB', 2],
      ['1 kB–10 kB', 1],
      ['10 kB–100 kB', 0],
      ['100 kB–1 MB', 2],
      ['1 MB–10 MB', 0],
      ['10 MB–100 MB', 1],
    ]);
  });

  it('puts very large files in the last bucket and returns nothing for no files', () => {
    expect(sizeHistogram([5_000_000_000], 'en-US')).toEqual([{ from: 1e8, to: undefined, label: '≥ 100 MB', count: 1 }]);
    expect(sizeHistogram([])).toEqual([]);
  });
});
