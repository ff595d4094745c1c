import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

/*
 * The inline card takes its colours from the store's text colour (tints of currentColor), so it suits a
 * light or a dark page without being told. The slide-in floats over the page, so it needs an opaque
 * surface: Canvas/CanvasText, which follow the page's color-scheme (or the one `scheme` pins).
 * The looks of what follows the shopper's actions (field errors, sending, the closing notes) are in
 * account-prompt.actions.styles.ts, which loads with them.
 */
export const styles = css`
  ${schemeStyles({})}
  :host {
    display: block;
    font: inherit;
    color: inherit;
    --_accent: var(--retain-account-prompt-accent, var(--retain-accent, #1d4ed8));
    --_on-accent: var(--retain-account-prompt-on-accent, var(--retain-on-accent, #fff));
    --_radius: var(--retain-account-prompt-radius, var(--retain-radius, 0.75rem));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  [part='base'] {
    max-width: var(--retain-account-prompt-max-width, 34rem);
    padding: var(--retain-account-prompt-padding, 1.25rem);
    border: 1px solid color-mix(in srgb, currentColor 22%, transparent);
    border-radius: var(--_radius);
    background: var(--retain-account-prompt-background, color-mix(in srgb, currentColor 4%, transparent));
    line-height: 1.45;
  }
  .pending {
    visibility: hidden;
  }
  .slide-in {
    position: fixed;
    z-index: var(--retain-account-prompt-z-index, 2147483000);
    inset: auto 1rem 1rem auto;
    width: min(24rem, calc(100vw - 2rem));
    max-height: calc(100vh - 2rem);
    overflow: auto;
    background: var(--retain-account-prompt-background, Canvas);
    color: var(--retain-account-prompt-color, CanvasText);
    box-shadow: var(--retain-account-prompt-shadow, 0 0.5rem 2rem rgb(0 0 0 / 0.25));
    animation: rise var(--retain-account-prompt-duration, 250ms) ease-out;
  }
  @keyframes rise {
    from {
      transform: translateY(1.5rem);
      opacity: 0;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    .slide-in {
      animation: none;
    }
  }
  h2 {
    margin: 0 0 0.5rem;
    font-size: 1.2em;
    line-height: 1.25;
  }
  p {
    margin: 0 0 0.75rem;
  }
  ul {
    margin: 0 0 1rem;
    padding: 0;
    list-style: none;
  }
  li::before {
    content: '✓ ';
    color: var(--_accent);
    font-weight: bold;
  }
  .field {
    margin-bottom: 0.75rem;
  }
  label {
    display: block;
    font-weight: 600;
  }
  input:not([type='checkbox']) {
    display: block;
    width: 100%;
    min-height: 2.75rem;
    margin-top: 0.25rem;
    padding: 0.5rem 0.75rem;
    font: inherit;
    color: inherit;
    background: var(--retain-account-prompt-field-background, transparent);
    border: 1px solid color-mix(in srgb, currentColor 55%, transparent);
    border-radius: calc(var(--_radius) / 2);
  }
  fieldset {
    margin: 0 0 0.75rem;
    padding: 0;
    border: 0;
  }
  legend {
    padding: 0;
    font-weight: 600;
  }
  .check {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 2rem;
    font-weight: normal;
  }
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin: 0;
    accent-color: var(--_accent);
  }
  .hint,
  .error {
    margin: 0.25rem 0 0;
  }
  .hint {
    font-size: 0.9em;
  }
  .error:empty,
  .hint:empty {
    display: none;
  }
  [role='status']:empty,
  [part='base'] > :last-child {
    margin-bottom: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 1rem;
    align-items: center;
  }
  button,
  a {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    font: inherit;
    font-weight: 600;
    border: 0;
    border-radius: calc(var(--_radius) / 2);
    cursor: pointer;
  }
  .primary {
    color: var(--_on-accent);
    background: var(--_accent);
    text-decoration: none;
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
