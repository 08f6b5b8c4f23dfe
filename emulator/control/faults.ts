import { z } from 'zod';

const maxPatternLength = 1000;

export const faultSchema = z
  .strictObject({
    method: z.string().min(1).optional(),
    /** Matched against the request's URL pathname: see parsePathPattern. */
    path: z.string().min(1).max(maxPatternLength),
    status: z.number().int().min(400).max(599).optional(),
    retryAfter: z.number().nonnegative().optional(),
    delayMs: z.number().int().nonnegative().max(600_000).optional(),
    reset: z.boolean().optional(),
    times: z.number().int().positive().default(1),
    body: z.strictObject({ code: z.string().min(1).optional(), message: z.string().min(1).optional() }).optional(),
  })
  .refine((f) => f.status !== undefined || f.delayMs !== undefined || f.reset === true, {
    message: 'a fault needs status, delayMs or reset',
  })
  .refine((f) => !(f.status !== undefined && f.reset === true), { message: 'status and reset cannot be combined' })
  .refine((f) => f.retryAfter === undefined || f.status !== undefined, { message: 'retryAfter needs a status' })
  .superRefine((f, ctx) => {
    const pattern = parsePathPattern(f.path);
    if (typeof pattern === 'string') ctx.addIssue({ code: 'custom', message: pattern, path: ['path'] });
  });

export type FaultSpec = z.infer<typeof faultSchema>;

type PatternToken = { kind: 'char'; char: string } | { kind: 'any' } | { kind: 'anyRun' };

/** A fault path, its unanchored ends turned into `.*`. */
export interface PathPattern {
  tokens: readonly PatternToken[];
}

const patternHelp =
  "path supports literal text, '.' (any character), '.*' (any text), '\\' before a character to match it literally, '^' at the start and '$' at the end";

/**
 * A safe subset of regular expressions for fault paths. A real RegExp from a test could hang the server
 * (catastrophic backtracking, e.g. `(a+)+$`), and JavaScript cannot interrupt one. This subset covers the patterns
 * tests use (`uploadFile$`, `uploadSessions`, `/oauth2/v2.0/token$`, `.*`) and is matched in at most
 * path × pattern steps. Returns the problem as a string when the pattern is outside it.
 */
export function parsePathPattern(source: string): PathPattern | string {
  const anchoredStart = source.startsWith('^');
  let body = anchoredStart ? source.slice(1) : source;
  const anchoredEnd = body.endsWith('$') && !isEscaped(body, body.length - 1);
  if (anchoredEnd) body = body.slice(0, -1);
  const tokens: PatternToken[] = anchoredStart ? [] : [{ kind: 'anyRun' }];
  for (let i = 0; i < body.length; i += 1) {
    const char = body.charAt(i);
    if (char === '\\') {
      if (i + 1 >= body.length) return `${patternHelp}; it ends with a lone '\\'.`;
      i += 1;
      tokens.push({ kind: 'char', char: body.charAt(i) });
    } else if (char === '.' && body[i + 1] === '*') {
      i += 1;
      tokens.push({ kind: 'anyRun' });
    } else if (char === '.') {
      tokens.push({ kind: 'any' });
    } else if ('()[]{}|+?*^$'.includes(char)) {
      return `${patternHelp}; '${char}' at position ${i + (anchoredStart ? 2 : 1)} is not supported.`;
    } else {
      tokens.push({ kind: 'char', char });
    }
  }
  if (!anchoredEnd) tokens.push({ kind: 'anyRun' });
  return { tokens };
}

function isEscaped(text: string, index: number): boolean {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && text[i] === '\\'; i -= 1) backslashes += 1;
  return backslashes % 2 === 1;
}

/**
 * Wildcard matching with one backtracking point, the last `.*` seen: when a later token fails, that run takes
 * one more character and matching resumes after it. Earlier runs never need to grow, so this is exact.
 */
export function matchesPath(pattern: PathPattern, path: string): boolean {
  const { tokens } = pattern;
  let t = 0;
  let p = 0;
  let runToken = -1;
  let runEnd = 0;
  while (p < path.length) {
    const token = tokens[t];
    if (token?.kind === 'anyRun') {
      runToken = t;
      runEnd = p;
      t += 1;
    } else if (token && (token.kind === 'any' || token.char === path[p])) {
      t += 1;
      p += 1;
    } else if (runToken >= 0) {
      runEnd += 1;
      p = runEnd;
      t = runToken + 1;
    } else {
      return false;
    }
  }
  while (tokens[t]?.kind === 'anyRun') t += 1;
  return t === tokens.length;
}

interface QueuedFault {
  spec: FaultSpec;
  pattern: PathPattern;
  remaining: number;
}

/**
 * Faults queued by tests. A request takes the first fault whose method and path match. Faults without a method
 * leave CORS preflights (OPTIONS) alone, so a browser's preflight does not use up a fault meant for the request.
 */
export class FaultQueue {
  private faults: QueuedFault[] = [];

  add(specs: readonly FaultSpec[]): void {
    for (const spec of specs) {
      const pattern = parsePathPattern(spec.path);
      if (typeof pattern === 'string') throw new Error(pattern);
      this.faults.push({ spec, pattern, remaining: spec.times });
    }
  }

  take(method: string, pathname: string): FaultSpec | undefined {
    const index = this.faults.findIndex(({ spec, pattern }) => {
      const methodMatches = spec.method === undefined ? method !== 'OPTIONS' : spec.method.toUpperCase() === method;
      return methodMatches && matchesPath(pattern, pathname);
    });
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  list(): FaultSpec[] {
    return this.faults.map(({ spec, remaining }) => ({ ...spec, times: remaining }));
  }

  clear(): void {
    this.faults = [];
  }
}
