import { describe, expect, it } from 'vitest';
import { CsvRecordParser, maxRecordChars, parseCsvText, type CsvParserOptions } from './csv-parser';

/** Feeds `text` in pieces of `size` characters, as chunks of a stream arrive. */
function parseInPieces(text: string, options: CsvParserOptions, size: number) {
  const records: ReturnType<typeof parseCsvText> = [];
  const parser = new CsvRecordParser((fields, problem, line) => records.push(problem ? { fields, line, problem } : { fields, line }), options);
  for (let at = 0; at < text.length; at += size) parser.push(text.slice(at, at + size));
  parser.end();
  return records;
}

describe('CsvRecordParser', () => {
  const text = 'a;b;c\r\n"x;1";"say ""hi""";\r\n"two\r\nlines";q;r\nlast;;';

  it('reads another delimiter, quotes, doubled quotes, empty cells and CRLF, LF or no final line break, with the line each record starts on', () => {
    expect(parseCsvText(text, { delimiter: ';' })).toEqual([
      { fields: ['a', 'b', 'c'], line: 1 },
      { fields: ['x;1', 'say "hi"', ''], line: 2 },
      { fields: ['two\r\nlines', 'q', 'r'], line: 3 },
      { fields: ['last', '', ''], line: 5 },
    ]);
    expect(parseCsvText('a\tb|c\n1\t2|3\n', { delimiter: '\t' }).map((r) => r.fields)).toEqual([['a', 'b|c'], ['1', '2|3']]);
    expect(parseCsvText('a|b\r1|2\r', { delimiter: '|' }).map((r) => r.fields)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('reads commas unless told otherwise, a semicolon being text then', () => {
    expect(parseCsvText('a;b,c\r\n').map((r) => r.fields)).toEqual([['a;b', 'c']]);
  });

  it.each([1, 2, 3, 5, 7])('gives the same records when the text arrives %i characters at a time', (size) => {
    expect(parseInPieces(text, { delimiter: ';' }, size)).toEqual(parseCsvText(text, { delimiter: ';' }));
  });

  it('ends unquoted values at the next delimiter or line break after a quoted value that holds them', () => {
    // The parser remembers where the next delimiter, CR and LF are; those inside a quoted value must not end the next value.
    const mixed = 'a,"b,\r\nc",d\r\n"e\rf",g,h\ni,"j\n",k\rl\n';
    expect(parseCsvText(mixed)).toEqual([
      { fields: ['a', 'b,\r\nc', 'd'], line: 1 },
      { fields: ['e\rf', 'g', 'h'], line: 3 },
      { fields: ['i', 'j\n', 'k'], line: 5 },
      { fields: ['l'], line: 7 },
    ]);
    for (const size of [1, 2, 3, 4, 9]) expect(parseInPieces(mixed, {}, size)).toEqual(parseCsvText(mixed));
  });

  it('counts a lone CR and an LF inside a quoted value as a line each, as the upload check counts lines', () => {
    expect(parseCsvText('"a\rb\nc",d\ne,f\n').map((r) => r.line)).toEqual([1, 4]);
  });

  it('flags an unclosed quote (the rest is its value) and a stray quote, with the record\'s line', () => {
    expect(parseCsvText('x\na,"b\nc')).toEqual([
      { fields: ['x'], line: 1 },
      { fields: ['a', 'b\nc'], line: 2, problem: 'MissingQuotes' },
    ]);
    expect(parseCsvText('"ab"c;d";e\n', { delimiter: ';' })).toEqual([{ fields: ['ab"c;d', 'e'], line: 1, problem: 'InvalidQuotes' }]);
  });

  it('says when the record not yet complete is longer than maxRecordChars', () => {
    const parser = new CsvRecordParser(() => undefined);
    parser.push(`a\n"${'x'.repeat(maxRecordChars - 1)}`);
    expect(parser.recordTooLong).toBe(false);
    expect(parser.nextLine).toBe(2);
    parser.push('xx');
    expect(parser.recordTooLong).toBe(true);
  });

  it.each([';;', '', '"', '\n'])('refuses the delimiter %j', (delimiter) => {
    expect(() => new CsvRecordParser(() => undefined, { delimiter })).toThrow('one character');
  });
});
