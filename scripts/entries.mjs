/**
 * The package's entries, read from one place: the loader's map in src/retainkit.ts
 * (`'retain-x': async () => { await import('./x/x.js'); }`). Adding a widget to the loader adds its entry to the package
 * (`retainkit/x`), its React wrapper, the Node import check and the integrations' lists.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = dirname(dirname(fileURLToPath(import.meta.url)));

/** `[{ tag: 'retain-spin-wheel', name: 'spin-wheel', source: 'spin-wheel/spin-wheel' }, …]`, in the loader's order. */
export function readEntries() {
  const loader = readFileSync(join(root, 'src', 'retainkit.ts'), 'utf8');
  const entries = [...loader.matchAll(/'(retain-[a-z-]+)':\s*async\s*\(\)\s*=>\s*\{\s*await\s+import\('\.\/([\w/-]+)\.js'\);\s*\}/g)].map(
    ([, tag, source]) => ({
      tag,
      name: tag.slice('retain-'.length),
      source,
    }),
  );
  if (!entries.length) throw new Error('entries: found no widget in the loader map of src/retainkit.ts');
  return entries;
}

/** package.json's `exports` and `sideEffects` for those entries. */
export function packageFields(entries = readEntries()) {
  const exports = {
    '.': { types: './lib/retainkit.d.ts', default: './lib/retainkit.js' },
  };
  for (const { name, source } of entries) exports[`./${name}`] = { types: `./lib/${source}.d.ts`, default: `./lib/${source}.js` };
  exports['./react'] = { types: './lib/react/index.d.ts', default: './lib/react/index.js' };
  exports['./react/*'] = { types: './lib/react/*.d.ts', default: './lib/react/*.js' };
  exports['./jsx'] = { types: './types/jsx.d.ts' };
  exports['./jsx/solid'] = { types: './types/solid.d.ts' };
  exports['./custom-elements.json'] = './custom-elements.json';
  exports['./cdn/*'] = './dist/*';
  exports['./package.json'] = './package.json';
  // What runs on import: the loader (window.retainkit), each element module (defines its element), the
  // script-tag build. Everything else is pure and may be dropped by a bundler when unused. The element
  // modules' sources too: the kit's own build reads this field, and its loader imports them for their
  // effect alone (src/retainkit.ts).
  const sideEffects = [
    './lib/retainkit.js',
    ...entries.map(({ source }) => `./lib/${source}.js`),
    ...entries.map(({ source }) => `./src/${source}.ts`),
    './dist/*',
  ];
  return { exports, sideEffects };
}
