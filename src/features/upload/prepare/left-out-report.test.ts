import { describe, expect, it } from 'vitest';
import { LeftOutReport, leftOutCsv, maxKeptRows } from './left-out-report';

describe('LeftOutReport', () => {
  it('keeps line and reason, and counts what it no longer keeps', () => {
    const report = new LeftOutReport();
    for (let line = 1; line <= maxKeptRows + 5; line++) report.add(line, "'x' is not an id.");
    expect(report.count).toBe(maxKeptRows + 5);
    expect(report.rows).toHaveLength(maxKeptRows);
    expect(report.rows[0]).toEqual({ line: 1, reason: "'x' is not an id." });
  });

  it('sums up reasons, values aside, most frequent first', () => {
    const report = new LeftOutReport();
    report.add(3, "'a' is not an id.");
    report.add(4, 'The row has 2 fields; the header has 3.');
    report.add(5, "'b' is not an id.");
    expect(report.summary()).toEqual([
      { reason: "'…' is not an id.", count: 2 },
      { reason: 'The row has 2 fields; the header has 3.', count: 1 },
    ]);
  });
});

describe('leftOutCsv', () => {
  it('writes Line,Reason rows safe for Excel, and says how many were not listed', () => {
    const text = leftOutCsv(
      [
        { line: 7, reason: "'=cmd|' /C calc'!A0' is not an Entra object ID, really." },
        { line: 9, reason: 'The row has 3 fields; the header has 4.' },
      ],
      5,
    );
    expect(text).toBe(
      'Line,Reason\r\n' +
        `7,"'=cmd|' /C calc'!A0' is not an Entra object ID, really."\r\n` +
        '9,The row has 3 fields; the header has 4.\r\n' +
        ',3 more rows were left out and are not listed.\r\n',
    );
  });

  it('escapes a reason that starts like a formula', () => {
    expect(leftOutCsv([{ line: 2, reason: '=1+1' }], 1)).toBe("Line,Reason\r\n2,'=1+1\r\n");
  });
});
