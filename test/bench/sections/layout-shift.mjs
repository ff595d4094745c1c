// 2c. Layout shift: the product page and the order page with the kit, at a desktop size (1280 × 800) and a
// phone size (412 × 823), each for a first-time guest (a fresh context) and for a returning shopper: in the
// same context, first the seeded order page (setup.mjs, orderPages) records the order (loyalty points) and
// its offer hands out a next-order code, and a product page records a view of another tea (the recently
// viewed strip); then the measured load. A returning shopper's widgets draw more (points in the badge, the
// header's reminder of the code, the strip), later, where a guest's draw nothing: page load measures only
// the guest, at the phone size, and so missed the header's reminder pushing the page down at 1280 px.
//
// Each load is traced as page load traces it (load.mjs, tracedLoad: 4× CPU, so widgets draw after first
// paint, as on a phone), and the shifts the kit caused are told from the page's own the same way (load.mjs,
// kitShiftsAgainst), against a guest's loads of the same page and size without the kit. A returning shopper's
// load fails the section unless its widgets show points and a code: it must never silently measure a guest.
import { median, round, row, throttledPage, timeout } from '../lib.mjs';
import { kitShiftsAgainst, shiftTotal, tracedLoad } from '../load.mjs';

const S = 'layout shift';
const SIZES = { desktop: { width: 1280, height: 800 }, phone: { width: 412, height: 823 } };
const SHOPPERS = ['guest', 'returning'];
/** A tea the returning shopper viewed before: not the product page's own, which the recently viewed strip leaves out. */
const VIEWED_BEFORE = 'earl-grey-cream';
/**
 * The product page's drawing widgets to settle on (settle.mjs): its four, the recently viewed strip and, once a
 * code is held, the header's reminder (for a guest the loader never loads it: waiting would hang).
 */
const PRODUCT_WIDGETS = 'retain-spin-wheel,retain-loyalty-badge,retain-review-showcase,retain-account-prompt,retain-recently-viewed';
const SETUP_MS = 60_000;

/** In the order page: the kit records the order and, once its card is scrolled near, hands out a code. */
async function recordOrderAndCode() {
  const card = document.querySelector('retain-next-order-offer:not([reminder])');
  card.scrollIntoView({ block: 'center', behavior: 'instant' });
  await Promise.all(['retain-order', 'retain-next-order-offer'].map((tag) => customElements.whenDefined(tag)));
  const recorded = await document.querySelector('retain-order').recorded;
  const shown = await card.decision;
  return { recorded, shown };
}

/** In a product page: resolves once `<retain-product>` has recorded the view (true). */
async function recordView() {
  await customElements.whenDefined('retain-product');
  return document.querySelector('retain-product').recorded;
}

/**
 * A returning shopper in `context`: an order placed (the seeded order page) and a tea viewed, in a page of its
 * own at full speed (nothing of it is measured). Throws when the kit did not record them.
 */
async function makeReturning(context, origin, { product, order }) {
  const page = await context.newPage();
  try {
    await page.goto(origin + order.with, { waitUntil: 'load' });
    const ordered = await timeout(page.evaluate(recordOrderAndCode), SETUP_MS, 'the returning shopper’s order');
    // `recorded` is false where the account prompt, which records the order too, did so first; null: not recorded.
    if (ordered.recorded === null || !ordered.shown) {
      throw new Error(`the order page did not make a returning shopper: order recorded ${ordered.recorded}, code shown ${ordered.shown}`);
    }
    await page.goto(`${origin}${product.with}?item=${VIEWED_BEFORE}`, { waitUntil: 'load' });
    if (!(await timeout(page.evaluate(recordView), SETUP_MS, 'the returning shopper’s product view'))) {
      throw new Error(`the product page did not record the view of ${VIEWED_BEFORE}`);
    }
    // Its events delivered before it closes: with its keepalive requests still in flight, the measured page's own
    // delivery got no answer until its 15 s timeout in about one load in four (none in 16 after this wait).
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
  } finally {
    await page.close();
  }
}

/**
 * In the measured page: what its widgets show that only a returning shopper has, once what they read from the
 * device is drawn: the badge's points, the code (in the header's reminder, or on the order page's card, which
 * keeps the reminder quiet while it shows the code) and the recently viewed strip's products (null where the
 * strip is not drawn: it loads only when near; undefined where the page has none).
 */
async function shopperShows() {
  const offers = [...document.querySelectorAll('retain-next-order-offer')];
  const badge = document.querySelector('.site-header retain-loyalty-badge');
  const strip = document.querySelector('retain-recently-viewed');
  await Promise.all([badge, ...offers].map((el) => el?.loaded));
  // A hidden offer may keep what it last drew: only a shown one counts.
  const inShadow = (el, selector) => (el && !el.hidden ? el.shadowRoot?.querySelector(selector) : null) ?? null;
  const points = /\d[\d\s\u00a0\u202f]*/.exec(inShadow(badge, '[part~=badge]')?.textContent ?? '')?.[0].replace(/\D/g, '');
  const reminder = offers.find((el) => el.hasAttribute('reminder'));
  const card = offers.find((el) => !el.hasAttribute('reminder'));
  const reminded = inShadow(reminder, '[part~=reminder-button]') ? inShadow(reminder, '[part~=code]')?.textContent.trim() : null;
  return {
    points: points ? Number(points) : 0,
    code: reminded || inShadow(card, '[part~=code]')?.textContent.trim() || null,
    where: reminded ? 'reminder' : 'card',
    recent: strip ? (strip.shadowRoot?.querySelectorAll('[part~=item]').length ?? null) : undefined,
  };
}

