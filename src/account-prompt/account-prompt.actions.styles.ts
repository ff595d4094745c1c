import { css } from 'lit';

/**
 * The looks of what follows the shopper's actions (field errors, the alert, sending, the closing notes),
 * added to the prompt's own styles (account-prompt.styles.ts) when the actions load. Selectors outrank
 * the ones they override, so the order of the two sheets does not matter.
 */
export const actionStyles = css`
  :host {
    --_error: var(--retain-account-prompt-error, color-mix(in srgb, currentColor 40%, #c00));
  }
  .field input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .error[role='alert'] {
    margin-bottom: 0.75em;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  p:focus {
    outline: none;
  }
  /* Done: the card shrinks to its one-line note. */
  .ended {
    padding-block: calc(var(--retain-account-prompt-padding, 1.25em) / 2);
  }
`;
