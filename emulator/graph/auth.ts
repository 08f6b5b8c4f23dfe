import { GRAPH_APP_ID, TENANT_ID } from '../config';
import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { accessDenied, GraphError, notFound } from '../http/errors';
import { verifyAccessToken } from '../identity/tokens';
import { ownValue } from '../odata/limits';
import type { Catalog, CatalogRole, User } from '../store/types';

export interface Principal {
  user: User;
  scopes: Set<string>;
}

export type Access = 'read' | 'write';

const readScopes = ['EntitlementManagement.Read.All', 'EntitlementManagement.ReadWrite.All'];
const writeScopes = ['EntitlementManagement.ReadWrite.All'];
/** Real Graph wants AccessReview.* for reviews; the emulator also takes the app's EntitlementManagement scopes. */
const reviewReadScopes = [...readScopes, 'AccessReview.Read.All', 'AccessReview.ReadWrite.All'];

function unauthenticated(ctx: RequestContext, message: string): GraphError {
  return new GraphError(401, 'InvalidAuthenticationToken', message, {
    'WWW-Authenticate': `Bearer realm="", authorization_uri="${ctx.origin}/${TENANT_ID}/oauth2/v2.0/authorize", client_id="${GRAPH_APP_ID}"`,
  });
}

/** Verifies the bearer token like Graph: signature, expiry, audience. */
export async function authenticate(ctx: RequestContext, state: EmulatorState): Promise<Principal> {
  const header = ctx.req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw unauthenticated(ctx, 'Access token is empty.');
  let verified;
  try {
    verified = await verifyAccessToken(state.key, match[1], state.options.now());
  } catch (error) {
    throw unauthenticated(ctx, (error as Error).message);
  }
  const user = state.store.userById(verified.oid);
  if (!user) throw unauthenticated(ctx, 'The user of the access token does not exist in the tenant.');
  ctx.notes.username = user.userPrincipalName;
  return { user, scopes: verified.scopes };
}

function requireScopes(principal: Principal, accepted: readonly string[]): void {
  if (!accepted.some((scope) => principal.scopes.has(scope))) {
    throw accessDenied(`Missing scope permissions on the request. API requires one of '${accepted.join(', ')}'. Scopes on the request '${[...principal.scopes].join(', ')}'.`);
  }
}

export function requireEntitlementScope(principal: Principal, access: Access): void {
  requireScopes(principal, access === 'write' ? writeScopes : readScopes);
}

export function requireReviewScope(principal: Principal): void {
  requireScopes(principal, reviewReadScopes);
}

export function catalogRole(principal: Principal, catalogId: string): CatalogRole | undefined {
  return ownValue(principal.user.catalogRoles, catalogId);
}

/** 404 for an unknown catalog; 403 without a role on it; writes need the catalog owner role. */
export function requireCatalog(state: EmulatorState, principal: Principal, catalogId: string, access: Access): Catalog {
  const catalog = state.store.catalog(catalogId);
  if (!catalog) throw notFound(`Catalog '${catalogId}' was not found.`);
  const role = catalogRole(principal, catalogId);
  if (!role) throw accessDenied(`The signed-in user has no role on catalog '${catalog.id}'; reading it needs the catalog reader or owner role.`);
  if (access === 'write' && role !== 'owner') {
    throw accessDenied(`The signed-in user is a catalog reader of '${catalog.displayName}'; this change needs the catalog owner role.`);
  }
  return catalog;
}
