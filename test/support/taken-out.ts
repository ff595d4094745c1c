/**
 * A widget taken out of the page and put back, as a framework rendering the page again does (React, Vue, a
 * theme's section reload): for the tests that a widget claims, counts and announces nothing while it is out.
 */
import { afterWrites } from './writes.js';

/**
 * Takes `el` out of the page once its first render is done, and keeps it out for two frames and until the writes
 * the kit had queued are done (its first frame has passed, so whatever waited for it has run). Resolves with the
 * function that puts it back where it was.
 */
export async function takenOut(el: Element & { updateComplete: Promise<unknown> }): Promise<() => void> {
  const parent = el.parentNode!;
  const next = el.nextSibling;
  await el.updateComplete;
  el.remove();
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  await afterWrites();
  return () => parent.insertBefore(el, next);
}
