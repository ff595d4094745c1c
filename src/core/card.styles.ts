import { css, unsafeCSS, type CSSResult } from 'lit';
import { schemeStyles } from './scheme.js';
import { srStyles } from './sr.styles.js';

/**
 * The card the order-page widgets share (the account prompt, the next-order offer, the survey, the referral): colours
 * from the store's text colour (tints of currentColor), so it suits a light or a dark page without being
 * told; the accent light or dark by the page's scheme (core/scheme.ts). `widget` is the tag without
 * `retain-`: it names the custom properties a store sets (`--retain-survey-accent`, `…-radius`,
 * `…-max-width`, `…-background`). Sizes in em: they follow the widget's text, not a theme's root font size.
 * Put the widget's own sheet after this one.
 */
export function cardStyles(widget: string): CSSResult[] {
  // The kit's own tag names, never a page's text: safe to adopt as CSS.
  const prefix = unsafeCSS(`--retain-${widget}`);
  return [
    schemeStyles({
      '--_accent': [
        `var(--retain-${widget}-accent, var(--retain-accent, #1d4ed8))`,
        `var(--retain-${widget}-accent, var(--retain-accent, #9db8ff))`,
      ],
      '--_on-accent': [
        `var(--retain-${widget}-on-accent, var(--retain-on-accent, #fff))`,
        `var(--retain-${widget}-on-accent, var(--retain-on-accent, #10131a))`,
      ],
    }),
    srStyles,
    css`
      :host {
        display: block;
        font: inherit;
        color: inherit;
        --_radius: var(${prefix}-radius, var(--retain-radius, 0.75em));
      }
      :host([hidden]),
      [hidden] {
        display: none;
      }
      * {
        box-sizing: border-box;
      }
      .card {
        max-width: var(${prefix}-max-width, 34em);
        padding: var(--_card-padding, 1.25em);
        border: 1px solid color-mix(in srgb, currentColor 22%, transparent);
        border-radius: var(--_radius);
        background: var(${prefix}-background, color-mix(in srgb, currentColor 4%, transparent));
        line-height: 1.45;
      }
      .pending {
        visibility: hidden;
      }
      h2 {
        margin: 0 0 0.5em;
        font-size: 1.2em;
        line-height: 1.25;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em 1em;
        align-items: center;
      }
      button,
      a.primary,
      a.secondary {
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
      /* High contrast (forced colours) drops the fill that draws a button: an outline keeps it a button. */
      @media (forced-colors: active) {
        button,
        a.primary {
          border: 1px solid;
        }
      }
    `,
  ];
}
