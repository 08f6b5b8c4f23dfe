import { describe, expect, it } from 'vitest';
import { auditVerdict } from './audit-verdict.ts';

const report = (vulnerabilities: Record<string, { severity: string }>) => {
  const counts = { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0 };
  for (const { severity } of Object.values(vulnerabilities)) counts[severity as keyof typeof counts]++;
  return JSON.stringify({ auditReportVersion: 2, vulnerabilities, metadata: { vulnerabilities: counts } });
};

describe('auditVerdict', () => {
  it('passes a report with no advisories', () => {
    expect(auditVerdict(report({}))).toMatchObject({ kind: 'clean', counts: { high: 0, critical: 0 } });
  });

  it('passes low and moderate advisories', () => {
    expect(auditVerdict(report({ a: { severity: 'low' }, b: { severity: 'moderate' } }))).toMatchObject({
      kind: 'clean',
      counts: { low: 1, moderate: 1 },
    });
  });

  it('fails on high and critical advisories and names the packages', () => {
    const verdict = auditVerdict(report({ a: { severity: 'moderate' }, b: { severity: 'high' }, c: { severity: 'critical' } }));
    expect(verdict).toEqual({
      kind: 'vulnerable',
      counts: { info: 0, low: 0, moderate: 1, high: 1, critical: 1 },
      packages: ['b (high)', 'c (critical)'],
    });
  });

  it('says the database was not asked when the registry refuses the audit endpoint', () => {
    // What npm 11 prints when a registry answers the bulk advisory endpoint with 405.
    const refused = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
      error: { summary: '', detail: '' },
    });
    expect(auditVerdict(refused)).toEqual({
      kind: 'unreachable',
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
  });

  it('says so when npm printed no JSON at all', () => {
    expect(auditVerdict('')).toEqual({ kind: 'unreachable', reason: 'npm audit printed no JSON report' });
  });
});
