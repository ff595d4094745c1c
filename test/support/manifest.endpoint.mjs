// The Custom Elements Manifest of the kit's source, made as `npm run cem` makes it (scripts/manifest.mjs), without
// writing a file, and the list of the docs that name events: the docs check (test/readme-events.test.ts) reads them.
//
//   GET /test-api/manifest    the manifest (custom-elements.json), made once per test run
//   GET /test-api/docs        the docs a merchant reads: README.md and every docs/*.md, each `{ path, text }` with its
//                             path from the root and its Markdown as written (the server's /docs/ answers HTML, as
//                             the demo's docs route does)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeManifest } from '../../scripts/manifest.mjs';

let made;

export default async function manifestEndpoint(ctx, next) {
  if (ctx.path === '/test-api/manifest') {
    made ??= Promise.resolve().then(() => JSON.stringify(makeManifest(process.cwd())));
    ctx.type = 'application/json';
    ctx.body = await made;
  } else if (ctx.path === '/test-api/docs') {
    const pages = readdirSync(join(process.cwd(), 'docs'))
      .filter((file) => file.endsWith('.md'))
      .sort()
      .map((file) => `docs/${file}`);
    const root = process.cwd();
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(['README.md', ...pages].map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })));
  } else return next();
}
