import { describe, expect, it } from 'vitest';
import { csvFormats } from '../csv/csv-formats';
import { OutputRowCheck } from './row-check';

const format = csvFormats.graphV1;
const header = format.columns.map((c) => c.name);
const good = ['8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d', 'user', 'door-1', 'Main entrance', '', 'Physical'];

describe('OutputRowCheck', () => {
  it('passes good rows and says why a bad one fails, with the column, as the upload check would', () => {
    const check = new OutputRowCheck(format, header);
    expect(check.check(good)).toBeUndefined();
    expect(check.check(['not-a-guid', ...good.slice(1)])).toBe(
      "principalId: 'not-a-guid' is not an Entra object ID (a GUID like 8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d).",
    );
    expect(check.check([good[0]!, 'user', '', 'Main entrance', '', ''])).toBe('permissionId needs a value. permissionType needs a value.');
    // A repeated row is a warning, not an error: it passes.
    expect(check.check(good)).toBeUndefined();
    expect(check.check([...good.slice(0, 5), 'Logical'])).toBeUndefined();
  });

  it('flags text that was not UTF-8, as the upload check does', () => {
    const check = new OutputRowCheck(format, header);
    expect(check.check([...good.slice(0, 3), 'Z\uFFFDrich', '', 'Physical'])).toContain('not UTF-8');
  });

  it('keeps passing rows after many failures (more than the 50 issues a validator keeps)', () => {
    const check = new OutputRowCheck(format, header);
    for (let i = 0; i < 60; i++) expect(check.check(['x', ...good.slice(1)])).toContain('is not an Entra object ID');
    expect(check.check(good)).toBeUndefined();
    check.startPart();
    expect(check.check(good)).toBeUndefined();
  });
});
