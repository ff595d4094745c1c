import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

/*
 * The card takes its colours from the store's text colour (tints of currentColor), so it suits a light or a
 * dark page without being told; the accent follows the page's colour scheme (or the one `scheme` pins). It is
 * laid out by its own width (a container), so it fits a 320 px phone whatever the screen.
 */
export const styles = css`
  ${schemeStyles({
    '--_accent': [
      'var(--retain-referral-accent, var(--retain-accent, #1d4ed8))',
      'var(--retain-referral-accent, var(--retain-accent, #9db8ff))',
    ],
    '--_on-accent': [
      'var(--retain-referral-on-accent, var(--retain-on-accent, #fff))',
      'var(--retain-referral-on-accent, var(--retain-on-accent, #10131a))',
    ],
  })}
  :host {
    display: block;
    container-type: inline-size;
    font: inherit;
    color: inherit;
    --_radius: var(--retain-referral-radius, var(--retain-radius, 0.75em));
  }
  :host([hidden]),
  [hidden] {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  p {
    margin: 0 0 0.5em;
  }
  .card {
    max-width: var(--retain-referral-max-width, 34em);
    padding: 1.25em;
    border: 1px solid color-mix(in srgb, currentColor 22%, transparent);
    border-radius: var(--_radius);
    background: var(--retain-referral-background, color-mix(in srgb, currentColor 4%, transparent));
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
  dl {
    display: grid;
    gap: 0.25em;
    margin: 0 0 0.5em;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.4em;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
    font-weight: 700;
  }
  .note {
    font-size: 0.9em;
    opacity: 0.85;
  }
  .label {
    margin: 0.75em 0 0.25em;
    font-weight: 600;
  }
  .link {
    display: flex;
    align-items: center;
    min-block-size: 2.75em;
    margin-block: 0 0.75em;
    padding: 0.4em 0.75em;
    font:
      1em/1.3 ui-monospace,
      SFMono-Regular,
      Menlo,
      Consolas,
      monospace;
    border: 2px dashed currentColor;
    border-radius: calc(var(--_radius) / 2);
    overflow-wrap: anywhere;
    user-select: all;
  }
  .actions,
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  ul {
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }
  .via {
    margin: 0.75em 0 0;
    font-weight: 600;
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
    box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 40%, transparent);
  }
  a {
    color: inherit;
    padding-inline: 0.9em;
    text-decoration: underline;
    box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 30%, transparent);
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
`;
