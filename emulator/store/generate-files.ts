import type { UploadedFile } from './types';

/** mulberry32: a small deterministic PRNG, so generated files (ids included) are the same on every start. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function guid(next: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16));
  hex[12] = '4';
  hex[16] = (8 + Math.floor(next() * 4)).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const sites = ['HQ Building 1', 'Redmond B40', 'Zürich Tower', 'São Paulo', 'Kraków East', 'München Nord', 'Dublin 2'];
const kinds = ['badge-export', 'Door group members', 'visitor log', 'turnstile roles', "contractors' badges"];

/**
 * `count` files with varied names (spaces, accents, quotes), sizes from bytes to tens of MB (log-uniform) and
 * upload times spread over `spanMs` after `from`.
 */
export function generateFiles(count: number, seed: number, from: Date, spanMs: number): UploadedFile[] {
  const next = random(seed);
  const minLog = Math.log(40);
  const maxLog = Math.log(40 * 1024 * 1024);
  const times = Array.from({ length: count }, () => from.getTime() + Math.floor(next() * spanMs)).sort((a, b) => a - b);
  return times.map((time, index) => {
    const site = sites[Math.floor(next() * sites.length)] ?? 'HQ';
    const kind = kinds[Math.floor(next() * kinds.length)] ?? 'export';
    const number = String(index + 1).padStart(4, '0');
    return {
      id: guid(next),
      name: `${kind} ${site} ${number}.csv`,
      size: Math.floor(Math.exp(minLog + next() * (maxLog - minLog))),
      uploadedDateTime: new Date(time).toISOString(),
    };
  });
}
