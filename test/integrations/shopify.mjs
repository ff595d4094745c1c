#!/usr/bin/env node
// The Shopify theme app extension (integrations/shopify/), checked as Shopify and a merchant would meet it:
//   - Shopify's own theme check (@shopify/theme-check-node, its theme-app-extension rules) finds nothing;
//   - every `t:` key the blocks use is translated in en, ru, uk and hu;
//   - each block is rendered with liquidjs (Shopify's Liquid dialect in Node) from its schema's defaults and
//     the settings a merchant set, the app embed added, and the page opened in Chromium with the built
//     assets (integrations/shopify/assets/, as asset_url serves them): the widgets come alive with what the
//     merchant set, nothing warns, and `to="shopify"` publishes the kit's events to Shopify.analytics.
// Run after `npm run build` (which copies dist/ into assets/). Prints `shopify: N passed, N failed`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { Liquid } from 'liquidjs';
import { themeCheckRun } from '@shopify/theme-check-node';
import { readEntries, root } from '../../scripts/entries.mjs';
import { assert, checks, launchChromium, serve, watchedPage, withScriptsOff } from './support.mjs';

const extension = join(root, 'integrations', 'shopify');
const { check, skip, fail, report } = checks('shopify');
/** Elements with no app block, and why (README.md of the extension says the same). */
const NO_BLOCK = {
  'retain-account-prompt': 'the order-status page runs no theme code',
  'retain-order': 'the order-status page runs no theme code',
  'retain-forward': 'the app embed declares forwarding',
  'retain-product': 'the recently viewed block declares the product page’s product',
  'retain-report': 'the owner’s report runs on the store owner’s own page, not on the storefront',
};

const blockFile = (name) => join(extension, 'blocks', `${name}.liquid`);
const schemaOf = (source) => JSON.parse(source.match(/{%\s*schema\s*%}([\s\S]*?){%\s*endschema\s*%}/)[1]);

if (!existsSync(join(extension, 'assets', 'retainkit.js'))) {
  fail('no integrations/shopify/assets/retainkit.js: run `npm run build` first');
  process.exit(report());
}

await check('Shopify theme check (theme app extension rules) finds no offense', async () => {
  const { offenses } = await themeCheckRun(extension, undefined, () => undefined);
  assert(offenses.length === 0, offenses.map((o) => `${o.uri.split('/').slice(-2).join('/')}: ${o.check}: ${o.message}`).join('\n'));
});

await check('every t: key of the blocks is translated in en, ru, uk and hu', () => {
  const locales = Object.fromEntries(
    ['en.default', 'ru', 'uk', 'hu'].map((name) => [
      name,
      JSON.parse(readFileSync(join(extension, 'locales', `${name}.schema.json`), 'utf8')),
    ]),
  );
  const missing = [];
  for (const file of readdirSync(join(extension, 'blocks'))) {
    for (const [, key] of readFileSync(join(extension, 'blocks', file), 'utf8').matchAll(/"t:([\w.]+)"/g)) {
      for (const [name, tree] of Object.entries(locales)) {
        const text = key.split('.').reduce((node, part) => node?.[part], tree);
        if (typeof text !== 'string' || !text.trim()) missing.push(`${file}: ${key} in ${name}`);
      }
    }
  }
  assert(missing.length === 0, missing.join('\n'));
});

for (const { tag, name } of readEntries()) {
  if (existsSync(blockFile(name))) continue;
  if (NO_BLOCK[tag]) console.log(`  · <${tag}> has no app block: ${NO_BLOCK[tag]}`);
  else skip(`an app block for <${tag}>`, `integrations/shopify/blocks/${name}.liquid does not exist yet`);
}

