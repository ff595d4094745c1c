/**
 * Long work paced so that the page keeps drawing. `Slice`: work checks `slice.due` often and, when it
 * is, awaits `slice.pause()` to yield (checking first costs no microtask when not due). `nextFrame`: one
 * batch of DOM a frame.
 */
import { nextTask } from './tasks.js';

/** Milliseconds of work per task: a quarter of a long task, leaving room for the page's own work. */
const SLICE_MS = 10;

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
 * own. A hidden tab draws none: there (or once the tab is hidden) it resolves after 100 ms. A visible
 * page is waited for however slow its frame (a busy phone): the frame, not a timer, says it was drawn.
 */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', whenHidden);
      resolve();
    };
    const whenHidden = () => {
      if (document.visibilityState === 'hidden') timer ??= setTimeout(done, 100);
    };
    document.addEventListener('visibilitychange', whenHidden);
    whenHidden();
    requestAnimationFrame(() => void nextTask().then(done));
  });
}
