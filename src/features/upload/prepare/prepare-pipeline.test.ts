import { describe, expect, it } from 'vitest';
import { csvFormats } from '../csv/csv-formats';
import { maxRecordChars } from '../csv/csv-parser';
import { validateCsvChunks } from '../csv/csv-stream';
import { fixtureBytes, inChunks } from '../csv/csv-test-support';
import { autoMatch } from './auto-match';
import { readSample } from './detect';
import { prepareChunks, type PreparePlan } from './prepare-pipeline';
import type { PrincipalResolver } from './principal-resolver';

const byteLength = (text: string) => new TextEncoder().encode(text).byteLength;

function joinBytes(pieces: readonly Uint8Array[]): Uint8Array {
  const joined = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of pieces) {
    joined.set(piece, at);
    at += piece.byteLength;
  }
  return joined;
}

const fixture = fixtureBytes('foreign-export-semicolon-bom.csv');
const sample = readSample(fixture, { wholeFile: true });
const sourceHeader = sample.records[sample.headerRow]!;

function planFor(formatId: PreparePlan['formatId'], limitBytes = 50 * 1024 * 1024): PreparePlan {
  const mapping = autoMatch(sourceHeader, csvFormats[formatId]);
  const typeColumn = formatId === 'graphV1' ? 'permissionType' : 'PermissionType';
  mapping.rules[typeColumn] = { kind: 'constant', value: 'Physical' };
  return { fileName: 'badge export.csv', formatId, encoding: 'utf-8', delimiter: ';', headerRow: sample.headerRow, mapping, limitBytes };
}

async function prepare(plan: PreparePlan, chunkSize = 7, resolver?: PrincipalResolver) {
  const pieces: Uint8Array[][] = [];
  const summary = await prepareChunks(inChunks(fixture, chunkSize), plan, {
    sink: { onPiece: (part, bytes) => (pieces[part] ??= []).push(bytes.slice()) },
    resolver,
  });
  const bytes = pieces.map((part) => joinBytes(part));
  return { summary, bytes, parts: bytes.map((part) => new TextDecoder().decode(part)) };
}

// Written out by hand; the derived ids are UUID v5 of the names under the console namespace (checked with Python's uuid5).
const expectedEntra =
  'PrincipalId,PrincipalType,PermissionId,PermissionName,PermissionDescription,PermissionType,ScopeId,ScopeDisplayName,EntitlementOwners_Users,EntitlementOwners_Groups,CustomData\r\n' +
  '8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d,EntraIdUser,4b2b39f1-71e9-5036-aebb-be8ee6eed4cd,Main entrance,,Physical,962b92b5-85bd-5ebb-aec6-dc3f6d5837af,Zürich HQ,,,Night shift\r\n' +
  '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95,EntraIdUser,851ea849-6e49-5a5d-8bd6-8cd8c2e940dc,"Garage, level -2",,Physical,962b92b5-85bd-5ebb-aec6-dc3f6d5837af,Zürich HQ,,,\r\n' +
  '0b5b9c1e-2f3a-4d5e-8f60-718293a4b5c6,EntraIdUser,a5a169a9-fdbc-5806-a45a-fc817b85cbe6,"Lab ""B""; level 2",,Physical,17f849a4-48f1-523a-8fa5-8f9158b40979,Basel,,,"=1+1, says the export"\r\n';

