// `npm audit` of the runtime dependencies (npm test): fails on any high or critical advisory. A registry that has no
// audit endpoint leaves the dependencies unchecked: said loudly, and a failure when AUDIT_REQUIRED=1 (set it where
// the public registry is reachable, as in hosted CI).
import { spawnSync } from 'node:child_process';
import { auditVerdict } from './audit-verdict.ts';

const audit = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8' });
const verdict = auditVerdict(audit.stdout);

switch (verdict.kind) {
  case 'clean':
    console.log(`npm audit (runtime dependencies): no high or critical advisories (${JSON.stringify(verdict.counts)})`);
    break;
  case 'vulnerable':
    console.error(`npm audit (runtime dependencies): high or critical advisories in ${verdict.packages.join(', ')}`);
    console.error('Run `npm audit --omit=dev` for the details and `npm audit fix` or an upgrade to clear them.');
    process.exitCode = 1;
    break;
  case 'unreachable':
    console.error(`npm audit (runtime dependencies): NOT CHECKED, the advisory database could not be asked: ${verdict.reason}`);
    if (process.env.AUDIT_REQUIRED === '1') process.exitCode = 1;
    break;
}
