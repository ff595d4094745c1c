import { css } from 'lit';

/*
 * The card takes its colours from the store's text colour (tints of currentColor), so it suits a light or a
 * dark page without being told. The reminder's button and panel are in reminder.styles.ts, loaded with them.
 */
export const styles = css`
  :host {
    display: block;
    font: inherit;
    color: inherit;
    --_accent: var(--retain-next-order-offer-accent, var(--retain-accent, #1d4ed8));
    --_on-accent: var(--retain-next-order-offer-on-accent, var(--retain-on-accent, #fff));
    --_radius: var(--retain-next-order-offer-radius, var(--retain-radius, 0.75em));
  }
  :host(:not([reminder])) {
    container-type: inline-size;
  }
  :host([reminder]) {
    display: inline-block;
    position: relative;
    vertical-align: middle;
  }
  :host([hidden]),
  [hidden] {
    display: none;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_accent: var(--retain-next-order-offer-accent, var(--retain-accent, #9db8ff));
      --_on-accent: var(--retain-next-order-offer-on-accent, var(--retain-on-accent, #10131a));
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
  p {
    margin: 0 0 0.5em;
  }
  .card {
    max-width: var(--retain-next-order-offer-max-width, 34em);
    padding: 1.25em;
    border: 1px solid color-mix(in srgb, currentColor 22%, transparent);
    border-radius: var(--_radius);
    background: var(--retain-next-order-offer-background, color-mix(in srgb, currentColor 4%, transparent));
    line-height: 1.45;
  }
  @container (max-width: 22em) {
    .card {
      padding: 1em;
    }
  }
  .pending,
  .await {
    visibility: hidden;
  }
  h2 {
    margin: 0 0 0.42em;
    font-size: 1.2em;
    line-height: 1.25;
  }
  .benefit {
    font-size: 1.1em;
    font-weight: 700;
  }
  .code {
    display: flex;
    align-items: center;
    justify-content: center;
    min-block-size: calc(1.15em + 0.3em + 4px);
    margin-block: 0.75em;
    padding: 0.15em 0.5em;
    border: 2px dashed currentColor;
    border-radius: calc(var(--_radius) / 2);
    font:
      700 1.5em/1.15 ui-monospace,
      SFMono-Regular,
      Menlo,
      Consolas,
      monospace;
    letter-spacing: 0.06em;
    text-align: center;
    overflow-wrap: anywhere;
    user-select: all;
  }
  .asking {
    font: 400 0.6em/1.4 system-ui, sans-serif;
    letter-spacing: normal;
  }
  .expiry {
    font-variant-numeric: tabular-nums;
  }
  .expiry,
  .note {
    margin: 0.5em 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  button,
  a {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    font: inherit;
    font-weight: 600;
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
