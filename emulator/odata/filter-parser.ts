import { badQuery } from '../http/errors';
import { maxNestingDepth, nestingMessage } from './limits';
import { tokenize } from './lexer';
import type { Token } from './lexer';

export type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type BooleanFunction = 'contains' | 'startswith' | 'endswith';
export type Transform = 'tolower' | 'toupper';

export type Literal =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number; integer: boolean; text: string }
  | { type: 'dateTimeOffset'; value: number; text: string }
  | { type: 'date'; text: string }
  | { type: 'boolean'; value: boolean }
  | { type: 'null' };

export interface PropertyRef {
  name: string;
  transform?: Transform;
}

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  | { kind: 'compare'; op: CompareOp; property: PropertyRef; value: Literal }
  | { kind: 'in'; property: PropertyRef; values: Literal[] }
  | { kind: 'function'; name: BooleanFunction; property: PropertyRef; value: Literal };

const compareOps = new Set<string>(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const otherOps = new Set(['has', 'add', 'sub', 'mul', 'div', 'divby', 'mod']);
const booleanFunctions = new Set<string>(['contains', 'startswith', 'endswith']);
const transforms = new Set<string>(['tolower', 'toupper']);

/**
 * Parses an OData boolean expression with the standard precedence: `not` binds tightest, then the comparisons,
 * then `and`, then `or`. Like OData, `not` applies to a parenthesized expression or a boolean function only.
 */
export function parseFilter(text: string, option = '$filter'): FilterNode {
  if (text.trim() === '') throw badQuery(`Invalid ${option}: the expression is empty.`);
  return new Parser(tokenize(text, option), option).parse();
}

class Parser {
  private index = 0;
  /** Open parentheses and `not`s around the current token: both recurse. */
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly option: string,
  ) {}

  parse(): FilterNode {
    const node = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'eof') throw this.fail(`unexpected ${describe(next)} at position ${next.pos + 1}; expected 'and', 'or' or the end.`);
    return node;
  }

  private parseOr(): FilterNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.index += 1;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): FilterNode {
    let left = this.parseUnary();
    while (this.isKeyword('and')) {
      this.index += 1;
      left = { kind: 'and', left, right: this.parseUnary() };
    }
    return left;
  }

  private parseUnary(): FilterNode {
    if (!this.isKeyword('not')) return this.parsePrimary();
    const notToken = this.next();
    const next = this.peek();
    const isFunction = next.kind === 'identifier' && booleanFunctions.has(next.text) && this.peek(1).kind === 'lparen';
    if (next.kind !== 'lparen' && !isFunction && !this.isKeyword('not')) {
      throw this.fail(
        `'not' at position ${notToken.pos + 1} must be followed by a parenthesized expression or a boolean function, for example not (name eq 'x.csv').`,
      );
    }
    return { kind: 'not', operand: this.nested(() => this.parseUnary()) };
  }

  private nested(parse: () => FilterNode): FilterNode {
    this.depth += 1;
    if (this.depth > maxNestingDepth) throw badQuery(nestingMessage(this.option));
    const node = parse();
    this.depth -= 1;
    return node;
  }

  private parsePrimary(): FilterNode {
    const token = this.peek();
    if (token.kind === 'lparen') {
      this.index += 1;
      const inner = this.nested(() => this.parseOr());
      this.expect('rparen', `')' to close the '(' at position ${token.pos + 1}`);
      return inner;
    }
    if (token.kind !== 'identifier') {
      throw this.fail(`unexpected ${describe(token)} at position ${token.pos + 1}; a comparison must start with a property name.`);
    }
    if (booleanFunctions.has(token.text) && this.peek(1).kind === 'lparen') return this.parseBooleanFunction();
    const property = this.parsePropertyRef();
    if (this.isKeyword('in')) return this.parseIn(property);
    const opToken = this.next();
    if (opToken.kind !== 'identifier' || !compareOps.has(opToken.text)) {
      if (opToken.kind === 'identifier' && otherOps.has(opToken.text)) {
        throw this.fail(`operator '${opToken.text}' is not supported.`);
      }
      throw this.fail(
        `expected a comparison operator (eq, ne, gt, ge, lt, le) after '${property.name}' at position ${opToken.pos + 1}, found ${describe(opToken)}.`,
      );
    }
    return { kind: 'compare', op: opToken.text as CompareOp, property, value: this.parseLiteral(opToken.text) };
  }

  /** `property in ('a', 'b')`: a parenthesized, comma-separated list of literals. */
  private parseIn(property: PropertyRef): FilterNode {
    const inToken = this.next();
    this.expect('lparen', `'(' after 'in' at position ${inToken.pos + 1}`);
    const values = [this.parseLiteral('in')];
    while (this.peek().kind === 'comma') {
      this.index += 1;
      values.push(this.parseLiteral('in'));
    }
    this.expect('rparen', `')' to close the list of 'in' at position ${inToken.pos + 1}`);
    return { kind: 'in', property, values };
  }

  private parseBooleanFunction(): FilterNode {
    const name = this.next() as Extract<Token, { kind: 'identifier' }>;
    this.expect('lparen', `'(' after '${name.text}'`);
    const property = this.parsePropertyRef();
    this.expect('comma', `',' after the first argument of '${name.text}'`);
    const value = this.parseLiteral(name.text);
    this.expect('rparen', `')' to close '${name.text}('`);
    return { kind: 'function', name: name.text as BooleanFunction, property, value };
  }

  /** A property, optionally wrapped in tolower()/toupper(). */
  private parsePropertyRef(): PropertyRef {
    const token = this.next();
    if (token.kind !== 'identifier') {
      throw this.fail(`expected a property name at position ${token.pos + 1}, found ${describe(token)}.`);
    }
    if (this.peek().kind !== 'lparen') {
      if (['true', 'false', 'null', 'and', 'or', 'not'].includes(token.text) || compareOps.has(token.text)) {
        throw this.fail(`expected a property name at position ${token.pos + 1}, found '${token.text}'.`);
      }
      return { name: token.text };
    }
    if (!transforms.has(token.text)) throw this.fail(`function '${token.text}' is not supported.`);
    this.index += 1;
    const inner = this.next();
    if (inner.kind !== 'identifier' || this.peek().kind === 'lparen') {
      throw this.fail(`'${token.text}' takes one property name, at position ${inner.pos + 1}.`);
    }
    this.expect('rparen', `')' to close '${token.text}('`);
    return { name: inner.text, transform: token.text as Transform };
  }

  private parseLiteral(after: string): Literal {
    const token = this.next();
    switch (token.kind) {
      case 'string':
        return { type: 'string', value: token.value };
      case 'number':
        return { type: 'number', value: token.value, integer: token.integer, text: token.text };
      case 'dateTimeOffset':
        return { type: 'dateTimeOffset', value: token.value, text: token.text };
      case 'date':
        return { type: 'date', text: token.text };
      case 'identifier':
        if (token.text === 'true' || token.text === 'false') return { type: 'boolean', value: token.text === 'true' };
        if (token.text === 'null') return { type: 'null' };
        throw this.fail(
          `expected a literal after '${after}' at position ${token.pos + 1}, found '${token.text}'; comparing two properties is not supported.`,
        );
      default:
        throw this.fail(`expected a literal after '${after}' at position ${token.pos + 1}, found ${describe(token)}.`);
    }
  }

  private isKeyword(word: string): boolean {
    const token = this.peek();
    return token.kind === 'identifier' && token.text === word;
  }

  private peek(ahead = 0): Token {
    return this.tokens[Math.min(this.index + ahead, this.tokens.length - 1)] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'eof') this.index += 1;
    return token;
  }

  private expect(kind: Token['kind'], what: string): void {
    const token = this.next();
    if (token.kind !== kind) throw this.fail(`expected ${what} at position ${token.pos + 1}, found ${describe(token)}.`);
  }

  private fail(message: string): Error {
    return badQuery(`Invalid ${this.option}: ${message}`);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'eof':
      return 'the end of the expression';
    case 'identifier':
      return `'${token.text}'`;
    case 'string':
      return `the string '${token.value.replaceAll("'", "''")}'`;
    case 'number':
    case 'dateTimeOffset':
    case 'date':
      return `'${token.text}'`;
    default:
      return `'${token.kind === 'lparen' ? '(' : token.kind === 'rparen' ? ')' : ','}'`;
  }
}
