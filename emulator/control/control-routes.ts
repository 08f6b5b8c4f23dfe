import { z } from 'zod';
import { CLIENT_ID, REDIRECT_URIS, TENANT_ID } from '../config';
import { resetState } from '../emulator-state';
import type { EmulatorState } from '../emulator-state';
import { readSmallBody } from '../http/body';
import type { RequestContext } from '../http/context';
import { send, sendJson } from '../http/context';
import { GraphError, invalidRequest, notFound } from '../http/errors';
import type { Store } from '../store/store';
import { consentScopes } from '../identity/consent';
import { faultSchema } from './faults';

const revokeSchema = z.strictObject({
  username: z.string().min(1),
  what: z.enum(['refresh-tokens', 'sessions', 'all']).default('all'),
});
const consentSchema = z.strictObject({
  username: z.string().min(1),
  refuse: z.boolean().optional(),
  granted: z.array(z.enum(consentScopes as [string, ...string[]])).optional(),
});
const lifetimeSchema = z.strictObject({ seconds: z.number().int().positive() });
const latencySchema = z.strictObject({ ms: z.number().int().min(0).max(60_000) });
const tenYearsInSeconds = 10 * 366 * 86_400;
const clockSchema = z
  .strictObject({
    advanceSeconds: z.number().positive().max(tenYearsInSeconds).optional(),
    advanceMinutes: z.number().positive().max(tenYearsInSeconds / 60).optional(),
    set: z.iso.datetime({ offset: true }).optional(),
  })
  .refine((b) => Object.keys(b).length === 1, 'Send one of {"advanceSeconds": n}, {"advanceMinutes": n} or {"set": "<ISO 8601 date and time>"}.');

/** What GET /_emulator/state answers; end-to-end tests read it with this type. */
export type StateSnapshot = ReturnType<Store['snapshot']>;
/** What GET /_emulator/info answers. */
export type EmulatorInfo = ReturnType<typeof info>;
/** What GET and POST /_emulator/clock answer. */
export interface ClockReading {
  now: string;
  offsetSeconds: number;
}

/** Control bodies are JSON whatever the Content-Type, so `curl -d '{…}'` works. */
async function body<T>(ctx: RequestContext, schema: z.ZodType<T>): Promise<T> {
  const text = (await readSmallBody(ctx)).toString('utf8');
  let json: unknown;
  try {
    json = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw invalidRequest(z.prettifyError(parsed.error));
  return parsed.data;
}

function clockReading(state: EmulatorState): ClockReading {
  return { now: state.options.now().toISOString(), offsetSeconds: state.clock.offsetSeconds };
}

/** Moves the clock; the seed is not resolved again, so its windows open and close as the clock passes them. */
async function moveClock(ctx: RequestContext, state: EmulatorState): Promise<void> {
  const move = await body(ctx, clockSchema);
  const moved =
    move.set !== undefined
      ? state.clock.set(new Date(move.set))
      : state.clock.advance(((move.advanceSeconds ?? 0) + (move.advanceMinutes ?? 0) * 60) * 1000);
  if (!moved) throw invalidRequest('The clock takes real dates and times between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59Z.');
  sendJson(ctx, 200, clockReading(state));
}

function info(state: EmulatorState) {
  return {
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    redirectUris: REDIRECT_URIS,
    users: state.store.users.map((u) => ({
      username: u.userPrincipalName,
      displayName: u.displayName,
      oid: u.id,
      catalogRoles: u.catalogRoles,
    })),
    catalogs: state.store.catalogs.map((c) => ({ id: c.id, displayName: c.displayName })),
  };
}

type ControlHandler = (ctx: RequestContext, state: EmulatorState) => Promise<void> | void;

const handlers: Record<string, Partial<Record<string, ControlHandler>>> = {
  info: { GET: (ctx, state) => sendJson(ctx, 200, info(state)) },
  state: { GET: (ctx, state) => sendJson(ctx, 200, state.store.snapshot()) },
  clock: { GET: (ctx, state) => sendJson(ctx, 200, clockReading(state)), POST: moveClock },
  reset: {
    POST: (ctx, state) => {
      resetState(state);
      send(ctx, 204);
    },
  },
  faults: {
    GET: (ctx, state) => sendJson(ctx, 200, state.faults.list()),
    POST: async (ctx, state) => {
      const faults = await body(ctx, z.union([faultSchema, z.array(faultSchema)]));
      state.faults.add(Array.isArray(faults) ? faults : [faults]);
      sendJson(ctx, 201, state.faults.list());
    },
    DELETE: (ctx, state) => {
      state.faults.clear();
      send(ctx, 204);
    },
  },
  revoke: {
    POST: async (ctx, state) => {
      const { username, what } = await body(ctx, revokeSchema);
      const user = state.store.userByName(username);
      if (!user) throw notFound(`There is no user '${username}'.`);
      const revokedRefreshTokens = what === 'sessions' ? 0 : state.grants.revokeRefreshTokens(user.id);
      const endedSessions = what === 'refresh-tokens' ? 0 : state.grants.endSessions(user.id);
      sendJson(ctx, 200, { username: user.userPrincipalName, revokedRefreshTokens, endedSessions });
    },
  },
  consent: {
    GET: (ctx, state) => sendJson(ctx, 200, state.store.users.map((u) => ({ username: u.userPrincipalName, ...state.consents.of(u.id) }))),
    POST: async (ctx, state) => {
      const { username, ...change } = await body(ctx, consentSchema);
      const user = state.store.userByName(username);
      if (!user) throw notFound(`There is no user '${username}'.`);
      state.consents.set(user.id, change);
      sendJson(ctx, 200, { username: user.userPrincipalName, ...state.consents.of(user.id) });
    },
  },
  'token-lifetime': {
    POST: async (ctx, state) => {
      const { seconds } = await body(ctx, lifetimeSchema);
      state.tokenLifetimeOverride = seconds;
      sendJson(ctx, 200, { seconds });
    },
  },
  latency: {
    GET: (ctx, state) => sendJson(ctx, 200, { ms: state.latencyMs }),
    POST: async (ctx, state) => {
      const { ms } = await body(ctx, latencySchema);
      state.latencyMs = ms;
      sendJson(ctx, 200, { ms });
    },
  },
  requests: {
    GET: (ctx, state) => sendJson(ctx, 200, state.requests.list()),
    DELETE: (ctx, state) => {
      state.requests.clear();
      send(ctx, 204);
    },
  },
};

/** /_emulator/…: switches for tests and demos. Never logged, never faulted. */
export async function routeControl(ctx: RequestContext, state: EmulatorState): Promise<void> {
  const name = ctx.pathname.slice('/_emulator/'.length);
  const methods = handlers[name];
  if (!methods) throw notFound(`There is no test control '/_emulator/${name}'.`);
  const handler = methods[ctx.method];
  if (!handler) {
    throw new GraphError(405, 'notSupported', `/_emulator/${name} does not support ${ctx.method}.`, { Allow: Object.keys(methods).join(', ') });
  }
  await handler(ctx, state);
}
