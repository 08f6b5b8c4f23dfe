/** What `npm audit --json` said, reduced to what the check decides on. */
export type AuditVerdict =
  | { kind: 'clean'; counts: SeverityCounts }
  | { kind: 'vulnerable'; counts: SeverityCounts; packages: string[] }
  | { kind: 'unreachable'; reason: string };

export interface SeverityCounts {
  info: number;
  low: number;
  moderate: number;
  high: number;
  critical: number;
}

interface AuditReport {
  vulnerabilities?: Record<string, { severity?: string }>;
  metadata?: { vulnerabilities?: Partial<SeverityCounts> };
  statusCode?: number;
  message?: string;
  error?: unknown;
}

const failing = new Set(['high', 'critical']);

/**
 * High and critical advisories fail; lower ones pass. When npm could not ask the advisory database at all (a registry
 * mirror without the audit endpoint answers 405), that is no verdict: the caller reports it as unchecked.
 */
export function auditVerdict(json: string): AuditVerdict {
  let report: AuditReport;
  try {
    report = JSON.parse(json) as AuditReport;
  } catch {
    return { kind: 'unreachable', reason: 'npm audit printed no JSON report' };
  }
  const severities = report.metadata?.vulnerabilities;
  if (!severities) {
    const reason = report.message ?? (report.statusCode ? `the registry answered ${report.statusCode}` : 'no report');
    return { kind: 'unreachable', reason };
  }
  const counts: SeverityCounts = {
    info: severities.info ?? 0,
    low: severities.low ?? 0,
    moderate: severities.moderate ?? 0,
    high: severities.high ?? 0,
    critical: severities.critical ?? 0,
  };
  const packages = Object.entries(report.vulnerabilities ?? {})
    .filter(([, advisory]) => failing.has(advisory.severity ?? ''))
    .map(([name, advisory]) => `${name} (${advisory.severity})`);
  if (counts.high + counts.critical > 0) return { kind: 'vulnerable', counts, packages };
  return { kind: 'clean', counts };
}
