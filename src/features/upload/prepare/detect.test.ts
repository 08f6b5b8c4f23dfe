import { describe, expect, it } from 'vitest';
import { fixtureBytes } from '../csv/csv-test-support';
import { detectDelimiter, detectEncoding, detectHeaderRow, readSample } from './detect';

const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Array.from(text).flatMap((c) => [c.charCodeAt(0) >> 8, c.charCodeAt(0) & 0xff])]);

describe('detectEncoding', () => {
  it('knows UTF-8 with and without BOM and UTF-16 by its BOM', () => {
    expect(detectEncoding(new Uint8Array([0xef, 0xbb, 0xbf, 0x61]))).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(detectEncoding(new TextEncoder().encode('Zürich;Basel'))).toEqual({ encoding: 'utf-8', bomBytes: 0 });
    expect(detectEncoding(utf16le('a;b'))).toEqual({ encoding: 'utf-16le', bomBytes: 2 });
    expect(detectEncoding(utf16be('a;b'))).toEqual({ encoding: 'utf-16be', bomBytes: 2 });
  });

  it('offers bytes that are not UTF-8 as Windows-1252, with a warning', () => {
    const guess = detectEncoding(fixtureBytes('entra-windows-1252.csv'));
    expect(guess.encoding).toBe('windows-1252');
    expect(guess.warning).toContain('Windows-1252');
  });

  it('does not mistake a character cut by the end of the sample for bad bytes', () => {
    const bytes = new TextEncoder().encode('name\nZü');
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1)).encoding).toBe('utf-8');
  });
});

describe('detectDelimiter', () => {
  it.each([
    [',', 'a,b,c\n1,2,3\n'],
    [';', 'Name;City\n"Müller, Hans";Zürich\nLee;Basel\n'],
    ['\t', 'a\tb\n1\t2\n'],
    ['|', 'a|b|c\n1|2|3\n'],
  ])('finds %j', (delimiter, text) => {
    expect(detectDelimiter(text)).toBe(delimiter);
  });

  it('is not swayed by commas in title lines and text', () => {
    expect(detectDelimiter('Export, all sites, 2026\nUser;Group;Site\nx;Garage, level 2;Basel\ny;Lobby;Bern\n')).toBe(';');
  });
});

describe('detectHeaderRow', () => {
  it('skips title lines with fewer fields or empty cells', () => {
    expect(detectHeaderRow([['Badge export', '', ''], ['Generated today'], ['User', 'Group', 'Site'], ['a', 'b', 'c']])).toBe(2);
    expect(detectHeaderRow([['User', 'Group'], ['a', 'b']])).toBe(0);
  });
});

describe('readSample', () => {
  it('reads the foreign export fixture: BOM, semicolons, two title lines and a blank line above the header', () => {
    const sample = readSample(fixtureBytes('foreign-export-semicolon-bom.csv'), { wholeFile: true });
    expect(sample.encoding).toEqual({ encoding: 'utf-8', bomBytes: 3 });
    expect(sample.delimiter).toBe(';');
    expect(sample.records[sample.headerRow]).toEqual(['Badge holder object id', 'Door group', 'Site', 'Notes']);
    expect(sample.records[sample.headerRow + 1]?.[2]).toBe('Zürich HQ');
  });

  it('decodes UTF-16 and Windows-1252 text', () => {
    expect(readSample(utf16le('Name;City\r\nLee;Zürich\r\n')).records).toEqual([['Name', 'City'], ['Lee', 'Zürich']]);
    expect(readSample(utf16be('Name;City\r\nLee;Zürich\r\n')).records[1]).toEqual(['Lee', 'Zürich']);
    const latin = new Uint8Array([...new TextEncoder().encode('Name;City\nLee;Z'), 0xfc, ...new TextEncoder().encode('rich\n')]);
    expect(readSample(latin).records[1]).toEqual(['Lee', 'Zürich']);
  });

  it('keeps the owner\'s choice of delimiter and encoding', () => {
    const sample = readSample(new TextEncoder().encode('a;b,c\n1;2,3\n'), { delimiter: ',' });
    expect(sample.records).toEqual([['a;b', 'c'], ['1;2', '3']]);
  });
});
