import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { demoPartials } from './demo/server/partials-plugin.ts';
import { demoServer } from './demo/server/plugin.ts';
import { compileHints } from './scripts/compile-hints.ts';
import { templateLiterals } from './scripts/template-literals.ts';
import { standaloneLoader } from './scripts/standalone-loader.ts';

const root = import.meta.dirname;

export default defineConfig({
  // `npm start` serves the demo storefront; `npm run build` builds the kit that stores paste.
  server: { open: '/demo/' },
  // Built URLs relative to the chunk that uses them: the report's worker file is found next to the kit
  // wherever a store hosts dist/ (an absolute /assets/… would point at the store's root).
  base: './',
  plugins: [demoServer(), demoPartials(), standaloneLoader(resolve(root, 'src/retainkit.ts')), templateLiterals(), compileHints()],
  build: {
    target: 'es2022',
    outDir: 'dist',
    // Flat, with the chunks: a Shopify theme app extension's assets/ folder takes no sub-folders (the report's worker).
    assetsDir: '',
    emptyOutDir: true,
    // Written beside each file, named by none: a `sourceMappingURL` line cost each file 25–40 B brotli for every
    // shopper, and the Shopify and WordPress copies, which carry no maps, named maps that were not there.
    sourcemap: 'hidden',
    lib: {
      entry: resolve(root, 'src/retainkit.ts'),
      formats: ['es'],
      fileName: () => 'retainkit.js',
    },
    rolldownOptions: {
      output: {
        minify: true,
        // No comment survives minification: the `@__PURE__` marks the minifier keeps are for a bundler, and
        // nothing bundles these files again (133 of them, 16 bytes each, were in the build).
        comments: false,
        // Flat: a Shopify theme app extension's assets/ folder takes no sub-folders.
        chunkFileNames: '[name]-[hash].js',
        // What always loads together is one chunk (each chunk costs a task to fetch, parse and link):
        // Lit with the core a first render needs and the looks every widget shares (its root reset, light
        // and dark from the page, the screen-reader-only rule; the kit is then about 9,760 B gzip of
        // Shopify's 10,000 B a file); the small core that both a first render and the storage code use
        // (the attribute parsers and the store's times, ids, the cross-tab channel, the define step: apart, to keep every file
        // under Shopify's limit, and so that the storage code never brings Lit); and, after the first
        // frame, all the storage code (with the page-view count, which the loader runs at idle on every
        // page, even one whose widgets are all below the fold, and the consent it follows), with a product
        // page's view recording (`<retain-product>` and `<retain-order>` record through it at idle: one
        // chunk, not four). Lit's directive base (the loyalty panel's only) stays out of the kit chunk.
        codeSplitting: {
          groups: [
            {
              name: 'kit',
              test: /node_modules[\\/](lit|lit-html|lit-element|@lit[\\/]reactive-element)[\\/](?!directive\.js)|src[\\/]core[\\/](element|decorators|localize|events|tasks|pacing|parts|stored|retried-import|host-reset|scheme|sr\.styles)\.ts$/,
            },
            // First (a group also takes in what its modules import): the kit's events import ids.
            { name: 'config', test: /src[\\/]core[\\/](config|broadcast|ids|define|read-time)\.ts$/, priority: 1 },
            // The review showcase's data checks, sorts and source, apart from its element: together they
            // were over 10,000 B gzip. Both are static imports of the widget chunk, fetched side by side.
            { name: 'review-data', test: /src[\\/]review-showcase[\\/]review-(data|query|source)\.ts$/ },
            {
              name: 'store',
              test: /node_modules[\\/]idb[\\/]|src[\\/]core[\\/](store|storage|counters|cooldowns|orders|page-views|consent|recorder)\.ts$|src[\\/]recently-viewed[\\/](viewed|product-data)\.ts$/,
            },
          ],
        },
      },
    },
  },
});