// Shopify's Liquid, as far as the blocks use it: the schema tag renders nothing, asset_url points at the
// extension's assets (with a version query, as Shopify's CDN URLs have).
const liquid = new Liquid({ strictFilters: true });
liquid.registerTag('schema', {
  parse(token, remain) {
    this.tokens = [];
    const stream = this.liquid.parser.parseStream(remain);
    stream
      .on('tag:endschema', () => stream.stop())
      .on('template', () => undefined)
      .on('end', () => {
        throw new Error('{% schema %} without {% endschema %}');
      });
    stream.start();
  },
  render() {
    return '';
  },
});
liquid.registerFilter('asset_url', (name) => `/assets/${name}?v=1700000000`);
// image_url: a CDN URL of the image at the asked width, as Shopify's.
liquid.registerFilter('image_url', (image, ...args) => `//cdn.shopify.example/${image}?width=${args.find(Array.isArray)?.[1] ?? ''}`);

let blocks = 0;

/** A block rendered with its schema's defaults, overridden by what the merchant set. */
async function renderBlock(name, settings, globals) {
  const source = readFileSync(blockFile(name), 'utf8');
  const defaults = Object.fromEntries(
    schemaOf(source)
      .settings.filter((s) => s.id)
      .map((s) => [s.id, s.default ?? '']),
  );
  for (const id of Object.keys(settings)) assert(id in defaults, `${name}.liquid has no setting ${id}`);
  // Each placement its own id, as Shopify gives them: two blocks of one app never share it.
  blocks += 1;
  const block = { id: `AbC${name.replace(/\W/g, '')}${blocks}`, settings: { ...defaults, ...settings }, shopify_attributes: '' };
  return liquid.parseAndRender(source, { ...globals, block });
}

const reviews = {
  product: { id: 'mug-01', name: 'Stoneware mug' },
  aggregate: { average: 4.5, count: 3, distribution: [0, 0, 0, 1, 2] },
  reviews: [
    { id: 'r1', rating: 5, title: 'Keeps coffee hot', body: 'Lovely.', author: 'Anna K.', date: '2025-03-14' },
    { id: 'r2', rating: 5, title: 'Heavy and solid', body: 'Good.', author: 'Béla', date: '2025-03-10' },
    { id: 'r3', rating: 4, title: 'Nice glaze', body: 'Fine.', author: 'Olha', date: '2025-03-01' },
  ],
};
const store = {
  routes: { root_url: '/', account_register_url: '/account/register' },
  shop: { currency: 'EUR', url: 'https://mug.example' },
  cart: { currency: { iso_code: 'EUR' }, total_price: 4590 },
  product: {
    id: 8123456789,
    handle: 'stoneware-mug',
    title: 'Stoneware mug',
    url: '/products/stoneware-mug',
    price: 2450,
    featured_image: 'mug.jpg',
    metafields: { reviews: { retainkit: { value: reviews } } },
  },
};
// A product whose reviews app fills Shopify's standard review metafields (a rating out of 10 here: apps differ).
const rated = {
  ...store,
  product: {
    ...store.product,
    handle: 'rated-mug',
    metafields: {
      reviews: {
        retainkit: { value: reviews },
        rating: { value: { rating: 9.1, scale_min: 1, scale_max: 10 } },
        rating_count: { value: 128 },
      },
    },
  },
};
const signedIn = {
  ...store,
  customer: { id: 42, orders_count: 3, metafields: { loyalty: { points: { value: 1300 } }, referral: { code: { value: 'ANNA10' } } } },
};
// The customer's order page (customers/order, legacy customer accounts): Shopify's `order`, placed with a code.
const orderPage = {
  ...signedIn,
  order: {
    id: 5550001001,
    discount_applications: [
      { type: 'discount_code', title: 'TEN-A1' },
      { type: 'automatic', title: 'Spring sale' },
    ],
  },
};

/** Dawn's type scale: a root of 10 px, body text 1.5rem (its base.css). */
const DAWN_TYPE = '<style>html { font-size: 62.5%; } body { font-size: 1.5rem; line-height: 1.8; }</style>';

/**
 * A storefront page: the theme's head (`theme`: its own styles), the merchant's blocks in a section, the app embed
 * before </body>.
 */
