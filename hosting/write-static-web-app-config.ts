// Writes public/staticwebapp.config.json from security-headers.ts: `npx tsx hosting/write-static-web-app-config.ts`.
import { writeFileSync } from 'node:fs';
import { productionOrigins, securityHeaders } from './security-headers.ts';

const bridge = securityHeaders(productionOrigins, 'redirect-bridge');
const config = {
  navigationFallback: {
    rewrite: '/index.html',
    exclude: ['/assets/*', '/config.json', '/redirect.html', '/*.{svg,png,ico,json,txt}'],
  },
  globalHeaders: securityHeaders(productionOrigins),
  routes: [
    { route: '/redirect.html', headers: { 'Content-Security-Policy': bridge['Content-Security-Policy'] } },
    { route: '/config.json', headers: { 'Cache-Control': 'no-store' } },
  ],
  mimeTypes: { '.json': 'application/json' },
};
writeFileSync('public/staticwebapp.config.json', `${JSON.stringify(config, null, 2)}\n`);
