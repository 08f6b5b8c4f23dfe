/**
 * The hosting headers, in one place for `vite preview` (demo, tests) and for Azure Static Web Apps
 * (public/staticwebapp.config.json, checked against this by a test).
 */
export interface HostOrigins {
  /** Where Graph calls go. */
  graph: string[];
  /** Where sign-in happens: token requests (connect) and the hidden renewal iframe (frame). */
  login: string[];
}

export const productionOrigins: HostOrigins = {
  graph: ['https://graph.microsoft.com'],
  login: ['https://login.microsoftonline.com'],
};

export function contentSecurityPolicy(origins: HostOrigins, page: 'app' | 'redirect-bridge' = 'app'): string {
  const connect = [...new Set(["'self'", ...origins.graph, ...origins.login])];
  // The renewal iframe starts at the login host and ends on our own redirect bridge.
  const frame = [...new Set(["'self'", ...origins.login])];
  return [
    "default-src 'none'",
    // 'wasm-unsafe-eval' lets WebAssembly compile (hash-wasm's SHA-256 in the CSV worker) and nothing else: no eval, no inline.
    "script-src 'self' 'wasm-unsafe-eval'",
    // Fluent's Griffel adds rules through the CSSOM to <style> elements it creates empty: allow exactly the empty one.
    "style-src 'self' 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ${connect.join(' ')}`,
    `frame-src ${frame.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    // MSAL's silent renewal loads the redirect bridge in a hidden iframe of our own page: only it may be framed, and only by us.
    page === 'redirect-bridge' ? "frame-ancestors 'self'" : "frame-ancestors 'none'",
  ].join('; ');
}

export function securityHeaders(origins: HostOrigins, page: 'app' | 'redirect-bridge' = 'app'): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(origins, page),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
  };
}
