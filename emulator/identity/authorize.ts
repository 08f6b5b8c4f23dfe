import { APP_DISPLAY_NAME, CLIENT_ID, TENANT_DISPLAY_NAME } from '../config';
import type { EmulatorState } from '../emulator-state';
import { readFormBody } from '../http/body';
import type { RequestContext } from '../http/context';
import { redirect, sendHtml } from '../http/context';
import type { User } from '../store/types';
import { consentScopes } from './consent';
import { sessionIdFrom, setSessionCookie } from './cookies';
import { errorPage, signInPage } from './pages';
import { isRegisteredRedirectUri } from './redirect-uri';
import { resolveScopes, ScopeError } from './scopes';

type ResponseMode = 'query' | 'fragment';
const prompts = new Set(['none', 'login', 'select_account', 'consent']);

/** Sends the authorization response to the (registered) redirect URI, in the query or the fragment. */
function answer(ctx: RequestContext, redirectUri: string, mode: ResponseMode, values: Record<string, string | undefined>, cookie?: string) {
  const encoded = Object.entries(values)
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
    .join('&');
  redirect(ctx, `${redirectUri}${mode === 'query' ? '?' : '#'}${encoded}`, cookie === undefined ? {} : { 'Set-Cookie': cookie });
}

/**
 * The directory scopes need the user's consent: given here when asked interactively (the emulated user accepts),
 * unless a test made the user refuse (POST /_emulator/consent); a silent request cannot ask.
 */
function consent(state: EmulatorState, user: User, scope: string, prompt: string | undefined): { error: string; description: string } | undefined {
  const graph = resolveScopes(scope).graph;
  const needed = graph.filter((s) => consentScopes.includes(s));
  const missing = state.consents.missing(user.id, graph);
  if (missing.length > 0 && prompt === 'none') {
    return {
      error: 'consent_required',
      description: `AADSTS65001: The user or administrator has not consented to use the application with ID '${CLIENT_ID}' named '${APP_DISPLAY_NAME}'. Send an interactive authorization request for this user and resource.`,
    };
  }
  // prompt=consent asks again for what was already given.
  if (missing.length === 0 && !(prompt === 'consent' && needed.length > 0)) return undefined;
  if (state.consents.refuses(user.id)) return { error: 'access_denied', description: 'AADSTS65004: User declined to consent to access the app.' };
  state.consents.grant(user.id, needed);
  return undefined;
}

/**
 * GET shows the account picker (or signs in silently); the picker POSTs back here with `username`.
 * A bad client_id or redirect_uri gets an error page; every other error goes back to the redirect URI.
 */
export async function handleAuthorize(ctx: RequestContext, state: EmulatorState): Promise<void> {
  const isPost = ctx.method === 'POST';
  const params = isPost ? await readFormBody(ctx) : new URLSearchParams(ctx.rawQuery);
  const get = (name: string) => params.get(name) ?? undefined;
  const clientId = get('client_id');
  const redirectUri = get('redirect_uri');
  if (clientId === undefined || redirectUri === undefined) {
    const missing = clientId === undefined ? 'client_id' : 'redirect_uri';
    return sendHtml(ctx, 400, errorPage(`AADSTS900144: The request body must contain the following parameter: '${missing}'.`));
  }
  if (clientId !== CLIENT_ID) {
    return sendHtml(ctx, 400, errorPage(`AADSTS700016: Application with identifier '${clientId}' was not found in the directory '${TENANT_DISPLAY_NAME}'.`));
  }
  if (!isRegisteredRedirectUri(redirectUri)) {
    return sendHtml(
      ctx,
      400,
      errorPage(`AADSTS50011: The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${CLIENT_ID}'.`),
    );
  }
  const requestedMode = get('response_mode');
  const mode: ResponseMode = requestedMode === 'fragment' ? 'fragment' : 'query';
  const stateParam = get('state');
  const fail = (error: string, description: string) =>
    answer(ctx, redirectUri, mode, { error, error_description: description, state: stateParam });

  if (requestedMode !== undefined && requestedMode !== 'query' && requestedMode !== 'fragment') {
    return fail('invalid_request', `AADSTS900144: response_mode '${requestedMode}' is not supported by the emulator; use query or fragment.`);
  }
  if (get('response_type') !== 'code') {
    return fail('unsupported_response_type', `AADSTS700054: response_type '${get('response_type') ?? ''}' is not enabled for the application; use code.`);
  }
  const scope = get('scope') ?? '';
  try {
    resolveScopes(scope);
  } catch (error) {
    if (error instanceof ScopeError) return fail(scope.trim() === '' ? 'invalid_request' : 'invalid_scope', error.message);
    throw error;
  }
  const challenge = get('code_challenge');
  if (challenge === undefined || !/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    return fail('invalid_request', 'AADSTS9002325: Proof Key for Code Exchange is required: send a code_challenge (43 base64url characters, S256).');
  }
  if (get('code_challenge_method') !== 'S256') {
    return fail('invalid_request', `AADSTS50002: code_challenge_method '${get('code_challenge_method') ?? ''}' is not supported; use S256.`);
  }
  const prompt = get('prompt');
  if (prompt !== undefined && !prompts.has(prompt)) return fail('invalid_request', `AADSTS90023: Invalid prompt value '${prompt}'.`);

  const users = state.store.users;
  const showPicker = (status: number, notice?: string) => sendHtml(ctx, status, signInPage(ctx.pathname, params, users, notice));
  const hint = get('login_hint');
  const hinted = hint === undefined ? undefined : state.store.userByName(hint);
  const existing = state.grants.session(sessionIdFrom(ctx));
  const sessionUser = existing === undefined ? undefined : state.store.userById(existing.userId);

  const newSession = (who: User) => setSessionCookie(state.grants.startSession(who.id));
  let user: User;
  let cookie: string | undefined;
  if (isPost) {
    const chosen = state.store.userByName(get('username') ?? '');
    if (!chosen) return showPicker(400, `There is no demo account '${get('username') ?? ''}'. Pick one below.`);
    user = chosen;
    cookie = newSession(chosen);
  } else if (prompt === 'none') {
    if (!sessionUser || (hint !== undefined && hinted?.id !== sessionUser.id)) {
      return fail('login_required', 'AADSTS50058: A silent sign-in request was sent but no user is signed in.');
    }
    user = sessionUser;
  } else if (prompt === 'login' || prompt === 'select_account') {
    return showPicker(200);
  } else if (hinted) {
    user = hinted;
    cookie = newSession(hinted);
  } else if (sessionUser && hint === undefined) {
    user = sessionUser;
  } else {
    return showPicker(200, hint === undefined ? undefined : `There is no demo account '${hint}'. Pick one below.`);
  }
  ctx.notes.username = user.userPrincipalName;
  const refusal = consent(state, user, scope, prompt);
  if (refusal) return fail(refusal.error, refusal.description);
  const code = state.grants.issueCode({
    clientId,
    redirectUri,
    codeChallenge: challenge,
    scope,
    nonce: get('nonce'),
    userId: user.id,
  });
  answer(ctx, redirectUri, mode, { code, state: stateParam }, cookie);
}