describe('prepareChunks', () => {
  it.each([1, 7, 4096])('turns the foreign export into the Entra layout, %i bytes at a time, and explains each row left out', async (chunkSize) => {
    const { summary, parts } = await prepare(planFor('entra'), chunkSize);
    expect(parts).toEqual([expectedEntra]);
    expect(summary).toMatchObject({ rowsRead: 7, rowsWritten: 3, leftOutCount: 4 });
    expect(summary.parts).toEqual([{ name: 'badge export (prepared).csv', bytes: byteLength(expectedEntra), rows: 3 }]);
    expect(summary.leftOut).toEqual([
      { line: 7, reason: expect.stringContaining("'megan@contoso.com' is an email address, not an Entra object id: use Resolve people") },
      { line: 9, reason: expect.stringContaining("PrincipalId: 'not-an-id' is not an Entra object ID") },
      { line: 10, reason: 'PrincipalId needs a value.' },
      { line: 11, reason: 'The row has 3 fields; the header has 4.' },
    ]);
  });

  it('writes what the upload check finds valid (no BOM, CRLF)', async () => {
    const { bytes } = await prepare(planFor('entra'));
    const result = await validateCsvChunks(inChunks(bytes[0]!, 5), csvFormats.entra);
    // Valid but for the owner warning: the export names no entitlement owners.
    expect(result).toMatchObject({ errorCount: 0, rowCount: 3, hasBom: false });
    expect(bytes[0]![0]).toBe('P'.charCodeAt(0));
  });

  it('counts the cells that start like a formula and, when asked, puts a \' in front of each (nothing else changes)', async () => {
    const asIs = await prepare(planFor('entra'));
    expect(asIs.summary.formulaCells).toBe(1);
    const fixed = await prepare({ ...planFor('entra'), neutraliseFormulas: true });
    expect(fixed.summary.formulaCells).toBe(1);
    expect(fixed.parts).toEqual([expectedEntra.replace('"=1+1, says the export"', '"\'=1+1, says the export"')]);
    const checked = await validateCsvChunks(inChunks(fixed.bytes[0]!, 5), csvFormats.entra);
    expect(checked.issues.some((issue) => issue.message.includes('as a formula'))).toBe(false);
  });

  it('converts to the legacy layout, where an email is a valid principal', async () => {
    const { summary, parts } = await prepare(planFor('legacyBeta'));
    expect(summary.rowsWritten).toBe(4);
    expect(parts[0]!).toContain('\r\nmegan@contoso.com,962b92b5-85bd-5ebb-aec6-dc3f6d5837af,Zürich HQ,,,4b2b39f1');
  });

  it('splits into parts under the limit, each with the header', async () => {
    const header = expectedEntra.slice(0, expectedEntra.indexOf('\r\n') + 2);
    const rows = expectedEntra.slice(header.length).split(/(?<=\r\n)/);
    // Room for the header and the first two rows, one byte short of the third.
    const limit = byteLength(header + rows[0] + rows[1]) + byteLength(rows[2]!) - 1;
    const { summary, parts, bytes } = await prepare(planFor('entra', limit));
    expect(summary.parts.map((part) => part.name)).toEqual(['badge export (part 1 of 2).csv', 'badge export (part 2 of 2).csv']);
    expect(parts).toEqual([header + rows[0] + rows[1], header + rows[2]]);
    expect(Math.max(...bytes.map((part) => part.byteLength))).toBeLessThanOrEqual(limit);
  });

  it('hands principals to a resolver in batches before mapping, and uses what it answers', async () => {
    const primed: string[][] = [];
    const resolver: PrincipalResolver = {
      prime: async (values) => {
        primed.push(values);
      },
      resolve: (value) => (value === 'megan@contoso.com' ? { id: '6e7b768e-07e2-4810-8459-485f84f8f204' } : { id: value.trim() }),
    };
    const { summary, parts } = await prepare(planFor('entra'), 1 << 20, resolver);
    expect(primed).toEqual([['8d2f6c1e-3b7a-4e59-9c0d-5a1b2e3f4c6d', '5e8d2c4a-1f7b-4c9e-a3d6-8b2f0e1c7a95', 'megan@contoso.com', '0b5b9c1e-2f3a-4d5e-8f60-718293a4b5c6', 'not-an-id', '']]);
    expect(summary.rowsWritten).toBe(4);
    expect(parts[0]!).toContain('\r\n6e7b768e-07e2-4810-8459-485f84f8f204,EntraIdUser,');
  });

  it('stops at a quoted value that never ends, as the upload check does, keeping the rows before it', async () => {
    const endless = new TextEncoder().encode(`0b5b9c1e-2f3a-4d5e-8f60-718293a4b5c6;"Lab ${'x'.repeat(maxRecordChars)}`);
    const bytes = new Uint8Array(fixture.byteLength + endless.byteLength);
    bytes.set(fixture);
    bytes.set(endless, fixture.byteLength);
    const summary = await prepareChunks(inChunks(bytes, 64 * 1024), planFor('entra'), { sink: { onPiece: () => undefined } });
    expect(summary).toMatchObject({ rowsRead: 8, rowsWritten: 3, leftOutCount: 5 });
    expect(summary.leftOut.at(-1)).toEqual({ line: 12, reason: expect.stringContaining('longer than 1 million characters') });
  });

  it('says when the header row chosen is past the end of the file', async () => {
    await expect(prepare({ ...planFor('entra'), headerRow: 50 })).rejects.toThrow('no header row');
  });
});
