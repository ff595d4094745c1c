// 3. Spin: the kit's wheel, a floor and two open-source wheels, each with 8 slices at 320 px (the floor a plain
// disc), spun by their own API for 4 s at 4× CPU slowdown, interleaved run by run (kit, floor, peers; again).
// Main-thread cost, from the spin call until the wheel is at rest with its result drawn (two frames after its
// end event), per second: the thread time of the main thread's tasks in a trace of the spin (the budget's
// figure), beside the growth of Chromium's TaskDuration (wall). The floor is what the browser itself spends
// on a spin the way the kit's wheel turns: a plain disc of the same size turned by one compositor animation
// of the same length and easing, no script until it ends. `kit ÷ floor` is what the kit adds to that.
// Then a second spin, with the main thread blocked for 500 ms in the middle of it: the compositor frames
// (`Display::DrawAndSwap` in a trace) drawn while the blocking task ran.
import { median, round, row, sleep, taskMs, throttledPage, timeout, traceMainThread } from '../lib.mjs';

const S = 'spin';
export const SPIN_MS = 4000;
const BLOCK_MS = 500;
const LABELS = ['10% off', 'Free shipping', 'Not this time', 'A sample tin', '15% off', 'Not this time', '5% off', 'Try again'];

const head =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>bench wheel</title>';

/** The bench pages: each sets `window.benchSpin = { ready, spin(ms) }`. */
export function spinPages() {
  const slices = LABELS.map((label, i) =>
    i % 2 === 0 ? `<retain-slice code="BENCH${i}">${label}</retain-slice>` : `<retain-slice type="none">${label}</retain-slice>`,
  ).join('\n');
  const kit = `${head}<script type="module" src="/dist/retainkit.js"></script></head><body>
<retain-spin-wheel instance="bench" duration="4s" cooldown="0" style="--retain-spin-wheel-size: 320px">${slices}</retain-spin-wheel>
<script type="module">
  const el = document.querySelector('retain-spin-wheel');
  const button = () => el.shadowRoot?.querySelector('[part~="spin-button"]');
  window.benchSpin = {
    ready: (async () => {
      await customElements.whenDefined('retain-spin-wheel');
      for (let i = 0; i < 600 && !(button() && !button().closest('form')?.hidden); i++) await new Promise((r) => setTimeout(r, 50));
      if (!button()) throw new Error('the kit wheel shows no spin button');
    })(),
    spin: () =>
      new Promise((resolve) => {
        el.addEventListener('retain-spin-ended', () => resolve(), { once: true });
        button().click();
      }),
  };
</script></body></html>`;
  const peer = (name) => `${head}<style>#wheel { width: 320px; height: 320px; }</style></head><body>
<div id="wheel"></div>
<script type="module">
  import '/peers/${name}/${name}.js';
  const wheel = window.benchWheel.mount(document.querySelector('#wheel'), ${JSON.stringify(LABELS)});
  window.benchSpin = { ready: Promise.resolve(), spin: (ms) => wheel.spin(ms) };
</script></body></html>`;
  // The kit's landing easing (spin.ts), 1800° as its wheel turns about 5 times in 4 s; its disc's look (a
  // 320 px circle with a shadow, on a layer of its own).
  const floor = `${head}<style>#disc { width: 320px; height: 320px; border-radius: 50%; background: conic-gradient(#c33, #36c, #3a6, #c93, #c33); box-shadow: 0 0.4rem 1.2rem rgb(0 0 0 / 0.25); will-change: transform; }</style></head><body>
<div id="disc" role="img" aria-label="a plain disc"></div>
<script type="module">
  const disc = document.querySelector('#disc');
  window.benchSpin = {
    ready: Promise.resolve(),
    spin: (ms) =>
      disc.animate([{ transform: 'rotate(0deg)' }, { transform: 'rotate(1800deg)' }], { duration: ms, easing: 'cubic-bezier(.1,.6,.2,1)' }).finished,
  };
</script></body></html>`;
  return {
    '/bench/wheel-kit.html': kit,
    '/bench/wheel-floor.html': floor,
    '/bench/wheel-spin-wheel.html': peer('spin-wheel'),
    '/bench/wheel-lucky-canvas.html': peer('lucky-canvas'),
  };
}

