import { badQuery } from '../http/errors';

export type Token =
  | { kind: 'lparen' | 'rparen' | 'comma' | 'eof'; pos: number }
  | { kind: 'identifier'; text: string; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'number'; text: string; value: number; integer: boolean; pos: number }
  | { kind: 'dateTimeOffset'; text: string; value: number; pos: number }
  | { kind: 'date'; text: string; pos: number };

const dateTimePattern =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,12}))?)?(Z|[+-]\d{2}:\d{2})?/;
const datePattern = /^\d{4}-\d{2}-\d{2}/;
const numberPattern = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;
const identifierPattern = /^[A-Za-z_]\w*(?:[./][A-Za-z_]\w*)*/;

/** Splits an OData expression ($filter) into tokens; `option` names the query option in error messages. */
export function tokenize(text: string, option: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  const fail = (message: string) => badQuery(`Invalid ${option}: ${message}`);
  while (pos < text.length) {
    const ch = text[pos] ?? '';
    const rest = text.slice(pos);
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
      pos += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', pos });
      pos += 1;
    } else if (ch === "'") {
      const { value, end } = readString(text, pos, fail);
      tokens.push({ kind: 'string', value, pos });
      pos = end;
    } else if (/[\d-]/.test(ch)) {
      const token = readNumeric(rest, pos, fail);
      tokens.push(token);
      pos += token.text.length;
    } else {
      const match = identifierPattern.exec(rest);
      if (!match) throw fail(`unexpected character '${ch}' at position ${pos + 1}.`);
      tokens.push({ kind: 'identifier', text: match[0], pos });
      pos += match[0].length;
    }
  }
  tokens.push({ kind: 'eof', pos });
  return tokens;
}

/** OData string literal: single quotes, a quote inside is written twice (`'O''Brien'`). */
function readString(text: string, start: number, fail: (m: string) => Error): { value: string; end: number } {
  let value = '';
  let pos = start + 1;
  for (;;) {
    const quote = text.indexOf("'", pos);
    if (quote < 0) throw fail(`unterminated string literal starting at position ${start + 1}.`);
    value += text.slice(pos, quote);
    if (text[quote + 1] === "'") {
      value += "'";
      pos = quote + 2;
    } else {
      return { value, end: quote + 1 };
    }
  }
}

type NumericToken = Extract<Token, { kind: 'number' | 'dateTimeOffset' | 'date' }>;

function readNumeric(rest: string, pos: number, fail: (m: string) => Error): NumericToken {
  const dateTime = dateTimePattern.exec(rest);
  if (dateTime) {
    const text = dateTime[0];
    assertTokenEnd(rest, text, pos, fail);
    return { kind: 'dateTimeOffset', text, value: parseDateTime(dateTime, fail), pos };
  }
  const date = datePattern.exec(rest);
  if (date) {
    assertTokenEnd(rest, date[0], pos, fail);
    return { kind: 'date', text: date[0], pos };
  }
  const number = numberPattern.exec(rest);
  if (!number) throw fail(`unexpected character '${rest[0] ?? ''}' at position ${pos + 1}.`);
  assertTokenEnd(rest, number[0], pos, fail);
  const integer = number[1] === undefined && number[2] === undefined;
  return { kind: 'number', text: number[0], value: Number(number[0]), integer, pos };
}

function assertTokenEnd(rest: string, text: string, pos: number, fail: (m: string) => Error): void {
  const next = rest[text.length];
  if (next !== undefined && /[\w.:]/.test(next)) {
    const word = /^[^\s(),]+/.exec(rest)?.[0] ?? text;
    throw fail(`'${word}' at position ${pos + 1} is not a valid literal.`);
  }
}

function parseDateTime(match: RegExpExecArray, fail: (m: string) => Error): number {
  const [text, year, month, day, hour, minute, second = '0', fraction = '', zone] = match;
  if (zone === undefined) {
    throw fail(`the DateTimeOffset literal '${text}' needs a time zone, for example ${text}Z.`);
  }
  const [y, mo, d, h, mi, s] = [year, month, day, hour, minute, second].map(Number) as [number, number, number, number, number, number];
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(y, mo - 1, d, h, mi, s, ms);
  const check = new Date(utc);
  const valid =
    check.getUTCFullYear() === y && check.getUTCMonth() === mo - 1 && check.getUTCDate() === d && h < 24 && mi < 60 && s < 60;
  const offsetMinutes = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
  if (!valid || Math.abs(offsetMinutes) > 14 * 60 || Number(zone.slice(4, 6) || '0') > 59) {
    throw fail(`'${text}' is not a valid DateTimeOffset.`);
  }
  return utc - offsetMinutes * 60_000;
}
