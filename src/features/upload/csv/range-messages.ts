import type { RangeResult } from './csv-range';

/**
 * Between the validation worker and a range worker (csv-range.worker.ts), which checks one later range of a split
 * file (csv-split.ts): one id per range. `result` is undefined when the range cannot be used (no header before it).
 */
export type RangeRequest =
  | { type: 'range'; id: number; file: File; formatId: string; bounds: readonly number[]; index: number }
  | { type: 'cancel'; id: number };

export type RangeResponse =
  | { type: 'progress'; id: number; bytesRead: number }
  | { type: 'result'; id: number; result: RangeResult | undefined }
  | { type: 'failure'; id: number; message: string };
