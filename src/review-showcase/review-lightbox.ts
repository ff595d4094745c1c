/**
 * The photo lightbox of `<retain-review-showcase>`: its dialog, looks and open event. Loaded on the first
 * photo click (prefetched when a photo is pointed at or focused), so the first render does not carry it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import { RetainEvent } from '../core/events.js';
import type { ShownReview } from './review-data.js';
import type { ReviewPhotoDetail } from './review-showcase.details.js';
import type { ReviewTerm } from './review-showcase.translations.js';

/** The shopper opened a review photo in the lightbox. */
export class RetainReviewPhotoOpenedEvent extends RetainEvent<ReviewPhotoDetail> {
  constructor(detail: ReviewPhotoDetail) {
    super('retain-review-photo-opened', detail);
  }
}

export const lightboxStyles = css`
  dialog {
    max-width: min(90vw, 60em);
    border: 0;
    border-radius: var(--_r);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.75);
  }
  /* High contrast (forced colours): a border sets the dialog off the page. */
  @media (forced-colors: active) {
    dialog {
      border: 1px solid;
    }
  }
  figure {
    margin: 0;
  }
  figure img {
    display: block;
    max-width: 100%;
    max-height: 75vh;
    height: auto;
    margin: auto;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4em 0.6em;
    justify-content: flex-end;
    margin-top: 0.75em;
  }
`;

export interface Photo {
  review: ShownReview;
  index: number;
  /** Gets the focus back when the dialog closes. */
  opener?: HTMLElement;
}

/**
 * The dialog for `photo`; `show` is called with the photo to show next (a step, wrapping) or with
 * nothing when the dialog has closed.
 */
export function renderLightbox(
  photo: Photo,
  t: (key: ReviewTerm, args?: Record<string, unknown>) => string,
  show: (photo?: Photo) => void,
): TemplateResult {
  const { review, index, opener } = photo;
  const m = review.media[index];
  const n = review.media.length;
  const step = (dir: number) => show({ ...photo, index: (index + dir + n) % n });
  const closed = () => (show(), opener?.focus());
  const alt = m.alt || t('photoBy', { i: index + 1, name: review.author });
  return html`<dialog part="lightbox" aria-label=${t('photo', { i: index + 1, n })} @close=${closed}
    @keydown=${(e: KeyboardEvent) => (e.key === 'ArrowRight' ? step(1) : e.key === 'ArrowLeft' ? step(-1) : null)}>
    <figure>
      <img src=${m.url} alt=${alt} width=${m.width ?? nothing} height=${m.height ?? nothing} />
      <figcaption>${m.alt ? html`<span dir="auto" lang=${review.language ?? nothing}>${m.alt}</span> · ` : nothing}${t('photo', { i: index + 1, n })}</figcaption>
    </figure>
    <div class="actions">
      ${n > 1 ? html`<button @click=${() => step(-1)}>${t('prev')}</button><button @click=${() => step(1)}>${t('next')}</button>` : nothing}
      <button class="close" @click=${(e: Event) => (e.currentTarget as HTMLElement).closest('dialog')!.close()}>${t('close')}</button>
    </div>
  </dialog>`;
}
