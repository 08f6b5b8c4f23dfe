// Gzipped JavaScript of the production build: what the first page loads (its module script and
// modulepreloads, read from the built index.html) and in all. Prints one JSON line.
// --check-budget (npm test) fails when the first page's JavaScript is over issue 6's budget, naming the files.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildUnlessAsked, outDir } from './lib/harness.mjs';

buildUnlessAsked();

const gzipKB = (file) => gzipSync(readFileSync(join(outDir, file)), { level: 9 }).length / 1024;
const html = readFileSync(join(outDir, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]),
);
const allJs = readdirSync(join(outDir, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
const sum = (files) => Math.round([...files].reduce((total, file) => total + gzipKB(file), 0) * 10) / 10;

const initialJsGzipKB = sum(initial);
const budgetKB = 250;
console.log(JSON.stringify({ bench: 'bundle', initialJsGzipKB, totalJsGzipKB: sum(allJs) }));

if (process.argv.includes('--check-budget') && initialJsGzipKB > budgetKB) {
  const files = [...initial].map((file) => `  ${file}: ${gzipKB(file).toFixed(1)} KB`).join('\n');
  console.error(`The first page loads ${initialJsGzipKB} KB of gzipped JavaScript, over the ${budgetKB} KB budget:\n${files}`);
  process.exitCode = 1;
}
