/**
 * Widgets handed the same data at once (two review showcases of one product, answered by one request)
 * show it in turns: each in a task of its own, so that no one task draws them all (a long task on a slow
 * phone), and in document order, so that the one higher on the page, which the shopper sees first, is
 * drawn first.
 */
import { nextTask } from './tasks.js';

const waiting: { element: Element; go: () => void }[] = [];
let serving = false;

/** Resolves when it is `element`'s turn to show what it was just given: in a task after the one that gave it. */
export function turn(element: Element): Promise<void> {
  return new Promise((go) => {
    waiting.push({ element, go });
    if (!serving) void serve();
  });
}

/** Each task, the waiting element first in the document goes. */
async function serve(): Promise<void> {
  serving = true;
  // Everyone the same answer resumed (in the microtasks of the task that gave it) has asked by then.
  await nextTask();
  while (waiting.length) {
    let first = 0;
    for (let i = 1; i < waiting.length; i++) {
      if (waiting[i].element.compareDocumentPosition(waiting[first].element) & Node.DOCUMENT_POSITION_FOLLOWING) first = i;
    }
    waiting.splice(first, 1)[0].go();
    if (waiting.length) await nextTask();
  }
  serving = false;
}
