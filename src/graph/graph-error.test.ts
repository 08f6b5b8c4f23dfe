import { describe, expect, it } from 'vitest';
import { graphErrorFromResponse, parseRetryAfter } from './graph-error';

describe('graphErrorFromResponse', () => {
  it('reads code, message, request id and date from the Graph error body', async () => {
    const body = {
      error: {
        code: 'accessDenied',
        message: 'Caller is not a catalog owner.',
        innerError: { 'request-id': 'req-1', 'client-request-id': 'client-1', date: '2026-11-22T10:00:00' },
      },
    };
    const error = await graphErrorFromResponse(new Response(JSON.stringify(body), { status: 403 }));
    expect(error).toMatchObject({
      status: 403,
      code: 'accessDenied',
      message: 'Caller is not a catalog owner.',
      requestId: 'req-1',
      clientRequestId: 'client-1',
      date: '2026-11-22T10:00:00',
    });
  });

  it('accepts the lower-case innererror and falls back to headers for the ids', async () => {
    const body = { error: { code: 'generalException', message: 'Boom', innererror: { date: 'd' } } };
    const headers = { 'request-id': 'from-header', 'retry-after': '7' };
    const error = await graphErrorFromResponse(new Response(JSON.stringify(body), { status: 503, headers }));
    expect(error).toMatchObject({ code: 'generalException', requestId: 'from-header', date: 'd', retryAfterSeconds: 7 });
  });

  it('makes sense of a body that is not a Graph error', async () => {
    const error = await graphErrorFromResponse(new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    expect(error).toMatchObject({ status: 502, code: 'serviceNotAvailable', message: 'Microsoft Graph answered 502 Bad Gateway' });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });
});
