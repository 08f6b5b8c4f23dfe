import { describe, expect, it } from 'vitest';
import { copiesInSession, isSameFile, looksLikeSameName, nameAsStored, namesInSession } from './file-identity';

describe('file identity', () => {
  it('knows how browsers send ", CR and LF in a multipart file name, and leaves the rest alone', () => {
    expect(nameAsStored('q"uote.csv')).toBe('q%22uote.csv');
    expect(nameAsStored('two\r\nlines.csv')).toBe('two%0D%0Alines.csv');
    expect(nameAsStored("O'Brien #2 (100%) & Zürich.csv")).toBe("O'Brien #2 (100%) & Zürich.csv");
    expect(namesInSession('plain.csv')).toEqual(['plain.csv']);
    expect(namesInSession('q"uote.csv')).toEqual(['q"uote.csv', 'q%22uote.csv']);
  });

  it('is the same file with the same size under either name, and not with another size or name', () => {
    const chosen = { name: 'q"uote.csv', size: 10 };
    expect(isSameFile(chosen, { name: 'q%22uote.csv', size: 10 })).toBe(true);
    expect(isSameFile(chosen, { name: 'q"uote.csv', size: 10 })).toBe(true);
    expect(isSameFile(chosen, { name: 'q%22uote.csv', size: 11 })).toBe(false);
    expect(isSameFile(chosen, { name: 'Q%22UOTE.csv', size: 10 })).toBe(false);
    expect(isSameFile({ name: 'a%22b.csv', size: 1 }, { name: 'a"b.csv', size: 1 })).toBe(false);
  });

  it('counts the copies of a chosen file among the stored ones', () => {
    const stored = [
      { name: 'q%22uote.csv', size: 10 },
      { name: 'q%22uote.csv', size: 10 },
      { name: 'other.csv', size: 10 },
    ];
    expect(copiesInSession({ name: 'q"uote.csv', size: 10 }, stored)).toBe(2);
    expect(copiesInSession({ name: 'other.csv', size: 9 }, stored)).toBe(0);
  });

  it('warns about names that only differ in case, as stored or as chosen', () => {
    expect(looksLikeSameName('Badges.CSV', 'badges.csv')).toBe(true);
    expect(looksLikeSameName('q"uote.csv', 'Q%22UOTE.CSV')).toBe(true);
    expect(looksLikeSameName('zurich.csv', 'zürich.csv')).toBe(false);
  });
});
