/**
 * A Vite plugin for the script-tag build: the loader (`src/retainkit.ts`) becomes one file that imports
 * nothing statically and declares nothing at the top level, so that it
 *  - fetches no other file at start-up (the bundler would otherwise put a module the loader shares with
 *    the widgets, such as `core/near.ts`, into the widgets' shared chunk, and the loader would import that
 *    chunk, Lit included, on every page);
 *  - runs as a classic script too (Google Tag Manager's `injectScript`, a tag manager's custom HTML):
 *    no `import`/`export` statement, and its variables stay in a function instead of becoming page globals.
 * Each module the loader imports statically is given to it as a private copy (the same file under
 * another id); the few hundred bytes it shares with the widgets are paid twice, the kit chunk not at all.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const COPY = '?retainkit-loader-copy';

export function standaloneLoader(loader: string): Plugin {
  const fromLoader = (importer: string | undefined) => importer !== undefined && (importer === loader || importer.endsWith(COPY));
  return {
    name: 'retainkit:standalone-loader',
    enforce: 'pre',
    apply: 'build',
    async resolveId(source, importer, options) {
      if (!fromLoader(importer) || options.kind !== 'import-statement') return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || resolved.id.includes('node_modules')) return resolved;
      return `${resolved.id.replace(/\?.*$/, '')}${COPY}`;
    },
    async load(id) {
      if (!id.endsWith(COPY)) return null;
      return { code: await readFile(id.slice(0, -COPY.length), 'utf8'), moduleType: 'ts' };
    },
    outputOptions(options) {
      const isLoader = (chunk: { isEntry: boolean; facadeModuleId: string | null }) => chunk.isEntry && chunk.facadeModuleId === loader;
      // After minification, so that no minifier unwraps it (in a module, the top level is already private).
      return {
        ...options,
        sourcemapPathTransform: (path) => path.replace(COPY, ''),
        postBanner: (chunk) => (isLoader(chunk) ? '(()=>{\n' : ''),
        postFooter: (chunk) => (isLoader(chunk) ? '\n})();' : ''),
      };
    },
    generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk' || !chunk.isEntry || chunk.facadeModuleId !== loader) continue;
        if (chunk.imports.length || chunk.exports.length)
          this.error(
            `the loader must import and export nothing statically; it imports [${chunk.imports.join(', ')}], exports [${chunk.exports.join(', ')}]`,
          );
      }
    },
  };
}
