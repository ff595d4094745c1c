// What the benchmarks serve: the built kit (built into the bench's own directory), the peers bundled the
// way the kit is, the demo product page with and without the kit, and the small bench pages. Everything
// is made in memory or in a temporary directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandPartials } from '../../demo/server/partials.mjs';
import { ROOT } from './lib.mjs';

const PAGES = join(ROOT, 'test/bench/pages');
export const WIDGETS = ['spin-wheel', 'loyalty-badge', 'review-showcase', 'account-prompt'];
export const work = mkdtempSync(join(tmpdir(), 'retainkit-bench-'));
export const cleanup = () => rmSync(work, { recursive: true, force: true });

function run(command, args) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return result;
}

/**
 * `npx vite build` with the project's own config (lib mode, ES, rolldown minify) into a directory of the
 * bench's own (so a build by someone else mid-run cannot change what is measured), then `npm run size`'s
 * figures for that build (`scripts/size.mjs --json --dist=…`: loader, each widget's first load, whole kit).
 */
export function buildKit() {
  const dist = join(work, 'dist');
  const args = [
    join(ROOT, 'node_modules/vite/bin/vite.js'),
    'build',
    '--config',
    'vite.config.ts',
    '--outDir',
    dist,
    '--emptyOutDir',
    '--logLevel',
    'warn',
  ];
  let build = run(process.execPath, args);
  // Sources change under a shared work tree; a file caught mid-edit gets one more chance.
  if (build.status !== 0) build = (spawnSync('sleep', ['5']), run(process.execPath, args));
  if (build.status !== 0) {
    const lines = `${build.stderr}\n${build.stdout}`
      .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'), '') // colours
      .split('\n')
      .filter((l) => l.trim() && !/^\s+at /.test(l));
    throw new Error(`vite build failed: ${lines.slice(0, 4).join(' / ')}`);
  }
  const size = run(process.execPath, [join(ROOT, 'scripts/size.mjs'), '--json', `--dist=${dist}`]);
  let sizes;
  try {
    sizes = JSON.parse(size.stdout);
  } catch {
    throw new Error(`scripts/size.mjs --json printed no JSON: ${(size.stdout + size.stderr).trim().slice(0, 300)}`);
  }
  return { dist, sizes };
}

/** The peers, each bundled from its entry under test/bench/pages/ exactly as the kit is built. */
export const PEERS = [
  { name: 'spin-wheel', entry: 'peer-spin-wheel.js', what: 'spin-wheel 5 (canvas wheel)', wheel: true },
  { name: 'lucky-canvas', entry: 'peer-lucky-canvas.js', what: 'lucky-canvas 1 (LuckyWheel)', wheel: true },
  { name: 'lit-idb-floor', entry: 'peer-lit-idb.js', what: 'one Lit element + idb (the floor)', wheel: false },
];

export async function buildPeers() {
  const { build } = await import('vite');
  const out = join(work, 'peers');
  for (const peer of PEERS) {
    await build({
      configFile: false,
      root: ROOT,
      logLevel: 'warn',
      build: {
        target: 'es2022',
        outDir: join(out, peer.name),
        emptyOutDir: true,
        sourcemap: false,
        lib: { entry: join(PAGES, peer.entry), formats: ['es'], fileName: () => `${peer.name}.js` },
        rolldownOptions: { output: { minify: true, chunkFileNames: 'chunks/[name]-[hash].js' } },
      },
    });
  }
  return out;
}

/** Every .js file of a peer's build (its entry and any chunk), for sizing. */
export function peerFiles(out, name) {
  const dir = join(out, name);
  const list = (d) =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? list(join(d, e.name)) : e.name.endsWith('.js') ? [join(d, e.name)] : [],
    );
  return list(dir);
}

/** One ES bundle (esbuild, minified) of a TypeScript/JS entry, for pages that are not the kit. */
export const bundle = (entry) => bundled({ entryPoints: [entry] });

/** The same, of module source made by the bench (its imports resolved from the project's node_modules). */
export const bundleSource = (source) => bundled({ stdin: { contents: source, resolveDir: ROOT, loader: 'js' } });

async function bundled(input) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    ...input,
    bundle: true,
    write: false,
    format: 'esm',
    minify: true,
    target: 'es2022',
    logLevel: 'silent',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
  });
  return { type: 'text/javascript', body: result.outputFiles[0].text };
}

// ---- The demo product page, as a store page with the pasted kit and without it -----------------------

