import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { suomifiTokens } from './vite-plugins/suomifi-tokens';

// The API serves the built app (dist/) from the same origin; in development Vite proxies /api
// to the API on port 3000, so the app always calls relative /api URLs.
export default defineConfig({
  // The Suomi.fi design tokens become CSS custom properties at build time (vite-plugins/suomifi-tokens.ts).
  plugins: [react(), suomifiTokens()],
  resolve: {
    alias: {
      // Compile the shared package from its TypeScript source (no CommonJS build in the bundle).
      '@salkku/shared': fileURLToPath(new URL('../../packages/shared/src/index.ts', import.meta.url)),
    },
  },
  server: {
    proxy: {
      '/api': 'http://localhost:3000',
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
  },
});
