/**
 * Long work cut into short tasks, so that the page keeps answering the shopper: no task over the 50 ms
 * that the budgets (and browsers) call a long task. Work checks `slice.due` often and, when it is,
 * awaits `slice.pause()` to yield to the browser (checking first costs no microtask when not due).
 */

/** Milliseconds of work per task: a quarter of a long task, leaving room for the page's own work. */
const SLICE_MS = 10;

/**
 * Lets the browser run its other tasks and draw a frame before going on: a message-channel task. Not
 * `setTimeout`: nested timers are clamped to 4 ms, and a hidden tab runs them once a second. Not
 * `scheduler.yield()`: its continuations go ahead of rendering, and Chromium drew two frames in all
 * while 10,000 reviews were read that way.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** The clock of one piece of sliced work. */
export class Slice {
  private end = performance.now() + SLICE_MS;

  /** True once this slice's time is spent. */
  get due(): boolean {
    return performance.now() >= this.end;
  }

  /** Yields to the browser, then starts a new slice. Call it when `due`: it always yields. */
  async pause(): Promise<void> {
    await nextTask();
    this.end = performance.now() + SLICE_MS;
  }
}

/**
 * Resolves once the browser has drawn the next frame, so that work done then lands in a frame of its
 * own; after 100 ms without a frame (a hidden tab draws none) it resolves anyway.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 100);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      void nextTask().then(resolve);
    });
  });
}
