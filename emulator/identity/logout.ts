import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { redirect, sendHtml } from '../http/context';
import { clearSessionCookie, sessionIdFrom } from './cookies';
import { errorPage, signedOutPage } from './pages';
import { isRegisteredRedirectUri } from './redirect-uri';

/**
 * Ends the browser session and goes back to post_logout_redirect_uri with `state`. logout_hint and id_token_hint
 * are accepted and not needed: the session cookie says who signs out.
 */
export function handleLogout(ctx: RequestContext, state: EmulatorState): void {
  const params = new URLSearchParams(ctx.rawQuery);
  const sessionId = sessionIdFrom(ctx);
  const session = state.grants.session(sessionId);
  if (session) ctx.notes.username = state.store.userById(session.userId)?.userPrincipalName;
  state.grants.endSession(sessionId);
  const headers = { 'Set-Cookie': clearSessionCookie() };
  const target = params.get('post_logout_redirect_uri');
  if (target === null) return sendHtml(ctx, 200, signedOutPage(), headers);
  if (!isRegisteredRedirectUri(target)) {
    return sendHtml(
      ctx,
      400,
      errorPage(`AADSTS50011: The post_logout_redirect_uri '${target}' does not match the redirect URIs configured for the application. You were signed out.`),
      headers,
    );
  }
  const stateParam = params.get('state');
  redirect(ctx, stateParam === null ? target : `${target}?state=${encodeURIComponent(stateParam)}`, headers);
}
