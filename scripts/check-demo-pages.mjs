#!/usr/bin/env node
// The demo pages keep their shared markup in demo/partials/ (see demo/server/partials.mjs). This expands every
// demo page as the dev server and the benchmark do, and fails unless each one comes out whole: every partial it
// names exists, no include marker is left, exactly one site <header>; and every widget on a page links to its page
// in docs/ (the footer's "How it works"), each such link naming a page that exists (demo/server/docs.route.ts
// serves them at /docs/<page>.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expandPartials } from '../demo/server/partials.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const demo = join(root, 'demo');
const partials = join(demo, 'partials');

const problems = [];

/** The widgets' tags in a page's markup (a wheel's <retain-slice> prizes are part of the wheel). */
const widgetsOf = (html) =>
  new Set([...html.matchAll(/<(retain-[a-z-]+)[\s>]/g)].map((match) => match[1]).filter((tag) => tag !== 'retain-slice'));

/** Problems with a page's links to docs/: one that names no page, or a widget of the page without its link. */
function docsLinkProblems(page, html) {
  const found = [];
  const linked = new Set();
  for (const [, href] of html.matchAll(/href="([^"]*docs\/[^"]*)"/g)) {
    const path = posix.normalize(posix.join('/demo/', href));
    const name = /^\/docs\/([\w-]+)\.md$/.exec(path)?.[1];
    if (!name || !existsSync(join(root, 'docs', `${name}.md`)))
      found.push(`demo/${page}: the link ${href} leads to ${path}, no page in docs/`);
    else linked.add(`retain-${name}`);
  }
  for (const tag of widgetsOf(html))
    if (!linked.has(tag)) found.push(`demo/${page}: <${tag}> has no link to docs/${tag.slice('retain-'.length)}.md`);
  return found;
}
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
  problems.push(...docsLinkProblems(page, html));
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
