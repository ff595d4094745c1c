import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { demoPartials } from './demo/server/partials-plugin.ts';
import { demoServer } from './demo/server/plugin.ts';

const root = import.meta.dirname;

export default defineConfig({
  // `npm start` serves the demo storefront; `npm run build` builds the kit that stores paste.
  server: { open: '/demo/' },
  // Built URLs relative to the chunk that uses them: the report's worker file is found next to the kit
  // wherever a store hosts dist/ (an absolute /assets/… would point at the store's root).
  base: './',
  plugins: [demoServer(), demoPartials()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    lib: {
      entry: resolve(root, 'src/retainkit.ts'),
      formats: ['es'],
      fileName: () => 'retainkit.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        chunkFileNames: 'chunks/[name]-[hash].js',
      },
    },
  },
});