async function storefront(lang, globals, blocks, theme = '') {
  const body = [];
  for (const [name, settings] of blocks) body.push(`<div class="shopify-block">${await renderBlock(name, settings, globals)}</div>`);
  const embed = await renderBlock('retainkit-embed', { to_shopify: true }, globals);
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Shop</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/assets/retainkit.css?v=1700000000">
<script src="/shopify-stub.js"></script>${theme}</head>
<body><main><section class="shopify-section">${body.join('\n')}</section></main>${embed}</body></html>`;
}

const pages = {
  '/products/stoneware-mug': await storefront('en', signedIn, [
    [
      'spin-wheel',
      {
        heading: 'Spin for a treat',
        cooldown_days: 7,
        prize_1_label: '10% off',
        prize_1_codes: 'TEN-A1 TEN-B2',
        prize_1_weight: 3,
        prize_2_label: 'Free shipping',
        prize_2_codes: 'SHIPFREE',
        prize_3_label: 'Not this time',
      },
    ],
    ['loyalty-badge', { points_metafield: 'loyalty.points' }],
    ['review-showcase', { view: 'grid', page_size: 2 }],
    ['referral', { friend_gets: '10%', you_get: '5' }],
    ['recently-viewed', { max: 8 }],
    // Blocks for the order page render nothing where there is no order.
    ['survey', {}],
    ['next-order-offer', {}],
  ]),
  '/account/orders/5550001001': await storefront('en', orderPage, [
    ['next-order-offer', { codes: 'NEXT-A NEXT-B', discount: '15%', minimum: 30 }],
    ['survey', { type: 'csat', action: '/apps/retain/survey', review_url: 'https://mug.example/pages/reviews' }],
  ]),
  '/': await storefront('en', signedIn, [['next-order-offer', { show: 'reminder' }]]),
  // The badge with the reminder beside it, in the header's row of apps, above the page's other blocks.
  '/collections/all': await storefront('en', signedIn, [
    ['loyalty-badge', { points_metafield: 'loyalty.points', reminder: true }],
    ['recently-viewed', { max: 8 }],
  ]),
  // "Stars only" beside the price, with the reviews' URL as the merchant's fallback.
  '/products/rated-mug': await storefront('en', rated, [['review-showcase', { view: 'summary', src: '/reviews/{handle}.json' }]]),
  // A guest: the referral block renders nothing (no code of their own, no endpoint).
  // In Dawn's type scale, whose root font size is 10 px.
  '/cart': await storefront(
    'hu',
    store,
    [
      ['loyalty-badge', { signup_bonus: 50 }],
      ['referral', { friend_gets: '10%' }],
    ],
    DAWN_TYPE,
  ),
};
// What Shopify's storefront script provides: its analytics object, here recording what is published.
const stub = 'window.published = []; window.Shopify = { analytics: { publish: (name, data) => window.published.push({ name, data }) } };';

await check('merchant settings become attributes (rendered Liquid)', () => {
  const html = pages['/products/stoneware-mug'];
  for (const expected of [
    'cooldown="7d"',
    'code-ttl="48h"',
    'apply-url="/discount/{code}"',
    'codes="TEN-A1 TEN-B2"',
    'weight="3"',
    'type="none"',
    'points="1300"',
    'orders="3"',
    'currency="EUR"',
    'view="grid"',
    'page-size="2"',
    '<retain-forward to="shopify">',
    'src="/assets/retainkit.js?v=1700000000"',
  ])
    assert(html.includes(expected), `the page lacks ${expected}`);
  assert(!html.includes('prize_4') && (html.match(/<retain-slice/g) ?? []).length === 3, 'empty prizes were rendered');
  for (const expected of [
    '<retain-product',
    'id="8123456789"',
    'name="Stoneware mug"',
    'price="24.5"',
    'image="https://cdn.shopify.example/mug.jpg?width=320"',
    'url="/products/stoneware-mug"',
    'max="8"',
    'max-age="30d"',
  ])
    assert(html.includes(expected), `the recently viewed block lacks ${expected}`);
  for (const expected of ['code="ANNA10"', 'link-pattern="https://mug.example/discount/{code}"', 'friend-gets="10%"', 'you-get="5"'])
    assert(html.includes(expected), `the referral lacks ${expected}`);
  assert(!html.includes('<retain-survey') && !html.includes('<retain-next-order-offer'), 'an order block rendered without an order');
  const order = pages['/account/orders/5550001001'];
  for (const expected of [
    'order-id="5550001001"',
    'order-codes="TEN-A1"',
    'codes="NEXT-A NEXT-B"',
    'code-ttl="30d"',
    'discount="15%"',
    'minimum="30"',
    'apply-url="/discount/{code}"',
    'type="csat"',
    'snooze="30d"',
    'action="/apps/retain/survey"',
    'review-url="https://mug.example/pages/reviews"',
    'review-for="promoters"',
  ])
    assert(order.includes(expected), `the order page lacks ${expected}`);
  const reminder = pages['/'].match(/<retain-next-order-offer[^>]*>/)?.[0] ?? '';
  assert(/\sreminder\s/.test(reminder) && !reminder.includes('order-id'), `the reminder block: ${reminder}`);
  const summary = pages['/products/rated-mug'].match(/<retain-review-showcase[\s\S]*?<\/retain-review-showcase>/)?.[0] ?? '';
  for (const expected of ['view="summary"', 'rating="4.55"', 'count="128"', 'href="#reviews"'])
    assert(summary.includes(expected), `the summary from the standard review metafields lacks ${expected}: ${summary}`);
  assert(!summary.includes('application/json'), 'the summary inlined the whole reviews JSON for two figures');
  const list = pages['/products/stoneware-mug'].match(/<retain-review-showcase[\s\S]*?<\/retain-review-showcase>/)?.[0] ?? '';
  assert(list.includes('application/json') && !/\srating="/.test(list), 'the list block (no standard metafields) inlines its reviews');
  const guest = pages['/cart'];
  assert(!guest.includes('<retain-referral'), 'a guest got a referral block without a code');
  for (const expected of ['guest', 'signup-bonus="50"', 'cart-total="45.9"', 'join-url="/account/register"'])
    assert(guest.includes(expected), `the guest page lacks ${expected}`);
});

await check('"Show the odds of each prize" unticked hides them (the widget shows them unless hide-odds)', async () => {
  const wheel = (html) => html.match(/<retain-spin-wheel[^>]*>/)?.[0] ?? '';
  assert(!wheel(pages['/products/stoneware-mug']).includes('hide-odds'), 'odds hidden by default');
  const unticked = wheel(await renderBlock('spin-wheel', { show_odds: false }, store));
  assert(/\shide-odds\s/.test(unticked), `unticked, the wheel still shows its odds: ${unticked}`);
});

await check('the badge’s reminder recalls the code of the offer named in its settings, with the apply link as set', async () => {
  const rendered = await renderBlock(
    'loyalty-badge',
    { reminder: true, reminder_instance: 'spring', reminder_apply_link: false },
    signedIn,
  );
  const reminder = rendered.match(/<retain-next-order-offer[^>]*>/)?.[0] ?? '';
  assert(/\sinstance="spring"/.test(reminder) && !reminder.includes('apply-url'), `the badge's reminder: ${reminder}`);
  const unnamed = (await renderBlock('loyalty-badge', { reminder: true }, signedIn)).match(/<retain-next-order-offer[^>]*>/)?.[0] ?? '';
  assert(/\sinstance="next-order"/.test(unnamed) && unnamed.includes('apply-url="/discount/{code}"'), `unnamed: ${unnamed}`);
});

