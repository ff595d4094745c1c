// 3. Below the fold: the product page with all its widgets far below (setup.mjs, belowTheFold: the badge,
// both review showcases, the account prompt and the wheel, inline, under a spacer three viewports tall; no
// forwarders), at 4× CPU. First the load, traced as page load traces it: what the kit does before the
// shopper scrolls near anything (a kit that waits until seen does next to nothing). Then, in a second trace,
// the page scrolled down most of a viewport at a time, as a shopper scrolls, until every widget is rendered:
// the kit's tasks while they come in, and the layout shifts they cause.
import { median, round, row, sleep, taskTotals, tasksOf, throttledPage, timeout, traceMainThread } from '../lib.mjs';
import { settleWidgets } from '../settle.mjs';
import { tracedLoad } from '../load.mjs';

const S = 'below the fold';

/** In the page: scrolls down 80% of a viewport at a time, two frames and 250 ms apart, to the bottom. */
async function scrollThrough() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  let steps = 0;
  let still = 0;
  // The page grows as widgets render: at the bottom, wait and look again, twice.
  while (steps < 100 && still < 3) {
    const before = scrollY;
    scrollBy(0, Math.round(innerHeight * 0.8));
    steps += 1;
    await frame();
    await frame();
    await new Promise((resolve) => setTimeout(resolve, 250));
    still = scrollY === before ? still + 1 : 0;
  }
  return { steps, scrollY: Math.round(scrollY), height: document.documentElement.scrollHeight };
}

async function measureOnce(browser, url) {
  const { context, page } = await throttledPage(browser);
  try {
    const before = await tracedLoad(browser, page, url, { withKit: true });
    const shiftsBefore = before.shifts.length;
    const scroll = await traceMainThread(browser, page, async () => {
      const scrolled = await timeout(page.evaluate(scrollThrough), 120_000, 'scrolling through the page');
      const settled = await page.evaluate(settleWidgets, { all: true, limitMs: 30_000 });
      await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => undefined);
      await sleep(1000);
      const shifts = (await page.evaluate(() => window.__shifts ?? [])).slice(shiftsBefore);
      return { scrolled, settled, shifts };
    });
    const kitTasks = tasksOf(scroll.events, scroll.main, scroll.tasks, (u) => u.includes('/dist/'));
    return {
      before: { main: before.main, kit: before.kit, settled: before.settled, load: before.load },
      scroll: {
        main: taskTotals(scroll.tasks),
        kit: taskTotals(kitTasks),
        cls: scroll.result.shifts.reduce((a, s) => a + s.value, 0),
        shifts: scroll.result.shifts,
        scrolled: scroll.result.scrolled,
        settled: scroll.result.settled,
      },
      errors: before.errors,
    };
  } finally {
    await context.close();
  }
}

export async function belowFold({ browser, origin, product, runs, log }) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const s = await measureOnce(browser, origin + product.belowFold);
    samples.push(s);
    log(
      `  below the fold, run ${i + 1}: kit before scrolling ${round(s.before.kit.cpu, 0)} / ${round(s.before.kit.wall, 0)} ms thread / wall (${s.before.kit.count} tasks); scrolled in ${s.scroll.scrolled.steps} steps: kit ${round(s.scroll.kit.cpu, 0)} / ${round(s.scroll.kit.wall, 0)} ms, longest ${round(s.scroll.kit.longestCpu, 0)} / ${round(s.scroll.kit.longestWall, 0)} ms, CLS ${round(s.scroll.cls, 4)}`,
    );
  }
  const m = (pick) => median(samples.map(pick));
  const far = [...new Set(samples.flatMap((s) => s.before.settled.far))];
  const near = [...new Set(samples.flatMap((s) => s.before.settled.waited))];
  const late = [...new Set(samples.flatMap((s) => s.scroll.settled.late))];
  const errors = [...new Set(samples.flatMap((s) => s.errors))];
  const loads = samples.flatMap((s) => s.before.load);
  const runNote = `4× CPU, ${runs} runs, medians; load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
  return {
    rows: [
      row(
        S,
        'kit main thread before anything is scrolled near',
        round(m((s) => s.before.kit.cpu)),
        'ms thread',
        { max: 10 },
        `${runNote}; kit tasks (that ran /dist/ code, or frames that drew its work alone) from navigation until settled: wall ${round(m((s) => s.before.kit.wall))} ms, ${m((s) => s.before.kit.count)} tasks; far below: ${far.join(', ')}${near.length ? `; near at load: ${near.join(', ')}` : ''}${errors.length ? `; page errors: ${errors.join(' | ').slice(0, 120)}` : ''}`,
      ),
      row(
        S,
        'kit tasks during scroll-in',
        `${round(
          m((s) => s.scroll.kit.cpu),
          0,
        )} / ${round(
          m((s) => s.scroll.kit.wall),
          0,
        )}`,
        'ms thread / wall',
        null,
        `scrolled 80% of a viewport at a time to the bottom (${m((s) => s.scroll.scrolled.steps)} steps), then until every widget rendered${late.length ? ` (not rendered in 30 s: ${late.join(', ')})` : ''}; ${m((s) => s.scroll.kit.count)} kit tasks`,
      ),
      row(
        S,
        'kit longest task during scroll-in',
        round(m((s) => s.scroll.kit.longestCpu)),
        'ms thread',
        { max: 50 },
        `wall ${round(m((s) => s.scroll.kit.longestWall))} ms; any task on the page: ${round(m((s) => s.scroll.main.longestCpu))} / ${round(m((s) => s.scroll.main.longestWall))} ms thread / wall`,
      ),
      row(
        S,
        'layout shift during scroll-in',
        round(
          m((s) => s.scroll.cls),
          3,
        ),
        'CLS',
        { max: 0 },
        'shifts without recent input while the widgets came in (a script scroll is not input): space not reserved before they render',
      ),
    ],
    raw: samples,
  };
}
