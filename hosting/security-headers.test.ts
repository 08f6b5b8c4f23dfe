import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, productionOrigins, securityHeaders } from './security-headers';

const staticWebAppConfig = JSON.parse(readFileSync('public/staticwebapp.config.json', 'utf8'));

describe('hosting headers', () => {
  it('lets scripts, styles and workers come only from the app itself', () => {
    const csp = contentSecurityPolicy(productionOrigins);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    // WebAssembly may compile (the SHA-256 of uploads); JavaScript eval and inline scripts stay refused.
    expect(csp.replace("'wasm-unsafe-eval'", '')).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(csp).toContain("worker-src 'self'");
  });

  it('limits connections to the app, Graph and the sign-in host', () => {
    expect(contentSecurityPolicy(productionOrigins)).toContain(
      "connect-src 'self' https://graph.microsoft.com https://login.microsoftonline.com",
    );
  });

  it('lets only our own page frame the redirect bridge, and nobody frame the app', () => {
    expect(contentSecurityPolicy(productionOrigins)).toContain("frame-ancestors 'none'");
    expect(contentSecurityPolicy(productionOrigins, 'redirect-bridge')).toContain("frame-ancestors 'self'");
  });

  it('is what public/staticwebapp.config.json serves', () => {
    expect(staticWebAppConfig.globalHeaders).toEqual(securityHeaders(productionOrigins));
    const bridge = staticWebAppConfig.routes.find((route: { route: string }) => route.route === '/redirect.html');
    expect(bridge.headers['Content-Security-Policy']).toBe(contentSecurityPolicy(productionOrigins, 'redirect-bridge'));
    expect(staticWebAppConfig.navigationFallback.rewrite).toBe('/index.html');
    expect(staticWebAppConfig.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(staticWebAppConfig.globalHeaders['Referrer-Policy']).toBe('no-referrer');
  });
});
