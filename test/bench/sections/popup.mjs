// 4. Popup: the product page with the kit at 4× CPU, loaded and settled (not measured), then, in a trace, a
// click on the popup wheel's launcher until the wheel is drawn and one quiet second more: the kit's tasks
// while the popup opens (its code, its render, the dialog shown). Interleaved with it, the page's floor: the
// same page without the kit, where a click opens a plain modal <dialog> (heading, close button, text) with
// `showModal()`, whose task restyles the whole page (the rest made inert) and lays it out for the focus: the
// least any modal popup costs on that page.
import { loadavg } from 'node:os';
import { median, round, row, sleep, taskTotals, tasksOf, throttledPage, timeout, traceMainThread } from '../lib.mjs';
import { settleWidgets } from '../settle.mjs';

const S = 'popup';

/** In the page: whether the popup wheel's wheel has a box (a closed dialog draws none). */
function wheelDrawn() {
  const wheel = document.querySelector('retain-spin-wheel[mode="popup"]')?.shadowRoot?.querySelector('[part~="wheel"]');
  return Boolean(wheel && wheel.getClientRects().length && wheel.getBoundingClientRect().width > 0);
}

async function openOnce(browser, url) {
  const { context, page } = await throttledPage(browser);
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    const settled = await page.evaluate(settleWidgets, { limitMs: 30_000 });
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    await sleep(1000);
    if (await page.evaluate(wheelDrawn)) throw new Error('the popup wheel was drawn before its launcher was clicked');
    const load = [loadavg()[0]];
    const { result, events, main, tasks } = await traceMainThread(browser, page, async () => {
      const start = Date.now();
      await page.locator('retain-spin-wheel[mode="popup"]').locator('[part~="launcher"]').click({ timeout: 30_000 });
      await timeout(page.waitForFunction(wheelDrawn, null, { timeout: 0, polling: 'raf' }), 30_000, 'the popup wheel drawn');
      const openMs = Date.now() - start;
      await sleep(1000);
      return { openMs };
    });
    load.push(loadavg()[0]);
    const kitTasks = tasksOf(events, main, tasks, (u) => u.includes('/dist/'));
    return { main: taskTotals(tasks), kit: taskTotals(kitTasks), openMs: result.openMs, settled, load, errors };
  } finally {
    await context.close();
  }
}

/** In the page without the kit: a plain modal dialog, as a popup's, and the fixed button that opens it. */
function addPlainDialog() {
  const dialog = document.createElement('dialog');
  dialog.setAttribute('aria-labelledby', 'bench-dialog-heading');
  dialog.style.cssText = 'box-sizing: border-box; width: min(94vw, 432px); padding: 1.25rem; overflow: auto';
  dialog.innerHTML =
    '<button type="button" aria-label="Close">×</button><h2 id="bench-dialog-heading">Spin to win</h2><p>Try your luck: one spin, one prize.</p>';
  dialog.querySelector('button').addEventListener('click', () => dialog.close());
  const open = document.createElement('button');
  open.id = 'bench-dialog-open';
  open.textContent = 'Spin to win';
  open.style.cssText = 'position: fixed; bottom: 1rem; right: 1rem; z-index: 10';
  open.addEventListener('click', () => dialog.showModal());
  document.body.append(dialog, open);
}

async function openFloorOnce(browser, url) {
  const { context, page } = await throttledPage(browser);
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
    await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
    await page.evaluate(addPlainDialog);
    await sleep(1000);
    const { events, main, tasks } = await traceMainThread(browser, page, async () => {
      await page.locator('#bench-dialog-open').click({ timeout: 30_000 });
      await timeout(
        page.waitForFunction(() => document.querySelector('dialog[open]'), null, { timeout: 0, polling: 'raf' }),
        30_000,
        'the dialog open',
      );
      await sleep(1000);
    });
    // The task of the click, which calls showModal(): not the page's other tasks around a click (its hover
    // styles, its own listeners), which the kit's longest task leaves out as well.
    const clicks = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && `${e.pid}:${e.tid}` === main);
    const task = tasks.find((t) => clicks.some((e) => e.ts / 1000 >= t.start && e.ts / 1000 <= t.end));
    if (!task) throw new Error('no task of the click that opens the plain dialog in the trace');
    return task;
  } finally {
    await context.close();
  }
}

export async function popup({ browser, origin, product, runs, log }) {
  const samples = [];
  const floor = [];
  for (let i = 0; i < runs; i++) {
    // Turning order, so that neither always comes first.
    for (const which of i % 2 ? ['floor', 'kit'] : ['kit', 'floor']) {
      if (which === 'floor') {
        const f = await openFloorOnce(browser, origin + product.without);
        floor.push(f);
        log(
          `  popup floor, run ${i + 1}: a plain dialog opened on the page without the kit, its click's task ${round(f.cpu, 0)} / ${round(f.dur, 0)} ms thread / wall`,
        );
        continue;
      }
      const s = await openOnce(browser, origin + product.with);
      samples.push(s);
      log(
        `  popup, run ${i + 1}: click to wheel drawn ${s.openMs} ms; kit ${round(s.kit.cpu, 0)} / ${round(s.kit.wall, 0)} ms thread / wall (${s.kit.count} tasks), longest ${round(s.kit.longestCpu, 0)} / ${round(s.kit.longestWall, 0)} ms`,
      );
    }
  }
  const m = (pick) => median(samples.map(pick));
  const loads = samples.flatMap((s) => s.load);
  const errors = [...new Set(samples.flatMap((s) => s.errors))];
  return {
    rows: [
      row(
        S,
        'kit tasks opening the popup wheel',
        `${round(
          m((s) => s.kit.cpu),
          0,
        )} / ${round(
          m((s) => s.kit.wall),
          0,
        )}`,
        'ms thread / wall',
        null,
        `4× CPU, ${runs} runs, medians; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}; click on the launcher of the product page's popup wheel to the wheel drawn (${round(
          m((s) => s.openMs),
          0,
        )} ms wall) and 1 s more; ${m((s) => s.kit.count)} kit tasks (that ran /dist/ code, or frames that drew the kit's work alone)${errors.length ? `; page errors: ${errors.join(' | ').slice(0, 120)}` : ''}`,
      ),
      row(
        S,
        'kit longest task opening the popup wheel',
        round(m((s) => s.kit.longestCpu)),
        'ms thread',
        { max: 50 },
        `wall ${round(m((s) => s.kit.longestWall))} ms; any task on the page: ${round(m((s) => s.main.longestCpu))} / ${round(m((s) => s.main.longestWall))} ms thread / wall`,
      ),
      row(
        S,
        'page floor: the task opening a plain dialog',
        round(median(floor.map((f) => f.cpu))),
        'ms thread',
        null,
        `the same page without the kit, a plain modal <dialog> opened by a click (the click's task, which calls showModal: the page restyled, made inert, and laid out for the focus): wall ${round(median(floor.map((f) => f.dur)))} ms; runs ${floor.map((f) => round(f.cpu, 0)).join(', ')} ms thread`,
      ),
    ],
    raw: { kit: samples, floor },
  };
}
