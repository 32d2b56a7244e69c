import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is served by the processor at /console/ and shipped inside its package (processor/console/).
export default defineConfig({
  base: '/console/',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: fileURLToPath(new URL('../processor/console', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // No inline script or data URL for scripts: the server's Content-Security-Policy allows 'self' only.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: { proxy: { '/api': 'http://127.0.0.1:4320' } },
});
