import { existsSync } from 'node:fs';
import type { Connect, Plugin } from 'vite';
import { demoConfig } from './demo-config.ts';

/**
 * Serves /config.json for demo mode and the tests (dev server and `vite preview`) unless a real
 * public/config.json exists. It only configures; the app code is the same as in production.
 */
export function serveDemoConfig(): Plugin {
  const port = process.env.EMULATOR_PORT ?? '4010';
  const apiVersion = process.env.DEMO_GRAPH_API_VERSION === 'beta' ? 'beta' : 'v1.0';
  const middleware: Connect.NextHandleFunction = (request, response, next) => {
    if (request.url?.split('?')[0] !== '/config.json' || existsSync('public/config.json')) return next();
    response.setHeader('Content-Type', 'application/json');
    response.setHeader('Cache-Control', 'no-store');
    response.end(JSON.stringify(demoConfig(`http://localhost:${port}`, apiVersion), null, 2));
  };
  return {
    name: 'serve-demo-config',
    configureServer: (server) => void server.middlewares.use(middleware),
    configurePreviewServer: (server) => void server.middlewares.use(middleware),
  };
}
