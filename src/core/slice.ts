/**
 * Long work paced so that the page keeps drawing: work checks `slice.due` often and, when it is, awaits
 * `slice.pause()` to yield (checking first costs no microtask when not due). Apart from pacing.ts: only
 * the review showcase slices its work (10,000 reviews), so no other widget's first load carries it.
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