/** One measured load of `page`'s variant (`with` the kit or `without`) at `size`, for `shopper`. */
async function loadOnce(browser, origin, pages, { page: which, size, shopper, withKit }) {
  const { context, page } = await throttledPage(browser, 4, SIZES[size]);
  try {
    if (shopper === 'returning') await makeReturning(context, origin, pages);
    const served = pages[which];
    const widgets = which === 'order' ? served.widgets : `${PRODUCT_WIDGETS}${shopper === 'returning' ? ',retain-next-order-offer' : ''}`;
    const sample = await tracedLoad(browser, page, origin + (withKit ? served.with : served.without), { withKit, widgets });
    if (!withKit) return sample;
    sample.shows = await timeout(page.evaluate(shopperShows), SETUP_MS, 'reading what the widgets show');
    // Read again: a widget that drew what it read after the trace stopped would have shifted unseen.
    sample.shifts = await page.evaluate(() => window.__shifts);
    sample.cls = shiftTotal(sample.shifts);
    const { points, code, where } = sample.shows;
    if (shopper === 'returning' && !(points > 0 && code)) {
      throw new Error(
        `${which} page, ${size}: the returning shopper's widgets show ${points} points and ${code ? `code ${code}` : 'no code'}; measuring would measure a guest`,
      );
    }
    if (shopper === 'returning') sample.shows.what = `${points} points, code ${code} on the ${where}`;
    return sample;
  } finally {
    await context.close();
  }
}

/** What the recently viewed strip drew, where the page has one. */
const recentNote = (recent) =>
  recent === undefined
    ? ''
    : recent === null
      ? '; recently viewed strip not drawn (far below)'
      : `; recently viewed strip: ${recent} products`;

/** The nodes the shifts moved, each once, with how much it shifted: "a.cart-link, main#main (0.7621)". */
const movedNodes = (shifts) =>
  shifts.length ? `${[...new Set(shifts.flatMap((s) => s.sources))].join(', ')} (${round(shiftTotal(shifts), 4)})` : 'none';

export async function layoutShift({ browser, origin, product, order, runs, log }) {
  const pages = { product, order };
  const views = Object.keys(pages).flatMap((page) => Object.keys(SIZES).map((size) => ({ page, size, key: `${page} page, ${size}` })));
  const loads = Object.fromEntries(views.map((v) => [v.key, { without: [], ...Object.fromEntries(SHOPPERS.map((s) => [s, []])) }]));
  for (let i = 0; i < runs; i++) {
    for (const view of views) {
      // The page's own shifts, to tell the kit's from: a guest's load without the kit, for both shoppers. Without
      // the kit a returning shopper's page differs only in what the shop's own scripts read from localStorage; a
      // shift of theirs missing here would count as the kit's, never hide one of the kit's.
      const without = await loadOnce(browser, origin, pages, { ...view, shopper: 'guest', withKit: false });
      loads[view.key].without.push(without);
      for (const shopper of SHOPPERS) {
        const withKit = await loadOnce(browser, origin, pages, { ...view, shopper, withKit: true });
        loads[view.key][shopper].push(withKit);
        const kitShifts = kitShiftsAgainst(loads[view.key].without)(withKit);
        log(
          `  layout shift ${view.key}, ${shopper}, run ${i + 1}: CLS ${round(withKit.cls, 4)} (without the kit ${round(without.cls, 4)}), caused by kit ${round(shiftTotal(kitShifts), 4)}; moved: ${movedNodes(kitShifts)}${withKit.shows.what ? `; the shopper has ${withKit.shows.what}` : ''}${recentNote(withKit.shows.recent)}; load average ${withKit.load.map((l) => l.toFixed(1)).join('→')}`,
        );
      }
    }
  }
  // Judged once all runs are in: each load against every load of its page and size without the kit (as page load does).
  const figures = views.flatMap((view) => {
    const kitShifts = kitShiftsAgainst(loads[view.key].without);
    return SHOPPERS.map((shopper) => {
      const withKit = loads[view.key][shopper];
      const perRun = withKit.map((s) => shiftTotal(kitShifts(s)));
      const worstRun = withKit[perRun.indexOf(Math.max(...perRun))];
      return {
        ...view,
        shopper,
        kitCaused: median(perRun),
        perRun,
        moved: movedNodes(kitShifts(worstRun)),
        cls: median(withKit.map((s) => s.cls)),
      };
    });
  });
  const allLoads = Object.values(loads).flatMap((l) => Object.values(l).flat());
  const averages = allLoads.flatMap((s) => s.load);
  const errors = [...new Set(allLoads.flatMap((s) => s.errors))];
  const runNote = `4× CPU, ${runs} runs, a guest's load without the kit each run per page and size, medians; load average ${Math.min(...averages).toFixed(1)}–${Math.max(...averages).toFixed(1)}`;
  const rows = Object.keys(pages).map((page) => {
    const mine = figures.filter((f) => f.page === page);
    const worst = mine.reduce((a, f) => (f.kitCaused > a.kitCaused ? f : a));
    const each = mine.map(
      (f) =>
        `${f.size} ${f.shopper} ${round(f.kitCaused, 4)} (runs ${f.perRun.map((v) => round(v, 4)).join(', ')}; CLS ${round(f.cls, 4)})`,
    );
    return row(
      S,
      `layout shift caused by kit, ${page} page, desktop and phone, guest and returning`,
      round(worst.kitCaused, 3),
      'CLS',
      { max: 0 },
      `${worst.kitCaused > 0 ? `worst: ${worst.size} ${worst.shopper}, moved in its worst run: ${worst.moved}` : 'no case shifted (medians)'}; ${each.join('; ')}; ${runNote}${errors.length ? `; page errors: ${errors.join(' | ').slice(0, 120)}` : ''}`,
    );
  });
  return { rows, raw: { figures, loads } };
}
