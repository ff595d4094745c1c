// 4. Popup: the product page with the kit at 4× CPU, loaded and settled (not measured), then, in a trace, a
// click on the popup wheel's launcher until the wheel is drawn and one quiet second more: the kit's tasks
// while the popup opens (its code, its render, the dialog shown).
import { loadavg } from 'node:os';
import { median, round, row, sleep, taskTotals, tasksRunning, throttledPage, timeout, traceMainThread } from '../lib.mjs';
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
    const kitTasks = tasksRunning(events, main, tasks, (u) => u.includes('/dist/'));
    return { main: taskTotals(tasks), kit: taskTotals(kitTasks), openMs: result.openMs, settled, load, errors };
  } finally {
    await context.close();
  }
}

export async function popup({ browser, origin, product, runs, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = await openOnce(browser, origin + product.with);
    samples.push(s);
    log(
      `  popup, run ${i + 1}: click to wheel drawn ${s.openMs} ms; kit ${round(s.kit.cpu, 0)} / ${round(s.kit.wall, 0)} ms thread / wall (${s.kit.count} tasks), longest ${round(s.kit.longestCpu, 0)} / ${round(s.kit.longestWall, 0)} ms`,
    );
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
        )} ms wall) and 1 s more; ${m((s) => s.kit.count)} tasks ran /dist/ code${errors.length ? `; page errors: ${errors.join(' | ').slice(0, 120)}` : ''}`,
      ),
      row(
        S,
        'kit longest task opening the popup wheel',
        round(m((s) => s.kit.longestCpu)),
        'ms thread',
        { max: 50 },
        `wall ${round(m((s) => s.kit.longestWall))} ms; any task on the page: ${round(m((s) => s.main.longestCpu))} / ${round(m((s) => s.main.longestWall))} ms thread / wall`,
      ),
    ],
    raw: samples,
  };
}
