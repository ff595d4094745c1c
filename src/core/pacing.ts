/**
 * DOM work paced so that the page keeps drawing: `nextFrame`, one batch of DOM a frame; `frameOfItsOwn`,
 * one caller a frame; `layOutLater`, a part of a first render a frame after the rest. (Long work in slices of a
 * task: slice.ts.)
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

/** The last turn given out by `frameOfItsOwn`, until a frame has been drawn after it. */
let lastTurn: Promise<void> | undefined;

/**
 * Resolves in a task of its own, and after the frame that drew the previous caller's work when one is
 * still waiting for it: widgets whose first renders come at once (their code arrived together) are laid
 * out a frame each, not all in one frame as long as their sum. With no turn pending it is just the next task.
 */
export function frameOfItsOwn(): Promise<void> {
  const turn = lastTurn ? lastTurn.then(nextFrame) : nextTask();
  lastTurn = turn;
  void turn.then(nextFrame).then(() => {
    if (lastTurn === turn) lastTurn = undefined;
  });
  return turn;
}

/** Whether `element` is wholly above or below the viewport: one read of the page's layout. */
export function outOfView(element: Element): boolean {
  const { top, bottom } = element.getBoundingClientRect();
  return top >= innerHeight || bottom <= 0;
}

/**
 * For a first render that comes out of view (one screen ahead), too much to lay out in one frame on a slow phone:
 * the part rendered with `data-later` (`content-visibility: hidden` in its widget's styles: its layout and paint
 * skipped) is laid out a frame after the rest. The attribute goes straight on the DOM, with no second render. Nobody
 * sees the frame between: the widget is off screen.
 */
export function layOutLater(part: Element | null): void {
  void nextFrame().then(() => part?.removeAttribute('data-later'));
}
