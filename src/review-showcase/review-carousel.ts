/**
 * The carousel of `<retain-review-showcase view="carousel">`: its track, buttons, keys and looks, loaded
 * only for that view (the element waits for it before showing cards in it).
 */
import { css, html, type TemplateResult } from 'lit';
import type { ReviewTerm } from './review-showcase.translations.js';

export const carouselStyles = css`
  .slides {
    display: flex;
    align-items: center;
    gap: 0.6em;
  }
  .track {
    flex: 1;
    min-width: 0;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
    overscroll-behavior-x: contain;
  }
  .track .reviews {
    display: grid;
    grid-auto-flow: column;
    grid-auto-columns: min(var(--_card), 85%);
    padding: 4px;
  }
  .track li {
    scroll-snap-align: start;
  }
  @media (prefers-reduced-motion: no-preference) {
    .track {
      scroll-behavior: smooth;
    }
  }
`;

/**
 * Scrolls the track by a card towards `dir`; false when it is already at that end (the page turns).
 */
function scroll(dir: number, track: HTMLElement): boolean {
  const card = track.querySelector('li')?.getBoundingClientRect().width ?? track.clientWidth;
  const end = dir > 0 ? track.scrollLeft + track.clientWidth >= track.scrollWidth - 2 : track.scrollLeft <= 2;
  // 'instant', not 'auto': 'auto' defers to the CSS scroll-behavior, which need not agree with matchMedia.
  if (!end) track.scrollBy({ left: dir * card, behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth' });
  return end;
}

/**
 * The cards in a scrolling track between "previous" and "next"; `turn(dir, track)` runs when the track
 * is at its end (to show the next or previous page).
 */
export function renderSlides(
  list: TemplateResult,
  t: (key: ReviewTerm) => string,
  turn: (dir: number, track: HTMLElement) => void,
): TemplateResult {
  const go = (dir: number, track: HTMLElement) => scroll(dir, track) && turn(dir, track);
  const button = (dir: number, key: 'prev' | 'next', text: string) =>
    html`<button class=${key} aria-label=${t(key)} @click=${(e: Event) => go(dir, (e.currentTarget as HTMLElement).parentElement!.querySelector('.track')!)}>${text}</button>`;
  return html`<div class="slides">
    ${button(-1, 'prev', '‹')}
    <div class="track" tabindex="0" role="group" aria-roledescription=${t('carousel')} aria-label=${t('heading')}
      @keydown=${(e: KeyboardEvent) => (e.key === 'ArrowRight' || e.key === 'ArrowLeft') && (e.preventDefault(), go(e.key === 'ArrowRight' ? 1 : -1, e.currentTarget as HTMLElement))}>
      ${list}
    </div>
    ${button(1, 'next', '›')}
  </div>`;
}
