// 2. Page load: the demo product page at 4× CPU slowdown, a fresh profile per load. Four loads a run, whose
// order turns from run to run (so that drift in the machine's load falls on all of them):
// - without the kit (the widgets' elements inert, nothing drawn), twice: once the kit, once the floor is
//   then added to the settled page;
// - the floor: the widgets above the fold drawn by plain custom elements from a snapshot of what the kit
//   drew in a first load (floor.mjs): no Lit, no IndexedDB, no kit code;
// - with the kit, as a store pastes it;
// - without the kit, once more, the Lit floor then added to the settled page: the same snapshot drawn by
//   plain Lit elements (floor.mjs), so that the table tells what Lit itself costs from what the kit adds.
// From a trace of each load, on the main thread of the renderer that parsed the page (never another): the
// sum and the longest of its top-level tasks, in thread time (CPU time: budgets are judged on it, as other
// processes inflate wall time) beside wall time; the kit's tasks (those that ran code from /dist/); layout
// shifts (PerformanceObserver, without recent input) and which nodes moved.
//
// Kit ÷ floor two ways. At load: what each adds to the page's load (with − without, floor − without).
// The page's own load varies by more than the floor costs (resources arrive in a different order, layouts
// differ, the machine is shared), so also on the settled page: the kit's script, or the floor's, added to
// a page without the kit once it has settled, less an empty window just before (load.mjs).
import { median, round, row, sleep, throttledPage } from '../lib.mjs';
import { floorScript, litFloorSource, snapshotAboveFold } from '../floor.mjs';
import { bundleSource } from '../setup.mjs';
import { SETTLE_MS, kitShiftsAgainst, shiftTotal, tracedAddition, tracedLoad } from '../load.mjs';
import { settleWidgets } from '../settle.mjs';

const S = 'page load';
const KIT = '/dist/retainkit.js';
/** The loads of a run: the page variant, and the script added once it has settled. */
const LOADS = [
  { variant: 'without', add: 'kit' },
  { variant: 'floor' },
  { variant: 'without', add: 'floor' },
  { variant: 'with' },
  { variant: 'without', add: 'lit-floor' },
];

const ms = (value) => round(value, 0);
/** "thread / wall" of a pair of figures, in whole ms. */
const both = (cpu, wall) => `${ms(cpu)} / ${ms(wall)}`;

/** `widgets`: the page's drawing widgets to settle on; `floorSrc`, `litFloorSrc`: its floors' scripts (setup.mjs). */
async function loadOnce(browser, url, { variant, add }, { widgets, floorSrc, litFloorSrc }) {
  const { context, page } = await throttledPage(browser);
  try {
    const sample = await tracedLoad(browser, page, url, { withKit: variant === 'with', widgets });
    const src = { kit: KIT, floor: floorSrc, 'lit-floor': litFloorSrc }[add];
    if (add) sample.addition = await tracedAddition(browser, page, src, { withKit: add === 'kit', widgets });
    return sample;
  } finally {
    await context.close();
  }
}

/**
 * A first load with the kit (not counted): the snapshot of what it draws above the fold (or, with
 * `floorReach: 'drawn'`, anywhere: floor.mjs), for the floor.
 */
async function snapshotKit(browser, url, { widgets, floorReach }) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    await page.evaluate(settleWidgets, { limitMs: SETTLE_MS, widgets });
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    await sleep(1500);
    return await page.evaluate(snapshotAboveFold, { widgets, reach: floorReach });
  } finally {
    await context.close();
  }
}

