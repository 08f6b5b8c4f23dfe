/// <reference types="node" />
// A Node-only test helper (it reads the fixtures from disk): the app project has no Node types otherwise.
import { Blob as NodeBlob } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { csvFormats, type CsvFormatId } from './csv-formats';
import { validateCsvChunks, validateCsvFile } from './csv-stream';

/** Test helpers: the fixture files of e2e/fixtures, read from disk and fed to the validator in chunks. */
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), 'e2e/fixtures', name)));

export async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.byteLength; start += size) yield bytes.subarray(start, start + size);
}

export function fixtureFile(name: string, type = 'text/csv') {
  const bytes = fixtureBytes(name);
  const blob = new NodeBlob([bytes]);
  return { name, type, size: bytes.byteLength, slice: (start: number, end: number) => blob.slice(start, end) };
}

export const validateFixture = (name: string, formatId: CsvFormatId = 'entra') => validateCsvFile(fixtureFile(name), csvFormats[formatId]);

export const validateFixtureInChunks = (name: string, formatId: CsvFormatId, chunkSize: number) =>
  validateCsvChunks(inChunks(fixtureBytes(name), chunkSize), csvFormats[formatId]);
