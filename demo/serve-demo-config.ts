import { existsSync } from 'node:fs';
import type { Connect, Plugin } from 'vite';
import { securityHeaders } from '../hosting/security-headers.ts';
import { demoConfig } from './demo-config.ts';

/**
 * Demo mode and the tests (dev server and `vite preview`): serves /config.json pointing at the emulator
 * unless a real public/config.json exists, and gives `vite preview` the production security headers with
 * the emulator as Graph and sign-in host. It only configures; the app code is the same as in production.
 */
export function serveDemoConfig(): Plugin {
  const emulatorOrigin = `http://localhost:${process.env.EMULATOR_PORT ?? '4010'}`;
  const apiVersion = process.env.DEMO_GRAPH_API_VERSION === 'beta' ? 'beta' : 'v1.0';
  const origins = { graph: [emulatorOrigin], login: [emulatorOrigin] };

  const config: Connect.NextHandleFunction = (request, response, next) => {
    if (request.url?.split('?')[0] !== '/config.json' || existsSync('public/config.json')) return next();
    response.setHeader('Content-Type', 'application/json');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(demoConfig(emulatorOrigin, apiVersion), null, 2));
  };
  const headers: Connect.NextHandleFunction = (request, response, next) => {
    const page = request.url?.startsWith('/redirect.html') ? 'redirect-bridge' : 'app';
    for (const [name, value] of Object.entries(securityHeaders(origins, page))) response.setHeader(name, value);
    next();
  };
  return {
    name: 'serve-demo-config',
    configureServer: (server) => void server.middlewares.use(config),
    configurePreviewServer: (server) => {
      server.middlewares.use(headers);
      server.middlewares.use(config);
    },
  };
}
