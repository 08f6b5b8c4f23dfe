import { TENANT_ID } from '../config';
import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { send, sendHtml } from '../http/context';
import { handleAuthorize } from './authorize';
import { handleLogout } from './logout';
import { handleKeys, handleOpenIdConfiguration } from './metadata';
import { sendOAuthError } from './oauth-error';
import { errorPage } from './pages';
import { handleToken } from './token-endpoint';

const identityPath = /^\/([^/]+)\/(oauth2\/v2\.0\/(?:authorize|token|logout)|v2\.0\/\.well-known\/openid-configuration|discovery\/v2\.0\/keys)$/;

/** Entra's endpoints at the root of the origin, as MSAL's AAD protocol mode expects. Returns false if not one. */
export async function routeIdentity(ctx: RequestContext, state: EmulatorState): Promise<boolean> {
  const match = identityPath.exec(ctx.pathname);
  if (!match) return false;
  const [, tenant, endpoint] = match;
  const allow = (methods: string[]) => {
    if (methods.includes(ctx.method)) return true;
    send(ctx, 405, undefined, { Allow: methods.join(', ') });
    return false;
  };
  if (tenant !== TENANT_ID) {
    const message = `AADSTS90002: Tenant '${tenant ?? ''}' not found. The emulator serves tenant ${TENANT_ID} only.`;
    if (endpoint === 'oauth2/v2.0/token') sendOAuthError(ctx, 400, 'invalid_request', message);
    else sendHtml(ctx, 400, errorPage(message));
    return true;
  }
  switch (endpoint) {
    case 'oauth2/v2.0/authorize':
      if (allow(['GET', 'POST'])) await handleAuthorize(ctx, state);
      break;
    case 'oauth2/v2.0/token':
      if (ctx.method !== 'POST') sendOAuthError(ctx, 405, 'invalid_request', 'AADSTS900561: The endpoint only accepts POST requests.');
      else await handleToken(ctx, state);
      break;
    case 'oauth2/v2.0/logout':
      if (allow(['GET', 'POST'])) handleLogout(ctx, state);
      break;
    case 'v2.0/.well-known/openid-configuration':
      if (allow(['GET'])) handleOpenIdConfiguration(ctx);
      break;
    default:
      if (allow(['GET'])) handleKeys(ctx, state);
  }
  return true;
}