export async function pageLoad({ browser, origin, product, runs, log }) {
  const snapshot = await snapshotKit(browser, origin + product.with, product);
  if (!snapshot.snapshots.length) throw new Error('the kit drew no widget above the fold: no floor to compare with');
  product.floor.script = floorScript(snapshot.snapshots);
  product.floor.litScript = (await bundleSource(litFloorSource(snapshot.snapshots))).body;
  const drawn = snapshot.snapshots.map(
    (s) =>
      `${s.name} (${s.above ? '' : 'below the fold, '}${s.elements - s.dropped} elements${s.dropped ? `, ${s.dropped} hidden subtrees left out` : ''})`,
  );
  log(`  drawn by the kit at ${snapshot.viewport.width}×${snapshot.viewport.height}, copied for the floor: ${drawn.join(', ')}`);

  const urls = { without: product.without, floor: product.floorPage, with: product.with };
  const runsOf = [];
  for (let i = 0; i < runs; i++) {
    const run = {};
    // Each load takes each place in turn.
    for (let k = 0; k < LOADS.length; k++) {
      const load = LOADS[(k + i) % LOADS.length];
      const s = await loadOnce(browser, origin + urls[load.variant], load, product);
      run[load.add ? `without+${load.add}` : load.variant] = s;
      const added = s.addition
        ? `; ${load.add} added to the settled page: ${both(s.addition.added.cpu, s.addition.added.wall)} ms (empty window ${both(s.addition.empty.cpu, s.addition.empty.wall)})`
        : '';
      log(
        `  page load ${load.variant}, run ${i + 1}: main thread ${both(s.main.cpu, s.main.wall)} ms thread / wall, longest ${both(s.main.longestCpu, s.main.longestWall)} ms, kit tasks ${both(s.kit.cpu, s.kit.wall)} ms (${s.kit.count}), CLS ${round(s.cls, 4)}${added}; load average ${s.load.map((l) => l.toFixed(1)).join('→')}`,
      );
    }
    runsOf.push(run);
  }
  const floorDraws = snapshot.snapshots.map((s) => s.name);
  return { rows: rowsOf(runsOf, { runs, drawn, floorDraws, added: product.added }), raw: { snapshot, runs: runsOf } };
}

