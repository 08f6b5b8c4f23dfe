import type { EmulatorState } from '../emulator-state';
import type { RequestContext } from '../http/context';
import { badQuery, GraphError } from '../http/errors';
import { ownValue } from '../odata/limits';

export type ApiVersion = 'v1.0' | 'beta';
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

export interface RouteRequest {
  version: ApiVersion;
  /** Route parameters by name, percent-decoded. */
  params: Record<string, string>;
  /** OData path of the addressed collection, e.g. "identityGovernance/catalogs('…')/resources", for @odata.context. */
  collectionPath: string;
}

export type Handler = (ctx: RequestContext, state: EmulatorState, route: RouteRequest) => Promise<void>;

export interface Route {
  version: ApiVersion;
  /** Literal segments and `{name}` parameters, after the version segment. */
  segments: readonly string[];
  methods: Partial<Record<Method, Handler>>;
}

export interface Match {
  handler: Handler;
  request: RouteRequest;
}

const isParam = (segment: string) => segment.startsWith('{');

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw badQuery(`The URL path segment '${segment}' has an invalid percent-encoding.`);
  }
}

/** OData path: a key follows its collection as ('key'), quotes doubled. */
function odataPath(pattern: readonly string[], values: readonly string[]): string {
  let path = '';
  pattern.forEach((segment, index) => {
    const value = values[index] ?? '';
    path += isParam(segment) ? `('${value.replaceAll("'", "''")}')` : `${path === '' ? '' : '/'}${segment}`;
  });
  return path;
}

/**
 * Finds the route for `/{version}/...`. Like Graph, an unknown path is a 400 naming the first segment no route
 * knows, and a known path with another method is a 405.
 */
export function matchRoute(routes: readonly Route[], ctx: RequestContext): Match {
  const [, versionSegment = '', ...raw] = ctx.pathname.split('/');
  const segments = raw.map(decodeSegment);
  const candidates = routes.filter((r) => r.version === versionSegment);
  let deepest = 0;
  for (const route of candidates) {
    let matched = 0;
    while (matched < segments.length && matched < route.segments.length) {
      const pattern = route.segments[matched] ?? '';
      if (!isParam(pattern) && pattern !== segments[matched]) break;
      matched += 1;
    }
    deepest = Math.max(deepest, matched);
    if (matched !== segments.length || matched !== route.segments.length) continue;
    const handler = ownValue(route.methods, ctx.method);
    if (!handler) {
      throw new GraphError(405, 'notSupported', `The HTTP method '${ctx.method}' is not supported on this resource.`, {
        Allow: Object.keys(route.methods).join(', '),
      });
    }
    const params: Record<string, string> = {};
    route.segments.forEach((pattern, index) => {
      if (isParam(pattern)) params[pattern.slice(1, -1)] = segments[index] ?? '';
    });
    const last = route.segments.length - 1;
    const collectionLength = isParam(route.segments[last] ?? '') ? last : route.segments.length;
    return {
      handler,
      request: {
        version: route.version,
        params,
        collectionPath: odataPath(route.segments.slice(0, collectionLength), segments.slice(0, collectionLength)),
      },
    };
  }
  if (candidates.length === 0) throw badQuery(`Invalid version: '${versionSegment}'. The emulator serves v1.0 and beta.`);
  const unknown = segments[deepest];
  throw badQuery(
    unknown === undefined || unknown === '' ? 'The URL does not address a resource the emulator serves.' : `Resource not found for the segment '${unknown}'.`,
  );
}
