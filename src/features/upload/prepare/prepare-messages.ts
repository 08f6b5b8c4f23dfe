import type { PrincipalScan } from './people-scan';
import type { PreparePlan, PrepareSummary } from './prepare-pipeline';

/** Messages between the page and the preparation worker: structured-cloneable (Files and Blobs cross as they are). */
export type PrepareRequest =
  | { type: 'prepare'; id: number; file: File; plan: PreparePlan }
  /** The people of the file, for the "Resolve people" step (people-scan.ts). */
  | { type: 'scan'; id: number; file: File; plan: PreparePlan }
  | { type: 'cancel'; id: number };

export interface PrepareOutcome {
  summary: PrepareSummary;
  /** The prepared parts, ready for the checked-files list. */
  files: File[];
  /** The rows left out, as a CSV safe to open in Excel; undefined when none were. */
  report?: File;
}

export type PrepareResponse =
  | { type: 'progress'; id: number; bytesRead: number }
  | { type: 'result'; id: number; outcome: PrepareOutcome }
  | { type: 'scanned'; id: number; scan: PrincipalScan }
  | { type: 'failure'; id: number; message: string };
