// Measuring a page with or without the kit, traced on the main thread of the renderer showing it: a load
// from navigation until settled (settle.mjs), and a script added to a page already settled. Both return
// the main thread's totals in thread time (CPU) beside wall time, and the tasks that ran kit code.
import { loadavg } from 'node:os';
import { round, sleep, taskTotals, tasksOf, traceMainThread } from './lib.mjs';
import { settleWidgets } from './settle.mjs';

export const SETTLE_MS = 30_000;
const isKit = (url) => url.includes('/dist/');

/**
 * In the page before anything else: collects layout shifts with the nodes that moved, and whether each came
 * before the kit had made any widget (`beforeKit`: no `retain-*` element had a shadow root yet; until then the
 * kit has added nothing to the page, so it has moved nothing).
 */
function observeShifts() {
  window.__shifts = [];
  let firstWidgetAt = Infinity;
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    if (firstWidgetAt === Infinity && this.localName.startsWith('retain-')) firstWidgetAt = performance.now();
    return attachShadow.call(this, init);
  };
  const size = (r) => `${Math.round(r.width)}×${Math.round(r.height)}`;
  const rect = (r) => `${Math.round(r.x)},${Math.round(r.y)} ${size(r)}`;
  const describe = (node) => {
    const el = node.nodeType === 1 ? node : node.parentElement;
    const name = el
      ? el.localName +
        (el.id ? `#${el.id}` : '') +
        (el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : '')
      : node.nodeName;
    // Inside a widget's shadow root: name the widget.
    let host = node.getRootNode?.().host;
    while (host && !host.localName.startsWith('retain-')) host = host.getRootNode?.().host;
    const retain = el?.closest?.('retain-spin-wheel,retain-loyalty-badge,retain-review-showcase,retain-account-prompt');
    return host ? `${host.localName}>${name}` : retain ? `${retain.localName}>${name}` : name;
  };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (!e.hadRecentInput)
        window.__shifts.push({
          value: e.value,
          at: e.startTime,
          // Read in the callback, after the shift's frame: a widget made since then is after the shift.
          beforeKit: e.startTime < firstWidgetAt,
          // A node gone by now (removed since it moved) is told by where it was: "(gone: 50,171 149×19 → 159×19)".
          sources: (e.sources ?? []).map((s) => (s.node ? describe(s.node) : `(gone: ${rect(s.previousRect)} → ${size(s.currentRect)})`)),
        });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** The sum of `shifts` (CLS as page load counts it: every shift without recent input, not session windows). */
export const shiftTotal = (shifts) => shifts.reduce((a, s) => a + s.value, 0);

/** A shift that moved a node of a widget (the element, or inside its shadow root). */
const movesWidget = (shift) => shift.sources.some((src) => src.startsWith('retain-'));

/** A shift's fingerprint: how much, and which nodes moved. */
const shiftSignature = (shift) => `${round(shift.value, 4)} ${[...shift.sources].sort().join(',')}`;

/**
 * Which shifts of a load with the kit the kit caused, judged against loads of the same page without it: a
 * shift before the kit made any widget is the page's own (the demo's header, laid out anew by the page,
 * moved by 0.0067–0.0115 in some loads with the kit and some without, in frames before the badge was
 * defined; matched against the loads without it by how much, it was counted as the kit's whenever the
 * moves differed); so is a shift the page makes without the kit too (the same nodes moved by as much);
 * one that moves a widget's nodes after that is always the kit's. Returns a function of a load
 * (`tracedLoad`'s result) to its kit-caused shifts.
 */
export function kitShiftsAgainst(withoutKit) {
  const pageShifts = new Set(withoutKit.flatMap((load) => load.shifts.map(shiftSignature)));
  return (load) => load.shifts.filter((shift) => !shift.beforeKit && (movesWidget(shift) || !pageShifts.has(shiftSignature(shift))));
}

/**
 * Loads `url` in `page` under a trace: to the load event, then (with the kit) until the widgets near the
 * viewport and the popups are rendered (settle.mjs), the network idle and 1.5 s more. Returns the page's
 * main-thread totals, the kit's tasks, layout shifts and what settling found. The page stays open.
 * `widgets`: the selector of the page's drawing widgets to settle on (settle.mjs; its default unless given).
 */
export async function tracedLoad(browser, page, url, { withKit, widgets }) {
  await page.addInitScript(observeShifts);
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
  const load = [loadavg()[0]];
  const { result, events, main, tasks } = await traceMainThread(browser, page, async () => {
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    // Without the kit nothing is waited for, but the same frames and idle callbacks pass (the same work).
    const settled = await page.evaluate(settleWidgets, { limitMs: withKit ? SETTLE_MS : 0, widgets });
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    await sleep(1500);
    const shifts = await page.evaluate(() => window.__shifts ?? []);
    return { settled, shifts };
  });
  load.push(loadavg()[0]);
  return {
    main: taskTotals(tasks),
    kit: taskTotals(tasksOf(events, main, tasks, isKit)),
    cls: shiftTotal(result.shifts),
    kitShift: shiftTotal(result.shifts.filter(movesWidget)),
    shifts: result.shifts,
    settled: withKit ? result.settled : null,
    thread: main,
    load,
    errors,
  };
}

/** In the page: adds a module script (none when `src` is null). */
function addModuleScript(src) {
  if (!src) return;
  const script = document.createElement('script');
  script.type = 'module';
  script.src = src;
  document.head.append(script);
}

/** In the page: resolves once no resource has finished loading for 500 ms (at most 10 s). */
async function quietNetwork() {
  const count = () => performance.getEntriesByType('resource').length;
  const started = performance.now();
  let seen = count();
  let since = performance.now();
  while (performance.now() - since < 500 && performance.now() - started < 10_000) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    if (count() !== seen) [seen, since] = [count(), performance.now()];
  }
}

/** One traced window on a settled page: `src` added (or nothing), settled, the network quiet, 1 s more. */
async function tracedWindow(browser, page, src, withKit, widgets) {
  const { events, main, tasks } = await traceMainThread(browser, page, async () => {
    await page.evaluate(addModuleScript, src);
    await page.evaluate(settleWidgets, { limitMs: withKit ? SETTLE_MS : 0, widgets });
    await page.evaluate(quietNetwork);
    await sleep(1000);
  });
  return { main: taskTotals(tasks), kit: taskTotals(tasksOf(events, main, tasks, isKit)) };
}

/**
 * What adding `src` to a page that has settled without it costs the main thread, the page's own load out
 * of the way: a traced window with the script, less a window just before it in the same page where
 * nothing is added (the bench's own steps, idle work). Returns { empty, added, kit } totals; `added` is
 * the difference (thread and wall). `widgets` as for `tracedLoad`.
 */
export async function tracedAddition(browser, page, src, { withKit, widgets }) {
  const empty = await tracedWindow(browser, page, null, false, widgets);
  const withScript = await tracedWindow(browser, page, src, withKit, widgets);
  return {
    empty: empty.main,
    window: withScript.main,
    added: { cpu: withScript.main.cpu - empty.main.cpu, wall: withScript.main.wall - empty.main.wall },
    kit: withScript.kit,
  };
}
