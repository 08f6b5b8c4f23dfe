import { describe, expect, it } from 'vitest';
import { DelimitedParser, parseDelimited } from './delimited-parser';

/** Feeds `text` in pieces of `size` characters, as chunks of a stream arrive. */
function parseInPieces(text: string, delimiter: string, size: number) {
  const records: { fields: string[]; line: number; problem?: string }[] = [];
  const parser = new DelimitedParser(delimiter, (fields, line, problem) => records.push(problem ? { fields, line, problem } : { fields, line }));
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
  return records;
}

describe('DelimitedParser', () => {
  const text = 'a;b;c\r\n"x;1";"say ""hi""";\r\n"two\r\nlines";q;r\nlast;;';

  it('reads any delimiter, quotes, doubled quotes, empty cells and CRLF, LF or no final line break', () => {
    expect(parseDelimited(text, ';')).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['x;1', 'say "hi"', ''], line: 2 },
      { fields: ['two\r\nlines', 'q', 'r'], line: 3 },
      { fields: ['last', '', ''], line: 5 },
    ]);
    expect(parseDelimited('a\tb|c\n1\t2|3\n', '\t').map((r) => r.fields)).toEqual([['a', 'b|c'], ['1', '2|3']]);
    expect(parseDelimited('a|b\r1|2\r', '|').map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it.each([1, 2, 3, 5, 7])('gives the same records when the text arrives %i characters at a time', (size) => {
    expect(parseInPieces(text, ';', size)).toEqual(parseDelimited(text, ';'));
  });

  it('flags an unclosed quote and a stray quote, keeping the text', () => {
    expect(parseDelimited('a,"b\nc', ',')).toEqual([{ fields: ['a', 'b\nc'], line: 1, problem: 'A quoted value is never closed: a " is missing.' }]);
    const [record] = parseDelimited('"ab"c,d\n', ',');
    expect(record?.fields).toEqual(['abc', 'd']);
    expect(record?.problem).toContain('stray "');
  });

  it('refuses a delimiter longer than one character', () => {
    expect(() => new DelimitedParser(';;', () => undefined)).toThrow('one character');
  });
});
