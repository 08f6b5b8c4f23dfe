import { AuthError, InteractionRequiredAuthError, ServerError } from '@azure/msal-browser';
import type { ErrorFacts } from '../components/error-message';

/**
 * A sign-in failure as the page shows it: plain words, and the facts Entra support asks for (the AADSTS code, trace
 * id, correlation id and time) in the shape Graph's errors use, instead of MSAL's raw text. Entra puts them in its
 * error_description ("AADSTS50058: … Trace ID: … Correlation ID: … Timestamp: …"), which MSAL passes on as errorMessage.
 */
export interface SignInFailure {
  message: string;
  facts: ErrorFacts;
}

const aadstsPattern = /\b(AADSTS\d+)\b/;
const after = (label: string, text: string) => new RegExp(`${label}:\\s*([^\\s]+(?: [0-9:.]+Z)?)`).exec(text)?.[1];

/** What Entra's description says before its ids: the sentence a person can act on. */
function plainWords(text: string): string {
  // MSAL's own filler when the service said nothing: a link, not words.
  if (text.startsWith('See https://aka.ms/msal')) return '';
  // MSAL wraps Entra's description: "Error(s): 70008 - Timestamp: … - Description: AADSTS70008: … Trace ID: …".
  const description = text.includes('Description: ') ? text.slice(text.indexOf('Description: ') + 'Description: '.length) : text;
  const withoutIds = description.split(/\s*Trace ID:/)[0] ?? description;
  return withoutIds.replace(/^[a-z_]+:\s*/, '').replace(/^AADSTS\d+:\s*/, '').trim();
}

export function describeSignInFailure(error: unknown, now: () => Date = () => new Date()): SignInFailure {
  if (!(error instanceof AuthError)) {
    const message = error instanceof Error ? error.message : String(error);
    return { message, facts: { code: 'unknown', ids: [], time: now().toISOString() } };
  }
  const text = error.errorMessage || error.message;
  const aadsts = aadstsPattern.exec(text)?.[1];
  // MSAL keeps Entra's trace id and timestamp on interaction-required errors; the description has them for the rest.
  const fromMsal = error instanceof InteractionRequiredAuthError ? error : undefined;
  const traceId = after('Trace ID', text) ?? (fromMsal?.traceId || undefined);
  const correlationId = after('Correlation ID', text) ?? (error.correlationId || undefined);
  const timestamp = after('Timestamp', text) ?? (fromMsal?.timestamp || undefined);
  const ids = [
    { label: 'Trace ID', value: traceId },
    { label: 'Correlation ID', value: correlationId },
  ].filter((id): id is { label: string; value: string } => Boolean(id.value));
  const code = aadsts ? `${aadsts} (${error.errorCode})` : error.errorCode;
  const words = plainWords(text);
  const fromEntra = error instanceof ServerError || fromMsal !== undefined;
  return {
    message: !words ? 'The sign-in did not complete.' : fromEntra ? `Microsoft Entra ID refused the sign-in: ${words}` : `The sign-in did not complete: ${words}`,
    facts: { code, ids, time: timestamp ?? now().toISOString() },
  };
}

let redirectFailure: unknown;

/** Kept when MSAL's redirect result is an error, so that the sign-in page can say what went wrong. */
export function rememberRedirectFailure(error: unknown) {
  redirectFailure = error;
}

/** The failure of the redirect that just came back, once: a reload or a new attempt starts clean. */
export function takeRedirectFailure(): unknown {
  const error = redirectFailure;
  redirectFailure = undefined;
  return error;
}
