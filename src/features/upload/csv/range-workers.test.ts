import { describe, expect, it } from 'vitest';
import type { RangeRequest, RangeResponse } from './range-messages';
import { RangeWorkers, type RangePort } from './range-workers';

/** A range worker that records what it is sent and answers when told. */
class FakeRangePort implements RangePort {
  readonly sent: RangeRequest[] = [];
  onmessage: ((event: MessageEvent<RangeResponse>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(message: RangeRequest) {
    this.sent.push(message);
  }
  answer(message: RangeResponse) {
    this.onmessage?.({ data: message } as MessageEvent<RangeResponse>);
  }
  terminate() {
    this.terminated = true;
  }
}

const file = new File(['a,b\n'], 'export.csv', { type: 'text/csv' });
const partial = { stopped: false, lines: 1, issues: [], issueTags: [], errorCount: 0, warningCount: 0, rowCount: 1, blankLines: [], rowsWithoutOwners: 0, formulaCells: 0, firstFormulaCells: [], hashes: new Float64Array(1), hashLines: new Uint32Array([1]) };

describe('RangeWorkers', () => {
  it('sends range k to worker k - 1, with progress and the result of each range by its id', async () => {
    const ports: FakeRangePort[] = [];
    const workers = new RangeWorkers(() => ports[ports.push(new FakeRangePort()) - 1]!);
    const run = workers.runner(file, 'entra');
    const progress: number[] = [];
    const second = run(1, [0, 10, 20, 30], new AbortController().signal, (bytes) => progress.push(bytes));
    const third = run(2, [0, 10, 20, 30], new AbortController().signal, () => {});
    expect(ports).toHaveLength(2);
    expect(ports.map((port) => port.sent)).toEqual([
      [{ type: 'range', id: 1, file, formatId: 'entra', bounds: [0, 10, 20, 30], index: 1 }],
      [{ type: 'range', id: 2, file, formatId: 'entra', bounds: [0, 10, 20, 30], index: 2 }],
    ]);
    ports[0]!.answer({ type: 'progress', id: 1, bytesRead: 5 });
    ports[1]!.answer({ type: 'failure', id: 2, message: 'Unknown CSV format' });
    ports[0]!.answer({ type: 'result', id: 1, result: { end: 20, partial } });
    expect(progress).toEqual([5]);
    await expect(second).resolves.toEqual({ end: 20, partial });
    await expect(third).rejects.toThrow('Unknown CSV format');
    // The next file's ranges go to the same workers.
    void run(1, [0, 10, 20], new AbortController().signal, () => {});
    expect(ports).toHaveLength(2);
  });

  it('cancels a range in its worker, and fails the ranges of a worker that stops, which the next file replaces', async () => {
    const ports: FakeRangePort[] = [];
    const workers = new RangeWorkers(() => ports[ports.push(new FakeRangePort()) - 1]!);
    const run = workers.runner(file, 'entra');
    const controller = new AbortController();
    const cancelled = run(1, [0, 10, 20], controller.signal, () => {});
    controller.abort(new DOMException('Stopped', 'AbortError'));
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(ports[0]!.sent.at(-1)).toEqual({ type: 'cancel', id: 1 });
    const held = run(1, [0, 10, 20], new AbortController().signal, () => {});
    ports[0]!.onerror?.({} as ErrorEvent);
    await expect(held).rejects.toThrow('A range worker stopped.');
    expect(ports[0]!.terminated).toBe(true);
    void run(1, [0, 10, 20], new AbortController().signal, () => {});
    expect(ports).toHaveLength(2);
  });
});
