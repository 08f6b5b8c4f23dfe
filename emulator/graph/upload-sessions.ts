import type { EmulatorState } from '../emulator-state';
import { readJsonBody } from '../http/body';
import type { RequestContext } from '../http/context';
import { send } from '../http/context';
import { conflict, invalidRequest, notFound } from '../http/errors';
import { applyQuery, pageOf } from '../odata/paging';
import { parseQueryOptions } from '../odata/query-options';
import type { Resource, UploadSession } from '../store/types';
import { authenticate, requireEntitlementScope } from './auth';
import type { Access, Principal } from './auth';
import { validateCreateBody, validatePatchBody } from './session-bodies';
import { resolveResource } from './resources';
import { sendCollection, sendEntity } from './responses';
import type { RouteRequest } from './router';
import { byCreated, expandedFiles, sessionEntityCapabilities, sessionListCapabilities } from './session-queries';
import { isCustomDataResource, selectFields, sessionJson } from './shapes';

async function principalFor(ctx: RequestContext, state: EmulatorState, access: Access): Promise<Principal> {
  const principal = await authenticate(ctx, state);
  requireEntitlementScope(principal, access);
  return principal;
}

function findSession(state: EmulatorState, principal: Principal, route: RouteRequest, access: Access) {
  const { resource } = resolveResource(state, principal, route, access);
  const id = route.params.sessionId ?? '';
  const session = state.store.session(resource.id, id);
  if (!session) throw notFound(`Upload session '${id}' was not found on resource '${resource.id}'.`);
  return { resource, session };
}

/** Token, scope, catalog role, resource and session, in Graph's order: 401, 403, 404. */
export async function resolveSession(ctx: RequestContext, state: EmulatorState, route: RouteRequest, access: Access) {
  return findSession(state, await principalFor(ctx, state, access), route, access);
}

export async function listSessions(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await principalFor(ctx, state, 'read');
  const query = parseQueryOptions(ctx.rawQuery, sessionListCapabilities(state.store));
  const { resource } = resolveResource(state, principal, route, 'read');
  const sessions = applyQuery(state.store.sessionsOf(resource.id).sort(byCreated), query);
  const page = pageOf(sessions, query, `${ctx.origin}${ctx.pathname}`);
  const items = page.items.map((s) => selectFields(sessionJson(state.store, s, expandedFiles(s, query.expand)), query.select));
  sendCollection(ctx, route, { ...page, items }, query.select);
}

export async function getSession(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await principalFor(ctx, state, 'read');
  const query = parseQueryOptions(ctx.rawQuery, sessionEntityCapabilities);
  const { session } = findSession(state, principal, route, 'read');
  sendEntity(ctx, route, selectFields(sessionJson(state.store, session, expandedFiles(session, query.expand)), query.select), query.select);
}

function existingSession(state: EmulatorState, resource: Resource, instanceId: string): UploadSession | undefined {
  return state.store.sessionsOf(resource.id).find((s) => {
    const status = state.store.sessionStatus(s);
    return s.instanceId === instanceId && (status === 'active' || status === 'complete');
  });
}

/** POST: one session per (review instance, resource), only while the instance is Initializing in its window. */
export async function createSession(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const principal = await principalFor(ctx, state, 'write');
  const { catalog, resource } = resolveResource(state, principal, route, 'write');
  const { reviewDefinitionId, reviewInstanceId } = validateCreateBody(await readJsonBody(ctx));
  if (!isCustomDataResource(resource)) {
    throw invalidRequest(`Upload sessions exist only on custom data provided resources; '${resource.displayName}' has originSystem '${resource.originSystem}'.`);
  }
  const definition = state.store.definition(reviewDefinitionId);
  if (!definition) throw invalidRequest(`data.reviewDefinitionId: access review definition '${reviewDefinitionId}' was not found.`);
  if (definition.catalogId !== catalog.id) {
    throw invalidRequest(`data.reviewDefinitionId: access review definition '${reviewDefinitionId}' does not review catalog '${catalog.displayName}'.`);
  }
  const instance = state.store.instance(reviewInstanceId);
  if (!instance) throw invalidRequest(`data.reviewInstanceId: access review instance '${reviewInstanceId}' was not found.`);
  if (instance.definitionId !== definition.id) {
    throw invalidRequest(`data.reviewInstanceId: instance '${reviewInstanceId}' does not belong to access review definition '${reviewDefinitionId}'.`);
  }
  if (!state.store.isUploadWindowOpen(instance)) {
    const status = state.store.instanceStatus(instance);
    const closed = instance.status === 'Initializing' ? ` (its upload window closed at ${state.store.uploadWindowEnd(instance).toISOString()})` : '';
    throw invalidRequest(
      `Review instance '${reviewInstanceId}' is ${status}${closed}: upload sessions can only be created while the instance is Initializing, within ${state.options.uploadWindowMinutes} minutes of its start.`,
    );
  }
  const existing = existingSession(state, resource, reviewInstanceId);
  if (existing) {
    const complete = state.store.sessionStatus(existing) === 'complete';
    throw conflict(
      complete
        ? `Upload session '${existing.id}' for review instance '${reviewInstanceId}' and resource '${resource.id}' is already complete. Only one session is allowed per review instance and resource, and a completed session cannot be replaced.`
        : `Upload session '${existing.id}' is already active for review instance '${reviewInstanceId}' and resource '${resource.id}'. Only one session is allowed per review instance and resource; use it, or delete it to start over.`,
    );
  }
  const session = state.store.addSession(resource, instance);
  sendEntity(ctx, route, sessionJson(state.store, session, []), undefined, 201);
}

/** PATCH: only `{"isUploadDone": true}`, which completes an active session. */
export async function updateSession(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const { resource, session: resolved } = await resolveSession(ctx, state, route, 'write');
  validatePatchBody(await readJsonBody(ctx));
  // The session may have been deleted while the body was on its way: ask the store again.
  const session = state.store.session(resource.id, resolved.id);
  if (!session) throw notFound(`Upload session '${resolved.id}' was deleted while the request was being received.`);
  const status = state.store.sessionStatus(session);
  if (status !== 'active') throw conflict(notActiveMessage(state, session, status, 'be completed'));
  state.store.completeSession(session);
  sendEntity(ctx, route, sessionJson(state.store, session, session.files));
}

/** DELETE: active and expired sessions; a complete session's data is the review's, so it stays (409). */
export async function deleteSession(ctx: RequestContext, state: EmulatorState, route: RouteRequest): Promise<void> {
  const { session } = await resolveSession(ctx, state, route, 'write');
  const status = state.store.sessionStatus(session);
  if (status !== 'active' && status !== 'expired') {
    throw conflict(`Upload session '${session.id}' is ${status} and cannot be deleted; only active and expired sessions can be deleted.`);
  }
  state.store.deleteSession(session);
  send(ctx, 204);
}

export function notActiveMessage(state: EmulatorState, session: UploadSession, status: string, action: string): string {
  if (status === 'expired') {
    const instance = state.store.instance(session.instanceId);
    const when = instance ? ` when the upload window of review instance '${instance.id}' closed at ${state.store.uploadWindowEnd(instance).toISOString()}` : '';
    return `Upload session '${session.id}' expired${when}; it can no longer ${action}.`;
  }
  if (status === 'complete') return `Upload session '${session.id}' is already complete (isUploadDone is true); it can no longer ${action}.`;
  return `Upload session '${session.id}' is ${status}; only an active session can ${action}.`;
}
