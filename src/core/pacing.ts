/**
 * DOM work paced so that the page keeps drawing: `nextFrame`, one batch of DOM a frame. (Long work in
 * slices of a task: slice.ts.)
 */
import { nextTask } from './tasks.js';

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
