import { css } from 'lit';

/** The looks of what follows an answer (the follow-up, the thank-you), added to the survey's own when its actions load. */
export const actionStyles = css`
  label[for='comment'] {
    display: block;
    margin-bottom: 0.25em;
    font-weight: 700;
  }
  .optional {
    font-weight: normal;
  }
  textarea {
    display: block;
    inline-size: 100%;
    min-block-size: 5em;
    padding: 0.5em 0.75em;
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: calc(var(--_radius) / 2);
    resize: vertical;
  }
  [aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .note:focus {
    outline: none;
  }
  .note:last-child,
  .card > p:last-child {
    margin-bottom: 0;
  }
  a {
    color: inherit;
  }
`;
