// The Custom Elements Manifest of the kit's source, made as `npm run cem` makes it (the analyzer with its
// Lit plugin over src/**/*.ts), without writing a file: the README check reads the kit's real events from it.
//
//   GET /test-api/manifest    the manifest (custom-elements.json), made once per test run
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { create, ts } from '@custom-elements-manifest/analyzer';
import { litPlugin } from '@custom-elements-manifest/analyzer/src/features/framework-plugins/lit/lit.js';

let made;

function manifest() {
  made ??= Promise.resolve().then(() => {
    const root = process.cwd();
    const files = readdirSync(join(root, 'src'), { recursive: true })
      .filter((file) => file.endsWith('.ts'))
      .map((file) => relative(root, join(root, 'src', file)));
    const modules = files.map((file) => ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.ES2015, true));
    return JSON.stringify(create({ modules, plugins: litPlugin() }));
  });
  return made;
}

export default async function manifestEndpoint(ctx, next) {
  if (ctx.path !== '/test-api/manifest') return next();
  ctx.type = 'application/json';
  ctx.body = await manifest();
}