/** Widgets the product page should carry; added in memory where the demo page does not (yet) have them. */
const FALLBACKS = {
  'retain-loyalty-badge': {
    slot: /<!--\s*retain-loyalty-badge:[^>]*-->/,
    html: '<retain-loyalty-badge instance="header" currency="EUR" tiers="Bronze 0, Silver 150, Gold 500" punch-every="5"></retain-loyalty-badge>',
  },
  'retain-review-showcase': {
    slot: /<!--\s*retain-review-showcase:[^>]*full[^>]*-->/,
    html: '<retain-review-showcase instance="product" src="./data/reviews/jasmine-silver-needle.json" page-size="5"></retain-review-showcase>',
  },
  'retain-spin-wheel': {
    slot: /<!--\s*retain-spin-wheel:[^>]*-->/,
    html: `<retain-spin-wheel instance="exit-offer" mode="popup" trigger="exit-intent" launcher cooldown="30d">
      <retain-slice code="TEA10">10% off</retain-slice><retain-slice type="none">Not this time</retain-slice></retain-spin-wheel>`,
  },
  'retain-account-prompt': {
    // The demo has it on the order page; the issue measures all four on one page, so it goes under the reviews.
    slot: /<\/main>/,
    html: '<retain-account-prompt order-id="bench-order-1" total="18.50" currency="EUR" password="optional" incentive-points="100"></retain-account-prompt>\n</main>',
  },
};

const KIT_TAG = /<script type="module" src="\/src\/retainkit\.ts"><\/script>/;
/** The kit's built loader, as a store pastes it. */
const LOADER = '/dist/retainkit.js';

/**
 * A demo page as a store would serve it: the shared head, header and footer expanded from demo/partials/
 * (as the dev server does), the shop's own page scripts bundled (the demo's TypeScript for Vite dev, bundled
 * with esbuild here, served under /demo/__bench/), the demo's developer console left out (not part of a
 * store). Returns its HTML, still with the kit's dev script tag (see `withScript`), and the scripts' pages.
 */
async function storePage(file) {
  const html = expandPartials(readFileSync(join(ROOT, 'demo', file), 'utf8'), join(ROOT, 'demo/partials'))
    .replace(/\s*<link rel="stylesheet" href="\.\/console\.css"\s*\/?>/, '')
    .replace(/\s*<script type="module" src="\.\/console\.ts"><\/script>/, '');
  if (!KIT_TAG.test(html)) throw new Error(`demo/${file} has no <script type="module" src="/src/retainkit.ts"> to replace`);
  const entries = {};
  const page = html.replace(/<script type="module" src="\.\/([\w-]+)\.ts"><\/script>/g, (whole, name) => {
    entries[`/demo/__bench/${name}.js`] = join(ROOT, `demo/${name}.ts`);
    return `<script type="module" src="./__bench/${name}.js"></script>`;
  });
  const scripts = {};
  for (const [path, entry] of Object.entries(entries)) scripts[path] = await bundle(entry);
  return { html: page, scripts };
}

/** The page with the kit's dev script tag replaced by a module script (`src`), or by nothing. */
const withScript = (html, src) => html.replace(KIT_TAG, src ? `<script type="module" src="${src}"></script>` : '');

/**
 * A page's three variants for page load, named `/demo/__bench-<prefix>with-kit.html` and so on: with the
 * kit, without it (elements left inert), and with the floor's script, served from `floor.script`, which is
 * made from the kit's own drawing in the first load of a run (floor.mjs). The Lit floor's script, made the
 * same way (`floor.litScript`), is only ever added to a settled page without the kit.
 */
function variants(html, prefix = '') {
  const floor = { script: null, litScript: null };
  const floorSrc = `/demo/__bench/${prefix}floor.js`;
  const litFloorSrc = `/demo/__bench/${prefix}lit-floor.js`;
  const served = (script, what) => () => ({
    type: 'text/javascript',
    body: script() ?? `throw new Error("bench: the ${prefix}${what} has no snapshot of the kit yet")`,
  });
  const urls = {
    with: `/demo/__bench-${prefix}with-kit.html`,
    without: `/demo/__bench-${prefix}without-kit.html`,
    floorPage: `/demo/__bench-${prefix}floor.html`,
  };
  const pages = {
    [urls.with]: withScript(html, LOADER),
    [urls.without]: withScript(html, null),
    [urls.floorPage]: withScript(html, floorSrc),
    [floorSrc]: served(() => floor.script, 'floor'),
    [litFloorSrc]: served(() => floor.litScript, 'Lit floor'),
  };
  return { pages, floor, floorSrc, litFloorSrc, ...urls };
}

/**
 * demo/product.html as a store would serve it (`storePage`), every widget present, and the kit's script tag
 * either the built loader or gone (elements left inert).
 */
export async function productPages() {
  const store = await storePage('product.html');
  let html = store.html;
  const added = [];
  for (const [tag, { slot, html: element }] of Object.entries(FALLBACKS)) {
    if (html.includes(`<${tag}`)) continue;
    if (!slot.test(html)) throw new Error(`demo/product.html has no <${tag}> and no place for one`);
    html = html.replace(slot, element);
    added.push(tag);
  }
  const { pages, floor, ...urls } = variants(html);
  Object.assign(pages, {
    // The store's event endpoint that the page's <retain-forward to="endpoint"> posts to (Vite middleware in dev).
    '/demo-api/events': { type: 'application/json', body: '{}' },
    '/demo/__bench-below-fold.html': belowTheFold(withScript(html, LOADER)),
    ...store.scripts,
  });
  return { pages, added, floor, ...urls, belowFold: '/demo/__bench-below-fold.html' };
}

