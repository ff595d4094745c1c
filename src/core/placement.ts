/** Keeping a widget's floating panel (a badge's, a reminder's) on screen on a narrow phone. */

/**
 * Shifts `panel` sideways (a CSS `translate`, allowed under a strict CSP) so that it stays 8 px inside the
 * viewport, and narrows it to the room left (a scrollbar's width less) when it is wider than that.
 */
export function keepInViewport(panel: HTMLElement): void {
  panel.style.translate = panel.style.maxInlineSize = '';
  const room = document.documentElement.clientWidth - 8;
  let { left, right } = panel.getBoundingClientRect();
  if (right - left > room - 8) {
    panel.style.maxInlineSize = `${room - 8}px`;
    ({ left, right } = panel.getBoundingClientRect());
  }
  const shift = left < 8 ? 8 - left : right > room ? room - right : 0;
  if (shift) panel.style.translate = `${shift}px`;
}
