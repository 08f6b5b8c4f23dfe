import { badQuery } from '../http/errors';
import { maxNestingDepth, nestingMessage } from './limits';

/** Splits on `separator` outside parentheses and single-quoted strings (names may contain ',', ';' and ')'). */
export function splitTopLevel(text: string, separator: ',' | ';', option: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let start = 0;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (ch === "'") inString = !inString;
    else if (inString) continue;
    else if (ch === '(') {
      depth += 1;
      if (depth > maxNestingDepth) throw badQuery(nestingMessage(option));
    }
    else if (ch === ')') {
      depth -= 1;
      if (depth < 0) throw badQuery(`Invalid ${option}: unbalanced ')' at position ${i + 1}.`);
    } else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  if (inString) throw badQuery(`Invalid ${option}: unterminated string literal.`);
  if (depth !== 0) throw badQuery(`Invalid ${option}: unbalanced '('.`);
  parts.push(text.slice(start));
  return parts;
}
