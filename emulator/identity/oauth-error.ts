import type { RequestContext } from '../http/context';
import { sendJson } from '../http/context';

/** Entra's JSON error for the token endpoint; the AADSTS number leads the description and fills error_codes. */
export function sendOAuthError(
  ctx: RequestContext,
  status: number,
  error: string,
  description: string,
  headers: Record<string, string> = {},
  extra: Record<string, string> = {},
): void {
  const timestamp = ctx.receivedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
  const code = /^AADSTS(\d+)/.exec(description)?.[1];
  sendJson(ctx, status, {
    error,
    error_description: `${description} Trace ID: ${ctx.requestId} Correlation ID: ${ctx.clientRequestId} Timestamp: ${timestamp}`,
    ...(code === undefined ? {} : { error_codes: [Number(code)] }),
    timestamp,
    trace_id: ctx.requestId,
    correlation_id: ctx.clientRequestId,
    ...extra,
  }, { Pragma: 'no-cache', ...headers });
}
