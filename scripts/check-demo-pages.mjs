#!/usr/bin/env node
// The demo pages keep their shared markup in demo/partials/ (see demo/server/partials.mjs). This expands every
// demo page as the dev server and the benchmark do, and fails unless each one comes out whole: every partial it
// names exists, no include marker is left, exactly one site <header>.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandPartials } from '../demo/server/partials.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const demo = join(root, 'demo');
const partials = join(demo, 'partials');

const problems = [];
const pages = readdirSync(demo)
  .filter((name) => name.endsWith('.html'))
  .sort();
if (pages.length === 0) problems.push('no demo/*.html pages found');
for (const page of pages) {
  let html;
  try {
    html = expandPartials(readFileSync(join(demo, page), 'utf8'), partials);
  } catch (error) {
    problems.push(`demo/${page}: ${error.message}`);
    continue;
  }
  if (html.includes('<!-- include:')) problems.push(`demo/${page}: an include marker is left after expansion`);
  const headers = html.match(/<header class="site-header"/g)?.length ?? 0;
  if (headers !== 1) problems.push(`demo/${page}: ${headers} site headers, expected 1`);
  if (!problems.some((line) => line.startsWith(`demo/${page}:`))) console.log(`demo/${page}: ok`);
}

// The guard itself: a marker naming a missing partial must stop the page, naming the partial.
try {
  expandPartials('<!-- include: no-such-partial.html -->', partials);
  problems.push('expandPartials let a marker naming a missing partial through');
} catch (error) {
  if (!error.message.includes('no-such-partial.html')) problems.push(`missing partial reported without its name: ${error.message}`);
}

for (const problem of problems) console.log(problem);
process.exit(problems.length ? 1 : 0);
