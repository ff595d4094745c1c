/**
 * Where focus goes after a change that hid the focused control (a spin, the popup opened), loaded with
 * the parts that make such changes (`spin.ts`, `popup.ts`).
 */
import type { LitElement } from 'lit';
import type { WheelCallbacks } from './state.js';

/**
 * Focuses the next useful control of `host`, once its state is read and drawn: the result's copy button
 * (else the card), else the email field (else the spin button); nothing in a closed popup. `inPlace`:
 * without scrolling to it. After a spin it sits where the shopper's eyes already are (the card over the
 * wheel, above the button just pressed), and unscrolled, focusing it forces no layout of the card just
 * drawn (the frame lays it out once).
 */
export async function focusNext(host: LitElement, on: Pick<WheelCallbacks, 'loaded' | 'state'>, inPlace = false): Promise<void> {
  await on.loaded();
  await host.updateComplete;
  const root = host.renderRoot;
  const phase = on.state().phase;
  const [first, second] =
    phase === 'won' || phase === 'spent' ? ['[part~=copy-button]', '.card'] : ['[part~=email]', '[part~=spin-button]'];
  if (root.querySelector('dialog')?.open === false) return;
  (root.querySelector<HTMLElement>(first) ?? root.querySelector<HTMLElement>(second))?.focus({ preventScroll: inPlace });
}
