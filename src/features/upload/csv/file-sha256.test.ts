/// <reference types="node" />
import { Blob as NodeBlob } from 'node:buffer';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csvFormats } from './csv-formats';
import { fileSliceBytes, validateCsvFile } from './csv-stream';
import { hashWhileReading, type IncrementalHash } from './file-sha256';

function nodeSha256(): IncrementalHash & { updates: number } {
  const hash = createHash('sha256');
  const counted = {
    updates: 0,
    update: (bytes: Uint8Array) => {
      counted.updates++;
      hash.update(bytes);
    },
    digest: (encoding: 'hex') => hash.digest(encoding),
  };
  return counted;
}

const expected = (text: string) => createHash('sha256').update(text).digest('hex');
const header = csvFormats.entra.columns.map((column) => column.name).join(',');
const fileOf = (name: string, text: string) => {
  const blob = new NodeBlob([text]);
  return { name, type: 'text/csv', size: blob.size, slice: (start: number, end: number) => blob.slice(start, end) };
};

describe('hashWhileReading', () => {
  it('hashes the bytes the checks read, slice by slice, without reading them twice', async () => {
    // Over two slices of rows, so the hash is fed more than once.
    const row = '\n0000000a-5b7d-4e2a-9c1f-6d8e0a4b7c21,EntraIdUser,door-1,Door 1,Main entrance,Physical,site-1,Building 1,5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95,,Night shift';
    const text = header + row.repeat(Math.ceil((fileSliceBytes * 2.5) / row.length));
    const hash = nodeSha256();
    const hashing = hashWhileReading(fileOf('big.csv', text), hash);
    await validateCsvFile(hashing.file, csvFormats.entra);
    expect(await hashing.finish(fileSliceBytes)).toBe(expected(text));
    expect(hash.updates).toBe(3);
  });

  it('hashes the rest of a file whose checks stopped early', async () => {
    // NUL bytes stop the checks after the first bytes.
    const text = `\0${'x'.repeat(5000)}`;
    const hashing = hashWhileReading(fileOf('binary.csv', text), nodeSha256());
    const result = await validateCsvFile(hashing.file, csvFormats.entra);
    expect(result.verdict).toBe('invalid');
    expect(await hashing.finish(1024)).toBe(expected(text));
  });
});
