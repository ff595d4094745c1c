/** Keeping a widget's floating panel (a badge's, a reminder's) on screen on a narrow phone. */

/** Shifts `panel` sideways (a CSS `translate`, allowed under a strict CSP) so that it stays 8 px inside the viewport. */
export function keepInViewport(panel: HTMLElement): void {
  panel.style.translate = '';
  const { left, right } = panel.getBoundingClientRect();
  const room = document.documentElement.clientWidth - 8;
  const shift = left < 8 ? 8 - left : right > room ? room - right : 0;
  if (shift) panel.style.translate = `${shift}px`;
}
