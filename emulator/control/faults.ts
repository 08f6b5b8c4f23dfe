import { z } from 'zod';

export const faultSchema = z
  .strictObject({
    method: z.string().min(1).optional(),
    /** A regular expression tested against the request's URL pathname. */
    path: z.string().min(1),
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
  .refine((f) => isRegExp(f.path), { message: 'path is not a valid regular expression', path: ['path'] });

export type FaultSpec = z.infer<typeof faultSchema>;

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

interface QueuedFault {
  spec: FaultSpec;
  pattern: RegExp;
  remaining: number;
}

/**
 * Faults queued by tests. A request takes the first fault whose method and path match. Faults without a method
 * leave CORS preflights (OPTIONS) alone, so a browser's preflight does not use up a fault meant for the request.
 */
export class FaultQueue {
  private faults: QueuedFault[] = [];

  add(specs: readonly FaultSpec[]): void {
    for (const spec of specs) this.faults.push({ spec, pattern: new RegExp(spec.path), remaining: spec.times });
  }

  take(method: string, pathname: string): FaultSpec | undefined {
    const index = this.faults.findIndex(({ spec, pattern }) => {
      const methodMatches = spec.method === undefined ? method !== 'OPTIONS' : spec.method.toUpperCase() === method;
      return methodMatches && pattern.test(pathname);
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
