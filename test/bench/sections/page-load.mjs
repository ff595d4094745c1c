// 2. Page load: the demo product page with all four widgets, 4× CPU slowdown, a fresh profile per run,
// runs alternating with and without the kit. From a trace of each load: the page's main-thread time (sum
// of the renderer main thread's top-level tasks) and longest task; the kit's tasks (those that ran code
// from /dist/); layout shifts (PerformanceObserver, without recent input) and which nodes moved.
import { median, round, row, sleep, tasksRunning, throttledPage, traceMainThread } from '../lib.mjs';

const S = 'page load';

/** In the page before anything else: collects layout shifts with the nodes that moved. */
function observeShifts() {
  window.__shifts = [];
  const describe = (node) => {
    if (!node) return '(gone)';
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
        window.__shifts.push({ value: e.value, at: e.startTime, sources: (e.sources ?? []).map((s) => describe(s.node)) });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/** After load: every retain-* element on the page defined and rendered (with the kit), or a time-out. */
async function settle(withKit) {
  const tags = ['retain-spin-wheel', 'retain-loyalty-badge', 'retain-review-showcase', 'retain-account-prompt'].filter((t) =>
    document.querySelector(t),
  );
  if (withKit) {
    const done = Promise.all(
      tags.map(async (tag) => {
        await customElements.whenDefined(tag);
        await Promise.all([...document.querySelectorAll(tag)].map((el) => el.updateComplete));
      }),
    );
    const late = await Promise.race([done.then(() => false), new Promise((r) => setTimeout(() => r(true), 30_000))]);
    return { tags, defined: tags.filter((t) => customElements.get(t)), late };
  }
  return { tags, defined: [], late: false };
}

async function loadOnce(browser, url, withKit) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.addInitScript(observeShifts);
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
    const { result, events, main, tasks } = await traceMainThread(browser, page, async () => {
      await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
      const settled = await page.evaluate(settle, withKit);
      await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
      await sleep(1500);
      const shifts = await page.evaluate(() => window.__shifts);
      return { settled, shifts };
    });
    const kitTasks = tasksRunning(events, main, tasks, (u) => u.includes('/dist/'));
    const kitShift = result.shifts.filter((s) => s.sources.some((src) => src.startsWith('retain-'))).reduce((a, s) => a + s.value, 0);
    return {
      total: tasks.reduce((a, t) => a + t.dur, 0),
      longest: Math.max(0, ...tasks.map((t) => t.dur)),
      kitTotal: kitTasks.reduce((a, t) => a + t.dur, 0),
      kitLongest: Math.max(0, ...kitTasks.map((t) => t.dur)),
      kitTaskCount: kitTasks.length,
      cls: result.shifts.reduce((a, s) => a + s.value, 0),
      kitShift,
      shifts: result.shifts,
      settled: result.settled,
      errors,
    };
  } finally {
    await context.close();
  }
}

export async function pageLoad({ browser, origin, product, runs, log }) {
  const samples = { with: [], without: [] };
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so that drift in the machine's load falls on both.
    const order = i % 2 ? ['with', 'without'] : ['without', 'with'];
    for (const variant of order) {
      const sample = await loadOnce(browser, origin + product[variant], variant === 'with');
      samples[variant].push(sample);
      log(
        `  page load ${variant} kit, run ${i + 1}: main thread ${round(sample.total)} ms, longest ${round(sample.longest)} ms, kit tasks ${round(sample.kitTotal)} ms (${sample.kitTaskCount}), CLS ${round(sample.cls, 4)}`,
      );
    }
  }
  const m = (variant, key) => median(samples[variant].map((s) => s[key]));
  const late = samples.with.filter((s) => s.settled.late).length;
  const undefinedTags = [...new Set(samples.with.flatMap((s) => s.settled.tags.filter((t) => !s.settled.defined.includes(t))))];
  const errors = [...new Set(samples.with.flatMap((s) => s.errors))];
  const settleNote = `${runs} runs each, medians${late ? `; ${late} run(s) not settled in 30 s` : ''}${undefinedTags.length ? `; never defined: ${undefinedTags.join(', ')}` : ''}${errors.length ? `; page errors: ${errors.join(' | ').slice(0, 120)}` : ''}`;
  const added = product.added.length ? `; added in memory: ${product.added.join(', ')}` : '';
  const diff = m('with', 'total') - m('without', 'total');
  const shiftDiff = m('with', 'cls') - m('without', 'cls');
  const rows = [
    row(S, 'page main thread without kit', round(m('without', 'total')), 'ms', null, `4× CPU; ${settleNote}`),
    row(S, 'page main thread with kit', round(m('with', 'total')), 'ms', null, `4× CPU${added}`),
    row(
      S,
      'kit main thread (with − without)',
      round(diff),
      'ms',
      { max: 100 },
      'difference of medians: script, style, layout, paint the kit causes',
    ),
    row(
      S,
      'kit main thread (tasks running kit code)',
      round(m('with', 'kitTotal')),
      'ms',
      null,
      'sum of whole tasks in which /dist/ code ran (page work in the same task included)',
    ),
    row(S, 'kit longest task', round(m('with', 'kitLongest')), 'ms', { max: 50 }, 'longest task that ran /dist/ code'),
    row(
      S,
      'page longest task without / with kit',
      `${round(m('without', 'longest'))} / ${round(m('with', 'longest'))}`,
      'ms',
      null,
      'any task on the page, for context',
    ),
    row(
      S,
      'layout shift without / with kit',
      `${round(m('without', 'cls'), 4)} / ${round(m('with', 'cls'), 4)}`,
      'CLS',
      null,
      'sum of shifts without recent input, page lifetime until settled',
    ),
    row(
      S,
      'layout shift caused by kit',
      round(Math.max(shiftDiff, m('with', 'kitShift')), 3),
      'CLS',
      { max: 0 },
      `max of (with − without) and shifts of kit nodes (${round(m('with', 'kitShift'), 4)})`,
    ),
  ];
  return { rows, raw: samples };
}
