import { defineConfig } from 'vitest/config';

/**
 * Workspace packages resolve to their TypeScript sources (the `@tracehound/source` export condition of each
 * package.json), so tests never run against a stale dist/. The others are Vitest's own server defaults.
 */
const conditions = ['@tracehound/source', 'node', 'development|production'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
