import { css } from 'lit';

/*
 * The card takes its colours from the store's text colour (tints of currentColor), so it suits a light or a
 * dark page without being told. The scores are native radios (arrow keys, a screen reader's "7 of 11") laid
 * over their labels, which carry the looks: eleven fit one row at 320 px (2px apart, 24 px targets or more
 * by WCAG 2.2's spacing rule, with the page's 16 px gutters). The looks of what follows an answer are in survey.actions.styles.ts.
 */
export const styles = css`
  :host {
    display: block;
    container-type: inline-size;
    font: inherit;
    color: inherit;
    --_accent: var(--retain-survey-accent, var(--retain-accent, #1d4ed8));
    --_on-accent: var(--retain-survey-on-accent, var(--retain-on-accent, #fff));
    --_radius: var(--retain-survey-radius, var(--retain-radius, 0.75em));
  }
  :host([hidden]) {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--retain-survey-accent, var(--retain-accent, #9db8ff));
      --_on-accent: var(--retain-survey-on-accent, var(--retain-on-accent, #10131a));
    }
  }
  * {
    box-sizing: border-box;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .card {
    max-width: var(--retain-survey-max-width, 34em);
    padding: 1.25em;
    border: 1px solid color-mix(in srgb, currentColor 22%, transparent);
    border-radius: var(--_radius);
    background: var(--retain-survey-background, color-mix(in srgb, currentColor 4%, transparent));
    line-height: 1.45;
  }
  /* A phone: eleven scores need 264 px for 24 px apart, so the card gives up most of its side padding. */
  @container (max-width: 22em) {
    .card {
      padding: 1em 0.5em;
    }
  }
  .pending {
    visibility: hidden;
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
    font-size: 0.9em;
  }
  .error {
    margin: 0.5em 0 0;
    font-weight: 600;
  }
  .error:empty {
    display: none;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-top: 1em;
  }
  button,
  a {
    font: inherit;
    font-weight: 600;
  }
  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .primary {
    color: var(--_on-accent);
    background: var(--_accent);
  }
  .secondary {
    color: inherit;
    background: none;
    text-decoration: underline;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
