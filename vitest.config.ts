import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// Tests run against the TypeScript sources, so no build is needed before `vitest`.
export default defineConfig({
  resolve: {
    alias: {
      '@fioco-flow/rules': source('./packages/rules/src/index.ts'),
      // Before '@fioco-flow/core', which would otherwise match the subpath as a prefix.
      '@fioco-flow/core/testing': source('./packages/core/src/testing/index.ts'),
      '@fioco-flow/core': source('./packages/core/src/index.ts'),
      '@fioco-flow/store-postgres': source('./packages/store-postgres/src/index.ts'),
      '@fioco-flow/adapter-http': source('./packages/adapter-http/src/index.ts'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
