import { css } from 'lit';

/*
 * The prompt's own looks over the shared card (core/card.styles.ts). The slide-in floats over the page, so it needs an opaque
 * surface: Canvas/CanvasText, which follow the page's color-scheme (or the one `scheme` pins).
 * The looks of what follows the shopper's actions (field errors, sending, the closing notes) are in
 * account-prompt.actions.styles.ts, which loads with them.
 */
export const styles = css`
  :host {
    --_card-padding: var(--retain-account-prompt-padding, 1.25em);
  }
  .slide-in {
    position: fixed;
    z-index: var(--retain-account-prompt-z-index, 2147483000);
    inset: auto 1rem 1rem auto;
    width: min(24em, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    background: var(--retain-account-prompt-background, Canvas);
    color: var(--retain-account-prompt-color, CanvasText);
    box-shadow: var(--retain-account-prompt-shadow, 0 0.5em 2em rgb(0 0 0 / 0.25));
    animation: rise var(--retain-account-prompt-duration, 250ms) ease-out;
  }
  @keyframes rise {
    from {
      transform: translateY(1.5em);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .slide-in {
      animation: none;
    }
  }
  p {
    margin: 0 0 0.75em;
  }
  ul {
    margin: 0 0 1em;
    padding: 0;
    list-style: none;
  }
  li::before {
    content: '✓ ';
    color: var(--_accent);
    font-weight: bold;
  }
  .field {
    margin-bottom: 0.75em;
  }
  label {
    display: block;
    font-weight: 600;
  }
  input:not([type='checkbox']) {
    display: block;
    width: 100%;
    min-height: 2.75em;
    margin-top: 0.25em;
    padding: 0.5em 0.75em;
    font: inherit;
    color: inherit;
    background: var(--retain-account-prompt-field-background, transparent);
    border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: calc(var(--_radius) / 2);
  }
  fieldset {
    margin: 0 0 0.75em;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: center;
    min-height: 2em;
    font-weight: normal;
  }
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
    accent-color: var(--_accent);
  }
  .hint,
  .error {
    margin: 0.25em 0 0;
  }
  .hint {
    font-size: max(0.9em, 12px);
  }
  .error:empty,
  .hint:empty {
    display: none;
  }
  [role='status']:empty,
  [part='base'] > :last-child {
    margin-bottom: 0;
  }
`;
