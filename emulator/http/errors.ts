/** A Graph error to answer with `{"error":{"code","message","innerError"}}`; thrown anywhere below a route handler. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** OData query and routing problems: Graph answers these with code `BadRequest`. */
export function badQuery(message: string): GraphError {
  return new GraphError(400, 'BadRequest', message);
}

/** Request bodies and business rules. */
export function invalidRequest(message: string): GraphError {
  return new GraphError(400, 'invalidRequest', message);
}

export function notFound(message: string): GraphError {
  return new GraphError(404, 'itemNotFound', message);
}

export function accessDenied(message: string): GraphError {
  return new GraphError(403, 'accessDenied', message);
}

export function conflict(message: string): GraphError {
  return new GraphError(409, 'conflict', message);
}

const defaultCodes: Record<number, string> = {
  400: 'invalidRequest',
  401: 'InvalidAuthenticationToken',
  403: 'accessDenied',
  404: 'itemNotFound',
  405: 'notSupported',
  408: 'requestTimeout',
  409: 'conflict',
  412: 'preconditionFailed',
  413: 'requestEntityTooLarge',
  414: 'requestUriTooLong',
  415: 'unsupportedMediaType',
  423: 'resourceLocked',
  429: 'TooManyRequests',
  431: 'requestHeaderFieldsTooLarge',
  500: 'generalException',
  501: 'notSupported',
  502: 'badGateway',
  503: 'serviceNotAvailable',
  504: 'gatewayTimeout',
};

const defaultMessages: Record<number, string> = {
  429: 'Too many requests, retry after the time given in the Retry-After header.',
  503: 'The service is temporarily unavailable. Please retry later.',
};

/** The code Graph uses for a status, for injected faults. */
export function defaultCode(status: number): string {
  return defaultCodes[status] ?? (status >= 500 ? 'generalException' : 'invalidRequest');
}

export function defaultMessage(status: number): string {
  return defaultMessages[status] ?? `The emulator answered ${status} as an injected fault.`;
}
