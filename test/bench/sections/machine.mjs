// 0. The machine: how much of a core the page's main thread gets. A reference loop at 1× (no slowdown) is
// traced; its thread time over its wall time is the share of a core it got. Below ~80%, other processes
// are taking the CPU, and every wall-clock figure in ms (tasks, main-thread time, Lighthouse's TBT) is
// inflated by about 1/share; sizes, frames and ratios between runs taken alike hold better.
import { cpus, loadavg } from 'node:os';
import { median, round, row, throttledPage, traceMainThread } from '../lib.mjs';

export async function machine({ browser, origin, when = 'at the start' }) {
  const { context, page } = await throttledPage(browser, 1);
  try {
    await page.goto(`${origin}/bench/blank.html`);
    const shares = [];
    for (let i = 0; i < 3; i++) {
      const { events, main } = await traceMainThread(browser, page, () =>
        page.evaluate(() => {
          let x = 0;
          for (let j = 0; j < 3e7; j++) x += Math.sqrt(j);
          return x;
        }),
      );
      const task = events
        .filter((e) => e.name === 'RunTask' && `${e.pid}:${e.tid}` === main && e.ph === 'X')
        .sort((a, b) => b.dur - a.dur)[0];
      if (task?.tdur && task.dur) shares.push(Math.min(1, task.tdur / task.dur));
    }
    const share = median(shares);
    const load = loadavg()[0];
    return {
      rows: [
        row(
          'machine',
          `CPU share of the page main thread, ${when}`,
          share === null ? null : round(share * 100, 0),
          '%',
          null,
          `reference loop at 1×; load average ${load.toFixed(1)} on ${cpus().length} cores; < 80%: ms figures inflated`,
        ),
      ],
      raw: { share, shares, loadavg: loadavg(), cpus: cpus().length },
    };
  } finally {
    await context.close();
  }
}