await check('the loyalty program is in the shop’s currency: a cart in another market’s currency offers no points for it', async () => {
  const badge = (html) => html.match(/<retain-loyalty-badge[^>]*>/)?.[0] ?? '';
  // Shopify Markets: the shop is in EUR, this shopper browses in yen.
  const yen = badge(
    await renderBlock('loyalty-badge', { points_per_unit: 1 }, { ...store, cart: { currency: { iso_code: 'JPY' }, total_price: 750000 } }),
  );
  assert(yen.includes('currency="EUR"') && !yen.includes('cart-total'), `a cart in JPY: ${yen}`);
});

const assets = join(extension, 'assets');
const types = { '.js': 'text/javascript', '.css': 'text/css' };
/** Paths of review JSON the pages asked for. */
const reviewRequests = [];
const server = await serve((path) => {
  if (path.startsWith('/reviews/')) reviewRequests.push(path);
  if (pages[path]) return { type: 'text/html; charset=utf-8', body: pages[path] };
  if (path === '/shopify-stub.js') return { type: 'text/javascript', body: stub };
  const name = path.startsWith('/assets/') && path.slice('/assets/'.length);
  if (name && !name.includes('/') && existsSync(join(assets, name)))
    return { type: types[extname(name)] ?? 'application/octet-stream', body: readFileSync(join(assets, name)) };
  return undefined;
});
/** Where each block starts and how high it is: [left, top, height]. */
const blockBoxes = (page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('.shopify-block')].map((block) => {
      const box = block.getBoundingClientRect();
      return [box.left, box.top, box.height].map(Math.round);
    }),
  );

