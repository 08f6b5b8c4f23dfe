// Runs every benchmark in bench/ one after another on one production build; each prints one JSON line as its last line.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { buildUnlessAsked, logger } from './lib/harness.mjs';

buildUnlessAsked(logger('bench'));
const benches = readdirSync('bench').filter((file) => file.endsWith('.mjs') && file !== 'run-all.mjs');
for (const bench of benches) execFileSync('node', [`bench/${bench}`, '--no-build'], { stdio: 'inherit' });
