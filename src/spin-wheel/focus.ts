/**
 * Where focus goes after a change that hid the focused control (a spin, the popup opened), loaded with
 * the parts that make such changes (`spin.ts`, `popup.ts`).
 */
import type { LitElement } from 'lit';
import type { WheelCallbacks } from './state.js';

/** Resolves once `el` has been laid out: a ResizeObserver reports after the layout that placed it. */
const laidOut = (el: Element) =>
  new Promise<void>((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(el);
  });

/**
 * Focuses the next useful control of `host`, once its state is read and drawn: the result's copy button
 * (else the card), else the email field (else the spin button); nothing in a closed popup. `inPlace`,
 * after a spin: once the card just drawn is laid out, so that focusing it forces no layout of its own,
 * and unscrolled (it sits where the shopper's eyes already are, over the wheel, above the button just
 * pressed).
 */
export async function focusNext(host: LitElement, on: Pick<WheelCallbacks, 'loaded' | 'state'>, inPlace = false): Promise<void> {
  await on.loaded();
  await host.updateComplete;
  const root = host.renderRoot;
  const phase = on.state().phase;
  const [first, second] =
    phase === 'won' || phase === 'spent' || phase === 'exhausted'
      ? ['[part~=copy-button]', '.card']
      : ['[part~=email]', '[part~=spin-button]'];
  if (root.querySelector('dialog')?.open === false) return;
  const next = root.querySelector<HTMLElement>(first) ?? root.querySelector<HTMLElement>(second);
  if (next && inPlace) await laidOut(next);
  next?.focus({ preventScroll: inPlace });
}