async function spinOnce(browser, url) {
  const { context, page, cdp } = await throttledPage(browser);
  try {
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e.message ?? e)));
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await timeout(
      page.evaluate(() => window.benchSpin.ready),
      45_000,
      'wheel ready',
    );
    await sleep(500);

    // Main-thread cost per second of spin: from the call to the wheel at rest with its result drawn. Thread
    // time (the main thread's tasks in a trace of the spin, a little idle before and after included), which
    // other processes on a loaded machine do not inflate, beside Chromium's TaskDuration (wall).
    let spunMs = 0;
    let wallMs = 0;
    const { tasks: spinTasks } = await traceMainThread(browser, page, async () => {
      const before = await taskMs(cdp);
      const started = Date.now();
      await timeout(
        page.evaluate(
          (ms) => window.benchSpin.spin(ms).then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))),
          SPIN_MS,
        ),
        30_000,
        'spin end',
      );
      spunMs = Date.now() - started;
      wallMs = (await taskMs(cdp)) - before;
    });
    const threadMs = spinTasks.reduce((sum, task) => sum + task.cpu, 0);
    const msPerSecond = { thread: threadMs / (spunMs / 1000), wall: wallMs / (spunMs / 1000) };
    await sleep(300);

    // Frames while the main thread is blocked for 500 ms in the middle of a spin.
    const { events, tasks } = await traceMainThread(browser, page, async () => {
      const second = page.evaluate((ms) => window.benchSpin.spin(ms).then(() => true), SPIN_MS);
      await sleep(1200);
      await page.evaluate((ms) => {
        const end = performance.now() + ms;
        while (performance.now() < end);
      }, BLOCK_MS);
      await sleep(300);
      second.catch(() => undefined);
    });
    const block = [...tasks].sort((a, b) => b.dur - a.dur)[0];
    const frames = block
      ? events.filter((e) => e.name === 'Display::DrawAndSwap' && e.ts / 1000 >= block.start && e.ts / 1000 <= block.end).length
      : null;
    const framesAround = events.filter((e) => e.name === 'Display::DrawAndSwap').length;
    return { msPerSecond, spunMs, frames, blockMs: block?.dur, framesInTrace: framesAround, errors };
  } finally {
    await context.close();
  }
}

export async function spin({ browser, origin, runs, log }) {
  const wheels = [
    ['kit', '/bench/wheel-kit.html'],
    ['floor', '/bench/wheel-floor.html'],
    ['spin-wheel', '/bench/wheel-spin-wheel.html'],
    ['lucky-canvas', '/bench/wheel-lucky-canvas.html'],
  ];
  const samples = Object.fromEntries(wheels.map(([name]) => [name, []]));
  const errors = {};
  // Interleaved: a slower stretch of the machine falls on every wheel alike.
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of wheels) {
      if (errors[name]) continue;
      try {
        const s = await spinOnce(browser, origin + path);
        samples[name].push(s);
        log(
          `  spin ${name}, run ${i + 1}: ${round(s.msPerSecond.thread)} / ${round(s.msPerSecond.wall)} ms/s thread / wall over ${round(s.spunMs / 1000, 2)} s, ${s.frames} frames during a ${round(s.blockMs)} ms block (${s.framesInTrace} in the trace)`,
        );
      } catch (e) {
        errors[name] = String(e.message ?? e).split('\n')[0];
      }
    }
  }
  const results = {};
  const rows = [];
  for (const [name] of wheels) {
    const taken = samples[name];
    const error = errors[name] ?? null;
    const ms = median(taken.map((s) => s.msPerSecond.thread));
    const wall = median(taken.map((s) => s.msPerSecond.wall));
    const frames = median(taken.map((s) => s.frames));
    results[name] = { ms, wall, frames, samples: taken, error };
    const who = name === 'kit' ? 'kit wheel' : name === 'floor' ? 'floor: a plain disc turned the same way' : `peer ${name}`;
    const budgets = name === 'kit' ? [{ max: 25 }, { min: 10 }] : [null, null];
    const errs = [...new Set(taken.flatMap((s) => s.errors))].join(' | ').slice(0, 100);
    rows.push(
      row(
        S,
        `${who}: main thread per s of spin`,
        round(ms),
        'ms/s thread',
        budgets[0],
        `wall ${round(wall)} ms/s; 4× CPU, ${SPIN_MS / 1000} s spin, start to result, median of ${taken.length}${errs ? `; page errors: ${errs}` : ''}`,
        error,
      ),
    );
    rows.push(
      row(
        S,
        `${who}: frames during 500 ms block`,
        frames,
        'frames',
        budgets[1],
        name === 'kit' ? '≥ 10 frames (20 fps) read as "frames keep coming"' : '',
        error,
      ),
    );
  }
  const kit = results.kit;
  const floor = results.floor;
  rows.push(
    row(
      S,
      'ratio: kit / floor main thread per s',
      kit?.ms > 0 && floor?.ms > 0 ? round(kit.ms / floor.ms, 2) : null,
      '×',
      null,
      `what the kit adds to the browser's own cost of the turn: ${kit?.ms != null && floor?.ms != null ? round(kit.ms - floor.ms) : 'n/a'} ms/s`,
    ),
  );
  for (const name of ['spin-wheel', 'lucky-canvas']) {
    const peer = results[name];
    const ratio = kit?.ms > 0 && peer?.ms != null ? round(peer.ms / kit.ms, 1) : null;
    rows.push(
      row(
        S,
        `ratio: ${name} / kit main thread per s`,
        ratio,
        '×',
        null,
        `frames while blocked: kit ${kit?.frames ?? 'n/a'}, ${name} ${peer?.frames ?? 'n/a'}`,
      ),
    );
  }
  return { rows, raw: results };
}
