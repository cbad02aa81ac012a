import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The page is plain TypeScript with Preact and htm templates: no JSX transform, so the root tsconfig
// type-checks it with the server code.
export default defineConfig({
  root: fileURLToPath(new URL('./src/web', import.meta.url)),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('./dist-web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
  },
});
