import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { serveDemoConfig } from './demo/serve-demo-config.ts';

export default defineConfig({
  plugins: [react(), serveDemoConfig()],
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  build: {
    rollupOptions: {
      // Two pages: the app, and MSAL's redirect bridge.
      input: { main: resolve(import.meta.dirname, 'index.html'), redirect: resolve(import.meta.dirname, 'redirect.html') },
    },
  },
});
