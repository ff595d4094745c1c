/**
 * The looks of the popup (dialog, close button, launcher), adopted by the wheel's shadow root when its code
 * loads (`popup.ts`). The dialog, as the wheel, is not narrowed by a theme's small root font size (432 px at least, within 94vw).
 *
 * On a phone (30rem and narrower) the launcher is a tab on the end edge, turned a quarter (its text reads downwards),
 * instead of a button in the corner that sat over the page's text (issue 18): narrow enough for a page's side
 * margin, its lower end two thirds down, clear of what docks at the bottom. Turned by a transform: WebKit lays no
 * button out vertically. High contrast (forced colours) drops the shadow that set the dialog off the page: a border
 * does. (Comments here, not in the style sheet.)
 */
import { css } from 'lit';

export const popupStyles = css`
  /* In the popup nothing around it can shift: the unused form goes. */
  dialog .actions[hidden] {
    display: none;
  }
  dialog {
    box-sizing: border-box;
    width: min(94vw, max(27rem, 432px));
    max-height: calc(100dvh - 1rem);
    padding: 0;
    border: 0;
    border-radius: 1.25rem;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 0.4);
    overflow: auto;
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 0.55);
  }
  @media (forced-colors: active) {
    dialog {
      border: 1px solid;
    }
  }
  .inner {
    position: relative;
    padding: 1.25rem;
  }
  .inner h2 {
    padding-inline: 2.5rem;
  }
  .close {
    position: absolute;
    top: 0.5rem;
    inset-inline-end: 0.5rem;
    width: 2.75rem;
    height: 2.75rem;
    border: 0;
    border-radius: 50%;
    background: none;
    color: inherit;
    font-size: 1.6rem;
    line-height: 1;
    cursor: pointer;
  }
  .launcher {
    position: fixed;
    inset-block-end: 1rem;
    inset-inline-end: 1rem;
    z-index: 2147483000;
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.3);
  }
  @media (max-width: 30rem) {
    .launcher {
      inset: 66% 0 auto auto;
      min-height: 0;
      max-width: 40vh;
      padding: 0.3rem 0.75rem;
      border-radius: 0 0 0.6rem 0.6rem;
      font-size: max(0.875rem, 12px);
      line-height: 1.2;
      transform: rotate(90deg);
      transform-origin: top right;
    }
  }
  @media (prefers-reduced-motion: no-preference) {
    dialog[open] {
      animation: fade 0.2s ease-out;
    }
  }
`;
