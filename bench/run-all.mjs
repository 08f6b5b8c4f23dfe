// Runs every benchmark in bench/ one after another; each prints one JSON line as its last line.
import { execFileSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const benches = readdirSync('bench').filter((file) => file.endsWith('.mjs') && file !== 'run-all.mjs');
for (const bench of benches) execFileSync('node', [`bench/${bench}`], { stdio: 'inherit' });