// ---- The demo order page (a thank-you page), as a store page with the pasted kit and without it --------

/**
 * The widgets of the order page that draw (settled on and copied for the floor): the header's offer reminder
 * and loyalty badge, then the order's account prompt, next-order offer, survey and referral. `<retain-order>`
 * and the forwarders draw nothing: the kit readies them at idle, and their work counts among the kit's tasks.
 */
const ORDER_WIDGETS = ['retain-next-order-offer', 'retain-loyalty-badge', 'retain-account-prompt', 'retain-survey', 'retain-referral'].join(
  ',',
);

/**
 * demo/order.html as a store would serve it (`storePage`): the confirmation of an order placed just now (the
 * bench's first module script keeps one where the demo's checkout does, so the page's own script renders its
 * summary and fills `<retain-order>`, the account prompt, the offer and the survey from it, as a store's server
 * renders them), then the five widgets configured as the demo shows them: the offer from a pool of codes and
 * the referral from a code (no request at load), the account prompt and the survey posting to the demo's
 * endpoints (served here, though only an answer posts).
 */
export async function orderPages() {
  const store = await storePage('order.html');
  const first = /<script type="module" src="\.\/__bench\/order\.js"><\/script>/;
  if (!first.test(store.html)) throw new Error('demo/order.html has no ./order.ts module script to seed the order for');
  const html = store.html.replace(first, (tag) => `<script type="module" src="./__bench/order-seed.js"></script>\n    ${tag}`);
  for (const tag of ['retain-order', ...ORDER_WIDGETS.split(',')]) {
    if (!html.includes(`<${tag}`)) throw new Error(`demo/order.html has no <${tag}>`);
  }
  const order = variants(html, 'order-');
  const json = { type: 'application/json', body: '{}' };
  Object.assign(order.pages, {
    '/demo-api/events': json,
    '/demo-api/accounts': json,
    '/demo-api/survey': json,
    '/demo/__bench/order-seed.js': await bundle(join(ROOT, 'test/bench/pages/order-seed.entry.ts')),
    ...store.scripts,
  });
  // Only the header's badge is above the fold: the floor draws every widget the kit drew at load (floor.mjs).
  return { ...order, added: [], floorReach: 'drawn', widgets: ORDER_WIDGETS };
}

/**
 * The product page with every widget far below the fold: the loyalty badge, both review showcases, the
 * recently viewed strip and the account prompt moved under a spacer three viewports tall at the end of <main>, with the popup wheel made
 * an inline wheel there too. The forwarders and the header's next-order offer reminder are left out, so that what the kit does before the shopper
 * scrolls is the loader and the widgets below, nothing else.
 */
function belowTheFold(html) {
  const moved = [];
  let page = html.replace(/<(retain-(?:loyalty-badge|review-showcase|account-prompt|recently-viewed))\b[\s\S]*?<\/\1>/g, (element) => {
    moved.push(element);
    return '';
  });
  page = page.replace(/<retain-spin-wheel\b[\s\S]*?<\/retain-spin-wheel>/, (wheel) => {
    moved.push(wheel.replace(/\s(?:mode|trigger)="[^"]*"/g, '').replace(/\slauncher(?=[\s>])/, ''));
    return '';
  });
  page = page.replace(/<retain-forward\b[^>]*><\/retain-forward>/g, '');
  // <retain-product> draws nothing and records the page's view at idle (the page-load section measures it).
  page = page.replace(/<retain-product\b[\s\S]*?<\/retain-product>/, '');
  // The header's next-order offer reminder draws nothing for a shopper without a code: left out too.
  page = page.replace(/<retain-next-order-offer\b[\s\S]*?<\/retain-next-order-offer>/, '');
  const expected = 6;
  if (moved.length !== expected || /<retain-(?!slice)/.test(page)) {
    throw new Error(`below-the-fold page: moved ${moved.length} widgets of ${expected}`);
  }
  return page
    .replace('</head>', '<style>.bench-far-below { block-size: 300vh; }</style>\n</head>')
    .replace(
      '</main>',
      `<div class="bench-far-below"></div>\n<section class="wrap bench-widgets">\n${moved.join('\n')}\n</section>\n</main>`,
    );
}

// ---- 10,000 reviews -------------------------------------------------------------------------------------

/** 10,000 reviews in the showcase's documented shape, made from the demo's generated reviews (deterministic). */
export function tenThousandReviews(count = 10_000) {
  const dir = join(ROOT, 'demo/data/reviews');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const base = JSON.parse(readFileSync(join(dir, files[0]), 'utf8'));
  const pool = files.flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')).reviews);
  const reviews = [];
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const from = pool[i % pool.length];
    const review = { ...from, id: `bench-${String(i).padStart(5, '0')}` };
    if (review.date) review.date = new Date(Date.parse(review.date) - i * 3_600_000).toISOString();
    reviews.push(review);
    distribution[review.rating] += 1;
    sum += review.rating;
  }
  return JSON.stringify({
    product: base.product,
    aggregate: { average: Math.round((sum / count) * 100) / 100, count, distribution },
    reviews,
  });
}