function rowsOf(runsOf, { runs, drawn, floorDraws, added }) {
  const loads = (variant) =>
    variant === 'without' ? runsOf.flatMap((r) => [r['without+kit'], r['without+floor']]) : runsOf.map((r) => r[variant]);
  const m = (variant, pick) => median(loads(variant).map(pick));
  /** "thread / wall" medians of a variant's totals (the page's main thread, or the kit's tasks). */
  const medians = (variant, totals) =>
    both(
      m(variant, (s) => totals(s).cpu),
      m(variant, (s) => totals(s).wall),
    );
  // At load: what each adds to the page, within a run (against the mean of its two loads without the kit).
  const atLoad = (variant, key) =>
    runsOf.map((r) => r[variant].main[key] - (r['without+kit'].main[key] + r['without+floor'].main[key]) / 2);
  const addedOnSettled = (what, key) => runsOf.map((r) => r[`without+${what}`].addition.added[key]);
  const figures = (perRun) => ({ cpu: median(perRun('cpu')), wall: median(perRun('wall')) });
  const kitAtLoad = figures((key) => atLoad('with', key));
  const floorAtLoad = figures((key) => atLoad('floor', key));
  const kitSettled = figures((key) => addedOnSettled('kit', key));
  const floorSettled = figures((key) => addedOnSettled('floor', key));
  const litFloorSettled = figures((key) => addedOnSettled('lit-floor', key));
  const ratio = (kit, floor, key) => (floor[key] > 0 ? round(kit[key] / floor[key], 2) : null);
  const list = (values) => values.map(ms).join(', ');
  const baseline = loads('without').map((s) => s.main.cpu);
  // The page's own noise at load: how far its two loads without the kit differ within a run (median). A
  // figure at load smaller than that is not told apart from the page's own variation.
  const spread = median(runsOf.map((r) => Math.abs(r['without+kit'].main.cpu - r['without+floor'].main.cpu)));
  const noise = `the page alone varied ${ms(Math.min(...baseline))}–${ms(Math.max(...baseline))} ms thread (±${ms(spread)} ms between its two loads of a run, median)`;
  const noRatio = (floor, { atLoad = false } = {}) =>
    floor.cpu > (atLoad ? spread : 0)
      ? null
      : `the floor added ${ms(floor.cpu)} ms, ${atLoad ? `within the page's own noise at load (±${ms(spread)} ms)` : 'nothing measurable'}: no ratio (more runs, BENCH_RUNS, or a quieter machine)`;
  // The kit draws what is near the viewport (one screen ahead); the floor only what is on screen.
  const nearOnly = [...new Set(loads('with').flatMap((s) => s.settled.waited))].filter((name) => !floorDraws.includes(name));
  const scope = nearOnly.length ? `; the kit also draws, one screen ahead, ${nearOnly.join(', ')}, which the floor does not` : '';

  const kitShifts = kitShiftsAgainst(loads('without'));
  const kitCaused = (s) => shiftTotal(kitShifts(s));
  const settled = loads('with').map((s) => s.settled);
  const late = settled.filter((s) => s.late.length).length;
  const waited = [...new Set(settled.flatMap((s) => s.waited))];
  const far = [...new Set(settled.flatMap((s) => s.far))];
  const errors = [...new Set(runsOf.flatMap((r) => Object.values(r).flatMap((s) => s.errors)))];
  const settleNote = `settled: waited for ${waited.join(', ') || 'nothing'} (near the viewport or popup)${far.length ? `, not for ${far.join(', ')} (far below)` : ''}${late ? `; ${late} run(s) not settled in ${SETTLE_MS / 1000} s: ${[...new Set(settled.flatMap((s) => s.late))].join(', ')}` : ''}`;
  const loadAverages = runsOf.flatMap((r) => Object.values(r).flatMap((s) => s.load));
  const runNote = `4× CPU, ${runs} runs (two loads without the kit each), turning order, medians; load average ${Math.min(...loadAverages).toFixed(1)}–${Math.max(...loadAverages).toFixed(1)}`;
  const unit = 'ms thread / wall';
  return [
    row(
      S,
      'page main thread without kit',
      medians('without', (s) => s.main),
      unit,
      null,
      `${runNote}; widgets inert`,
    ),
    row(
      S,
      'page main thread with floor',
      medians('floor', (s) => s.main),
      unit,
      null,
      `plain custom elements drawing what the kit drew (above the fold unless said): ${drawn.join(', ')}`,
    ),
    row(
      S,
      'page main thread with kit',
      medians('with', (s) => s.main),
      unit,
      null,
      `${settleNote}${added.length ? `; added in memory: ${added.join(', ')}` : ''}`,
    ),
    row(
      S,
      'kit added main thread at load (with − without)',
      both(kitAtLoad.cpu, kitAtLoad.wall),
      unit,
      null,
      `median of per-run differences (thread: ${list(atLoad('with', 'cpu'))}): script, style, layout, paint the kit causes${scope}`,
    ),
    row(
      S,
      'floor added main thread at load (floor − without)',
      both(floorAtLoad.cpu, floorAtLoad.wall),
      unit,
      null,
      `median of per-run differences (thread: ${list(atLoad('floor', 'cpu'))}): the least a browser spends drawing the same widgets; ${noise}`,
    ),
    row(
      S,
      'kit ÷ floor added main thread, at load',
      // No ratio of a floor within the noise: it would be a figure of the noise.
      noRatio(floorAtLoad, { atLoad: true }) ? null : ratio(kitAtLoad, floorAtLoad, 'cpu'),
      '×',
      { max: 1.5 },
      `thread time ${ms(kitAtLoad.cpu)} ÷ ${ms(floorAtLoad.cpu)} ms; wall ${ms(kitAtLoad.wall)} ÷ ${ms(floorAtLoad.wall)} ms = ${ratio(kitAtLoad, floorAtLoad, 'wall') ?? 'n/a'}×; ${noise}: see the settled-page ratio`,
      noRatio(floorAtLoad, { atLoad: true }),
    ),
    row(
      S,
      'kit ÷ floor added main thread, settled page',
      ratio(kitSettled, floorSettled, 'cpu'),
      '×',
      { max: 1.5 },
      `script added to the page settled without the kit, less an empty window: kit ${both(kitSettled.cpu, kitSettled.wall)} ms (${list(addedOnSettled('kit', 'cpu'))}), floor ${both(floorSettled.cpu, floorSettled.wall)} ms (${list(addedOnSettled('floor', 'cpu'))}) thread / wall; wall ratio ${ratio(kitSettled, floorSettled, 'wall') ?? 'n/a'}×`,
      noRatio(floorSettled),
    ),
    row(
      S,
      'Lit floor added main thread, settled page',
      both(litFloorSettled.cpu, litFloorSettled.wall),
      unit,
      null,
      `the floor's snapshot drawn by plain Lit elements (floor.mjs), added to the page settled without the kit, less an empty window (${list(addedOnSettled('lit-floor', 'cpu'))}): what Lit itself spends to draw it; ${ratio(litFloorSettled, floorSettled, 'cpu') ?? 'n/a'}× the floor's thread time`,
    ),
    row(
      S,
      'kit ÷ Lit floor added main thread, settled page',
      ratio(kitSettled, litFloorSettled, 'cpu'),
      '×',
      null,
      `what the kit spends beyond its framework: thread ${ms(kitSettled.cpu)} ÷ ${ms(litFloorSettled.cpu)} ms, wall ratio ${ratio(kitSettled, litFloorSettled, 'wall') ?? 'n/a'}×; the budget is against the floor (above)`,
    ),
    row(
      S,
      'kit tasks (running kit code)',
      medians('with', (s) => s.kit),
      unit,
      null,
      `${m('with', (s) => s.kit.count)} whole tasks in which /dist/ code ran (page work in the same task included)`,
    ),
    row(
      S,
      'kit longest task',
      ms(m('with', (s) => s.kit.longestCpu)),
      'ms thread',
      { max: 50 },
      `longest kit task (one that ran /dist/ code, or a frame that drew the kit's work alone); wall ${ms(m('with', (s) => s.kit.longestWall))} ms`,
    ),
    row(
      S,
      'page longest task without / floor / with kit',
      `${ms(m('without', (s) => s.main.longestCpu))} / ${ms(m('floor', (s) => s.main.longestCpu))} / ${ms(m('with', (s) => s.main.longestCpu))}`,
      'ms thread',
      null,
      `any task on the page, for context; wall ${ms(m('without', (s) => s.main.longestWall))} / ${ms(m('floor', (s) => s.main.longestWall))} / ${ms(m('with', (s) => s.main.longestWall))} ms${errors.length ? `; page errors: ${errors.join(' | ').slice(0, 120)}` : ''}`,
    ),
    row(
      S,
      'layout shift without / floor / with kit',
      `${round(
        m('without', (s) => s.cls),
        4,
      )} / ${round(
        m('floor', (s) => s.cls),
        4,
      )} / ${round(
        m('with', (s) => s.cls),
        4,
      )}`,
      'CLS',
      null,
      'sum of shifts without recent input, page lifetime until settled',
    ),
    row(
      S,
      'layout shift caused by kit',
      round(m('with', kitCaused), 3),
      'CLS',
      { max: 0 },
      `shifts with the kit, less the page's own (the same nodes moved by as much in a load without it: ${round(
        m('with', (s) => s.cls) - m('with', kitCaused),
        4,
      )}); with − without ${round(m('with', (s) => s.cls) - m('without', (s) => s.cls), 4)}; shifts of kit nodes ${round(
        m('with', (s) => s.kitShift),
        4,
      )}`,
    ),
  ];
}
