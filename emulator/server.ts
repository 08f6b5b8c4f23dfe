import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { resolveOptions } from './config';
import type { EmulatorOptions } from './config';
import { routeControl } from './control/control-routes';
import type { FaultSpec } from './control/faults';
import { createEmulatorState, tokenLifetime } from './emulator-state';
import type { EmulatorState } from './emulator-state';
import { matchRoute } from './graph/router';
import { isInnerBatchRequest } from './graph/batch';
import { graphRoutes } from './graph/routes';
import { answerPreflight, createContext, sendGraphError } from './http/context';
import type { RequestContext } from './http/context';
import { defaultCode, defaultMessage, GraphError } from './http/errors';
import { answerClientError, checkRequestLimits, parserHeaderLimit } from './http/limits';
import { sendOAuthError } from './identity/oauth-error';
import { routeIdentity } from './identity/routes';
import { resolveScopes, scpClaim } from './identity/scopes';
import { signAccessToken } from './identity/tokens';

export type { EmulatorOptions } from './config';

export interface RunningEmulator {
  /** http://localhost:PORT */
  url: string;
  port: number;
  state: EmulatorState;
  /** A Graph access token without the sign-in flow, for tests that are not about identity. */
  issueAccessToken(username: string, scope?: string): Promise<string>;
  close(): Promise<void>;
}

const isControlPath = (pathname: string) => pathname.startsWith('/_emulator/');

/** Answers an injected error the way the faulted endpoint would: OAuth JSON on the token endpoint, Graph JSON elsewhere. */
function answerFault(ctx: RequestContext, fault: FaultSpec & { status: number }): void {
  const code = fault.body?.code ?? defaultCode(fault.status);
  const message = fault.body?.message ?? defaultMessage(fault.status);
  const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { 'Retry-After': String(fault.retryAfter) };
  if (ctx.pathname.endsWith('/oauth2/v2.0/token')) {
    const error = fault.body?.code ?? (fault.status === 429 || fault.status === 503 ? 'temporarily_unavailable' : 'server_error');
    return sendOAuthError(ctx, fault.status, error, message, headers);
  }
  sendGraphError(ctx, new GraphError(fault.status, code, message, headers));
}

async function dispatch(ctx: RequestContext, state: EmulatorState): Promise<void> {
  checkRequestLimits(ctx.req);
  if (isControlPath(ctx.pathname)) {
    if (!state.options.control) throw new GraphError(404, 'itemNotFound', 'The test controls are turned off (EMULATOR_CONTROL=0).');
    return ctx.method === 'OPTIONS' ? answerPreflight(ctx) : routeControl(ctx, state);
  }
  const isGraph = /^\/(v1\.0|beta)(\/|$)/.test(ctx.pathname);
  // Graph is not on loopback: its requests (preflights too) wait, except a $batch's inner ones (the batch waited).
  if (isGraph && state.latencyMs > 0 && !isInnerBatchRequest(ctx)) await state.options.sleep(state.latencyMs);
  const fault = state.faults.take(ctx.method, ctx.pathname);
  if (fault) {
    ctx.notes.fault = fault.status !== undefined ? 'status' : fault.reset === true ? 'reset' : 'delay';
    if (fault.delayMs !== undefined) await sleep(fault.delayMs);
    if (fault.status !== undefined) return answerFault(ctx, { ...fault, status: fault.status });
    ctx.dropResponse = fault.reset === true;
  }
  if (ctx.method === 'OPTIONS') return answerPreflight(ctx);
  if (await routeIdentity(ctx, state)) return;
  if (isGraph) {
    const { handler, request } = matchRoute(graphRoutes, ctx);
    return handler(ctx, state, request);
  }
  throw new GraphError(404, 'itemNotFound', `Nothing is served at '${ctx.pathname}'. See /_emulator/info, /v1.0/... and /{tenant}/oauth2/v2.0/...`);
}

function requestHandler(state: EmulatorState) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const receivedAt = state.options.now();
    const ctx: RequestContext = createContext(req, res, receivedAt, (status) => {
      if (isControlPath(ctx.pathname)) return;
      state.requests.add({
        at: receivedAt.toISOString(),
        method: ctx.method,
        path: ctx.pathname,
        query: ctx.rawQuery,
        status,
        ...ctx.notes,
        ...(isInnerBatchRequest(ctx) ? { inBatch: true as const } : {}),
      });
    });
    dispatch(ctx, state).catch((error: unknown) => answerError(ctx, error));
  };
}

/**
 * Routes throw GraphErrors. Anything else is an emulator bug (the hostile-requests test hunts for them): it gets
 * a Graph-shaped 500 as a last resort, and if even that fails the connection is dropped, but the process lives.
 */
function answerError(ctx: RequestContext, error: unknown): void {
  try {
    if (error instanceof GraphError) return sendGraphError(ctx, error);
    console.error(`Emulator bug on ${ctx.method} ${ctx.pathname}:`, error);
    sendGraphError(ctx, new GraphError(500, 'generalException', `The emulator failed: ${(error as Error).message}`));
  } catch (sendError) {
    console.error('Emulator bug: the error answer failed:', sendError);
    ctx.res.destroy();
  }
}

/** Requests Node's HTTP parser refuses (over its header limit, not HTTP) get a Graph error too, not Node's bare one. */
function createHttpServer(state: EmulatorState, handler: ReturnType<typeof requestHandler>): Server {
  const server = createServer({ maxHeaderSize: parserHeaderLimit }, handler);
  server.on('clientError', (error, socket) => answerClientError(error, socket, state.options.now()));
  return server;
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/**
 * Listens on 127.0.0.1 and, on the same port, ::1, so http://localhost works whichever address a client
 * resolves "localhost" to. Only loopback: the demo tokens must not be reachable from the network.
 */
export async function startEmulator(options?: EmulatorOptions): Promise<RunningEmulator> {
  const resolved = resolveOptions(options);
  const state = await createEmulatorState(resolved);
  const handler = requestHandler(state);
  const servers = [createHttpServer(state, handler)];
  await listen(servers[0] as Server, resolved.port, '127.0.0.1');
  const port = ((servers[0] as Server).address() as AddressInfo).port;
  // localhost, as clients name it, so the inner answers' @odata.context and nextLinks have the batch's origin.
  state.selfUrl = `http://localhost:${port}`;
  const ipv6 = createHttpServer(state, handler);
  try {
    await listen(ipv6, port, '::1');
    servers.push(ipv6);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      console.warn(`Warning: [::1]:${port} is taken by another program; clients that resolve localhost to ::1 will reach it instead.`);
    }
  }
  return {
    url: `http://localhost:${port}`,
    port,
    state,
    async issueAccessToken(username, scope = 'https://graph.microsoft.com/EntitlementManagement.ReadWrite.All') {
      const user = state.store.userByName(username);
      if (!user) throw new Error(`There is no user '${username}'.`);
      return signAccessToken(state.key, user, scpClaim(resolveScopes(scope)), tokenLifetime(state), state.options.now());
    },
    async close() {
      await Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.close(() => resolve());
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
