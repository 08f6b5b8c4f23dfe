import { REDIRECT_URIS } from '../config';

const loopbackHosts = new Set(['localhost', '127.0.0.1']);

/** Entra's rule for the demo's loopback redirect URIs: scheme, host and path must match; the port is ignored. */
export function isRegisteredRedirectUri(uri: string): boolean {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return false;
  }
  if (url.search !== '' || url.hash !== '' || url.username !== '' || url.password !== '') return false;
  return REDIRECT_URIS.some((registered) => {
    const r = new URL(registered);
    const portMatches = loopbackHosts.has(r.hostname) || url.port === r.port;
    return url.protocol === r.protocol && url.hostname === r.hostname && url.pathname === r.pathname && portMatches;
  });
}
