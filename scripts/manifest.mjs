// The Custom Elements Manifest of the kit's source, made in memory exactly as `npm run cem` (part of `npm run build`)
// writes custom-elements.json: the analyzer with its Lit plugin over src/**/*.ts, then the kit's own step from
// custom-elements-manifest.config.mjs (event types and detail fields, lib/ paths). The generators that write
// editor files are left out. Made from the source each time, so that it can never be a stale build's:
// scripts/docs-api.mjs prints the docs' API tables from it, and the tests read it (test/support/manifest.endpoint.mjs).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';
import { retainkitPlugin } from '../custom-elements-manifest.config.mjs';

/** The manifest of `root`'s src/**\/*.ts (the config's `globs`). */
export function makeManifest(root) {
  const files = readdirSync(join(root, 'src'), { recursive: true })
    .filter((file) => file.endsWith('.ts'))
    .sort()
    .map((file) =>
      relative(root, join(root, 'src', file))
        .split('\\')
        .join('/'),
    );
  const modules = files.map((file) => ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2015, true));
  return create({ modules, plugins: [...litPlugin(), retainkitPlugin()] });
}
