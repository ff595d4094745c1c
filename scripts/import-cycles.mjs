#!/usr/bin/env node
// Import cycles among the kit's modules (part of `npm run lint`, without the spin wheel while `wheel` reworks it):
// `node scripts/import-cycles.mjs [--skip DIR]… [DIR]` (default src)
// prints each cycle and exits 1 when there is one. Every import counts, `import type` and dynamic
// `import()` too: a part that imports its element's type while the element loads the part is still two
// files that cannot be understood (or moved) one without the other. Read with TypeScript's own
// pre-processor, so it follows the imports tsc sees.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const args = process.argv.slice(2);
const skip = [];
const roots = [];
for (let i = 0; i < args.length; i += 1) {
  if (args[i] === '--skip') skip.push(resolve(args[++i]));
  else roots.push(resolve(args[i]));
}
if (!roots.length) roots.push(resolve('src'));
const skipped = (file) => skip.some((dir) => file === dir || file.startsWith(`${dir}/`));

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.ts$/.test(name) && !/\.d\.ts$/.test(name)) yield path;
  }
}

/** `./x.js` from `from` → the .ts file it names, or undefined (a package, or a file outside). */
function target(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base.replace(/\.js$/, '.ts'), base, `${base}.ts`, join(base, 'index.ts')]) {
    if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const graph = new Map();
for (const root of roots) {
  for (const file of files(root)) {
    if (skipped(file)) continue;
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const edges = new Set();
    for (const { fileName } of importedFiles) {
      const to = target(file, fileName);
      if (to && !skipped(to)) edges.add(to);
    }
    graph.set(file, edges);
  }
}

// Tarjan's strongly connected components: every component of two or more files holds a cycle.
let index = 0;
const stack = [];
const meta = new Map();
const components = [];
function connect(node) {
  meta.set(node, { index, low: index, onStack: true });
  index += 1;
  stack.push(node);
  for (const next of graph.get(node) ?? []) {
    if (!graph.has(next)) continue;
    if (!meta.has(next)) {
      connect(next);
      meta.get(node).low = Math.min(meta.get(node).low, meta.get(next).low);
    } else if (meta.get(next).onStack) meta.get(node).low = Math.min(meta.get(node).low, meta.get(next).index);
  }
  if (meta.get(node).low === meta.get(node).index) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      meta.get(member).onStack = false;
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node).has(node)) components.push(component);
  }
}
for (const node of graph.keys()) if (!meta.has(node)) connect(node);

const name = (file) => relative(process.cwd(), file);
for (const component of components) {
  const members = new Set(component);
  console.log(`Import cycle among ${component.length} files:`);
  for (const file of component.sort()) {
    const inside = [...graph.get(file)].filter((to) => members.has(to)).map(name);
    console.log(`  ${name(file)} → ${inside.join(', ')}`);
  }
}
console.log(components.length ? `${components.length} import cycle(s).` : `No import cycles in ${graph.size} files.`);
process.exit(components.length ? 1 : 0);
