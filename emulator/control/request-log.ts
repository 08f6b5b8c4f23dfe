import type { FaultKind } from '../http/context';

export interface RequestRecord {
  /** When the request arrived. */
  at: string;
  method: string;
  /** As sent, percent-encoded. */
  path: string;
  query: string;
  /** The status the emulator answered; with fault "reset" the client never received it. */
  status: number;
  grantType?: string;
  username?: string;
  fault?: FaultKind;
  /** An inner request of a `$batch` (logged as well as the batch itself). */
  inBatch?: true;
}

// A people look-up of 20,000 emails logs about 1,400 (each $batch and its 20 inner requests): room for several.
const capacity = 10_000;

/** The last 10,000 requests (not counting /_emulator/), so end-to-end tests can prove what the app sent. */
export class RequestLog {
  private records: RequestRecord[] = [];

  add(record: RequestRecord): void {
    this.records.push(record);
    if (this.records.length > capacity) this.records.splice(0, this.records.length - capacity);
  }

  list(): readonly RequestRecord[] {
    return this.records;
  }

  clear(): void {
    this.records = [];
  }
}