/** The blocks as drawn before the kit's code came: the page with scripts off. */
const blockBoxesBeforeKit = (browser, path, width) =>
  withScriptsOff(browser, `${server.origin}${path}`, { width, height: 800 }, blockBoxes);

/** Fails when the blocks drawn by the kit do not start and end where the page drew them before its code came. */
function assertHeldStill(drawn, before) {
  assert(
    JSON.stringify(drawn) === JSON.stringify(before),
    `blocks drawn ${JSON.stringify(drawn)}, before the kit ${JSON.stringify(before)}`,
  );
}

const browser = await launchChromium();
if (!browser) fail('Chromium is missing');
else {
  try {
    const { page, problems, close } = await watchedPage(browser);
    await page.goto(`${server.origin}/products/stoneware-mug`);
    const shadowText = (tag) =>
      page
        .waitForFunction((name) => document.querySelector(name)?.shadowRoot?.textContent, tag, { timeout: 10_000 })
        .then((h) => h.jsonValue());

    await check('the spin wheel block draws the merchant’s heading and prizes, with their odds', async () => {
      await page.waitForFunction(() => document.querySelector('retain-spin-wheel')?.shadowRoot?.querySelector('[part="prizes"] li'), null, {
        timeout: 10_000,
      });
      const prizes = await page.evaluate(() =>
        [...document.querySelector('retain-spin-wheel').shadowRoot.querySelectorAll('[part="prizes"] li')].map((li) =>
          li.textContent.replace(/\s+/g, ' ').trim(),
        ),
      );
      assert(prizes.length === 3, `prizes: ${JSON.stringify(prizes)}`);
      assert(prizes[0].includes('10% off') && prizes[0].includes('50'), `the first prize and its odds (3 of 6): ${prizes[0]}`);
      const heading = await page.evaluate(() => document.querySelector('retain-spin-wheel [slot="heading"]').assignedSlot !== null);
      assert(heading, 'the heading is not in the wheel’s heading slot');
    });
    await check('the loyalty badge block shows the points from the customer metafield', async () => {
      const text = await shadowText('retain-loyalty-badge');
      const points = await page.evaluate(() => new Intl.NumberFormat('en').format(1300));
      assert(text.includes(points), `the badge says: ${text.replace(/\s+/g, ' ').slice(0, 200)}`);
    });
    await check('the review block shows the product metafield’s reviews, a page of 2', async () => {
      await page.waitForFunction(
        () => document.querySelector('retain-review-showcase')?.shadowRoot?.querySelectorAll('[part="review"]').length >= 2,
        null,
        { timeout: 10_000 },
      );
      const titles = await page.evaluate(() =>
        [...document.querySelector('retain-review-showcase').shadowRoot.querySelectorAll('[part="review"]')].map(
          (card) => card.textContent,
        ),
      );
      assert(titles.length === 2 && titles[0].includes('Keeps coffee hot'), `cards: ${titles.length}`);
    });
    await check('the referral block shares the customer’s code as the merchant’s link', async () => {
      const link = await page.waitForFunction(
        () => document.querySelector('retain-referral')?.shadowRoot?.querySelector('[part="link"]')?.textContent.trim(),
        null,
        { timeout: 10_000 },
      );
      assert((await link.jsonValue()).includes('mug.example/discount/ANNA10'), `the link: ${await link.jsonValue()}`);
    });
    await check('the app embed’s to="shopify" publishes the kit’s events to Shopify.analytics', async () => {
      await page.waitForFunction(() => window.published.some((event) => event.name === 'retain_spin_shown'), null, { timeout: 10_000 });
      const event = await page.evaluate(() => window.published.find((e) => e.name === 'retain_spin_shown').data);
      assert(event.widget === 'spin-wheel' && typeof event.event_id === 'string', JSON.stringify(event));
    });
    if (process.env.RETAINKIT_SCREENSHOTS) {
      // For the extension's README: what a shopper sees with the blocks as set above.
      await page.waitForTimeout(500);
      await page.screenshot({ path: join(extension, 'docs', 'storefront.png'), clip: { x: 0, y: 0, width: 1280, height: 1500 } });
    }
    await check('the product page loaded every file from assets/ and logged no warning or error', async () => {
      assert(problems.length === 0, problems.join('\n'));
    });
    await close();

    const cart = await watchedPage(browser);
    await cart.page.goto(`${server.origin}/cart`);
    await check('a guest on a Hungarian storefront is invited to join, in Hungarian, with the cart’s points', async () => {
      // 50 for joining + 45 for this cart of €45.90 at 1 point per euro.
      await cart.page.waitForFunction(() => document.querySelector('retain-loyalty-badge')?.shadowRoot?.textContent.includes('95'), null, {
        timeout: 10_000,
      });
      const lang = await cart.page.evaluate(
        () => document.querySelector('retain-loyalty-badge').shadowRoot.querySelector('[part="base"]').lang,
      );
      assert(lang === 'hu', `the badge speaks ${lang}`);
      // The space reserved for the badge (assets/retainkit.css) is the badge's own, in Dawn's type scale too.
      assertHeldStill(await blockBoxes(cart.page), await blockBoxesBeforeKit(browser, '/cart', 1280));
      await cart.page.locator('retain-loyalty-badge [part="badge"]').click();
      const join = await cart.page.waitForFunction(
        () => document.querySelector('retain-loyalty-badge').shadowRoot.querySelector('a[part="join"]')?.href,
        null,
        {
          timeout: 10_000,
        },
      );
      assert(new URL(await join.jsonValue()).pathname === '/account/register', `the join link goes to ${await join.jsonValue()}`);
      assert(cart.problems.length === 0, cart.problems.join('\n'));
    });
    await cart.close();

    const rated = await watchedPage(browser);
    await rated.page.goto(`${server.origin}/products/rated-mug`);
    await check('“Stars only” shows the standard review metafields’ figures and fetches no reviews', async () => {
      const text = await rated.page.waitForFunction(
        () =>
          document
            .querySelector('retain-review-showcase')
            ?.shadowRoot?.querySelector('[part~="summary"]')
            ?.textContent.replace(/\s+/g, ' ')
            .trim(),
        null,
        { timeout: 10_000 },
      );
      const shown = await text.jsonValue();
      assert(shown.includes('4.6') && shown.includes('128 reviews'), `the summary says: ${shown}`);
      assert(reviewRequests.length === 0, `reviews fetched: ${reviewRequests.join(', ')}`);
      assert(rated.problems.length === 0, rated.problems.join('\n'));
    });
    await rated.close();

    const orders = await watchedPage(browser);
    let heldCode = '';
    await orders.page.goto(`${server.origin}/account/orders/5550001001`);
    await check('on the customer’s order page the offer hands out one of the merchant’s codes and the survey asks', async () => {
      // The card is drawn invisible with a stand-in code while it decides; its shown event says it has one.
      await orders.page.waitForFunction(() => window.published.some((event) => event.name === 'retain_offer_shown'), null, {
        timeout: 10_000,
      });
      const code = await orders.page.evaluate(() =>
        document.querySelector('retain-next-order-offer').shadowRoot.querySelector('[part="code"]')?.textContent.trim(),
      );
      assert(['NEXT-A', 'NEXT-B'].includes(code), `the offer's code: ${code}`);
      heldCode = code;
      const question = await orders.page.waitForFunction(
        () => document.querySelector('retain-survey')?.shadowRoot?.querySelector('[part="question"]')?.textContent.trim(),
        null,
        { timeout: 10_000 },
      );
      assert(/satisfied/i.test(await question.jsonValue()), `the survey asks: ${await question.jsonValue()}`);
      await orders.page.waitForFunction(
        () => ['retain_offer_shown', 'retain_survey_shown'].every((name) => window.published.some((event) => event.name === name)),
        null,
        { timeout: 10_000 },
      );
      assert(orders.problems.length === 0, orders.problems.join('\n'));
    });
    // The same device on another page: the header reminder of the code it holds.
    await orders.page.goto(`${server.origin}/`);
    await check('on another page the reminder block recalls the unused code', async () => {
      const code = await orders.page.waitForFunction(
        () => document.querySelector('retain-next-order-offer[reminder]')?.shadowRoot?.querySelector('[part="code"]')?.textContent.trim(),
        null,
        { timeout: 10_000 },
      );
      assert((await code.jsonValue()) === heldCode, `the reminder's code: ${await code.jsonValue()}, the offer's ${heldCode}`);
      assert(orders.problems.length === 0, orders.problems.join('\n'));
    });
    for (const width of [1280, 320]) {
      await check(`at ${width} px the badge block's reminder takes the badge's row, and moves nothing when it appears`, async () => {
        const before = await blockBoxesBeforeKit(browser, '/collections/all', width);
        await orders.page.setViewportSize({ width, height: 800 });
        await orders.page.goto(`${server.origin}/collections/all`);
        const code = await orders.page.waitForFunction(
          () =>
            document
              .querySelector('.retainkit-badge-row retain-next-order-offer[reminder]')
              ?.shadowRoot?.querySelector('[part="code"]')
              ?.textContent.trim(),
          null,
          { timeout: 10_000 },
        );
        assert((await code.jsonValue()) === heldCode, `the reminder's code: ${await code.jsonValue()}, the offer's ${heldCode}`);
        await orders.page.waitForFunction(() => document.querySelector('retain-loyalty-badge').shadowRoot?.textContent.includes('1,300'));
        assertHeldStill(await blockBoxes(orders.page), before);
        const words = await orders.page.evaluate(() => {
          const reminder = document.querySelector('retain-next-order-offer[reminder]');
          const label = reminder.shadowRoot.querySelector('[part~="reminder-label"]');
          return {
            width: label.getBoundingClientRect().width,
            text: label.textContent.trim(),
            rowTop: reminder.getBoundingClientRect().top,
          };
        });
        assert(words.text, 'the reminder has no words for its name');
        assert(width > 640 ? words.width > 1 : words.width <= 1, `${width} px: the reminder's words ${words.width} px wide`);
        assert(orders.problems.length === 0, orders.problems.join('\n'));
      });
    }
    await orders.close();
  } finally {
    await browser.close();
  }
}
server.close();
process.exit(report());
