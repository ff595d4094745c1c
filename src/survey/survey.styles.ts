import { css } from 'lit';

/*
 * The survey's own looks over the shared card (core/card.styles.ts). The scores are native radios (arrow keys, a screen reader's "7 of 11") laid
 * over their labels, which carry the looks: eleven fit one row at 320 px (2px apart, 24 px targets or more
 * by WCAG 2.2's spacing rule, with the page's 16 px gutters), two rows in a narrower column. The looks of what follows an answer are in survey.actions.styles.ts.
 */
export const styles = css`
  :host {
    container-type: inline-size;
  }
  /* A phone: eleven scores need 264 px for 24 px apart, so the card gives up most of its side padding, and the
     scores' digits are a little smaller, so that a two-digit "10" in a wide system font fits its cell. */
  @container (max-width: 22em) {
    .card {
      padding: 1em 0.5em;
    }
    .option label {
      font-size: max(0.875em, 12px);
    }
  }
  /* Narrower still (a store's column on a phone): eleven scores 24 px apart no longer fit one row; two rows, 0–5 and 6–10. */
  @container (max-width: 17.5em) {
    .scale.nps {
      grid-template-columns: repeat(6, minmax(0, 1fr));
      row-gap: 0.5em;
    }
  }
  p {
    margin: 0 0 0.75em;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }
  legend {
    margin-bottom: 0.68em;
    padding: 0;
    font-size: 1.1em;
    font-weight: 700;
    line-height: 1.3;
  }
  .scale {
    display: grid;
    grid-template-columns: repeat(11, minmax(0, 1fr));
    gap: 2px;
  }
  .scale.csat {
    grid-template-columns: repeat(5, minmax(0, 1fr));
    gap: 0.5em;
  }
  .option {
    position: relative;
    display: grid;
  }
  .option input {
    position: absolute;
    inset: 0;
    inline-size: 100%;
    block-size: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .option label {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: 2.75em;
    border: 1px solid color-mix(in srgb, currentColor 45%, transparent);
    border-radius: calc(var(--_radius) / 2);
    font-weight: 600;
    font-variant-numeric: tabular-nums;
  }
  .option input:hover + label {
    background: color-mix(in srgb, currentColor 10%, transparent);
  }
  .option input:checked + label {
    border-color: var(--_accent);
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .option input:focus-visible + label {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  @media (forced-colors: active) {
    .option input:checked + label {
      border-width: 3px;
      border-color: Highlight;
    }
  }
  .ends {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 1.1em;
    margin: 0.45em 0 0;
    font-size: max(0.9em, 12px);
  }
  .error {
    margin: 0.5em 0 0;
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  .actions {
    margin-top: 1em;
  }
  a {
    font: inherit;
    font-weight: 600;
  }
`;
