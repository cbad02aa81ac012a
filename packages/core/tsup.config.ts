import { defineConfig } from 'tsup';

export default defineConfig({
  // The testing entry holds the store contract suite; it imports vitest, a peer dependency, so it stays apart
  // from the main entry.
  entry: { index: 'src/index.ts', 'testing/index': 'src/testing/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'node20',
  external: ['vitest'],
});
