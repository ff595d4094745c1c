/**
 * The badge's looks. The panel's, and the celebration's (it follows an announcement, which the panel's code
 * makes), are in `panel.styles.ts`, loaded with the panel.
 */
import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';
import { srStyles } from '../core/sr.styles.js';

export const styles = css`
  ${srStyles}
  ${schemeStyles({
    '--_accent': [
      'var(--retain-loyalty-badge-accent, var(--retain-accent, #5b3cc4))',
      'var(--retain-loyalty-badge-accent, var(--retain-accent, #b9a6ff))',
    ],
    '--_on': ['var(--retain-loyalty-badge-on-accent, #fff)', 'var(--retain-loyalty-badge-on-accent, #16161a)'],
  })}
  :host {
    display: inline-block;
    position: relative;
    max-inline-size: 100%;
    vertical-align: middle;
    font: inherit;
    color: inherit;
  }
  :host([hidden]),
  [hidden] {
    display: none;
  }
  button,
  a {
    font: inherit;
    color: inherit;
  }
  .badge {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-inline-size: var(--retain-loyalty-badge-min-width, 0);
    padding: 0.25em 0.75em;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 99px;
    background: var(--retain-loyalty-badge-background, none);
    line-height: 1.5;
    cursor: pointer;
  }
  /* The tier goes under the points rather than past the edge of a narrow header: each stays whole. */
  .pts,
  .tier {
    white-space: nowrap;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .star {
    color: var(--_accent);
  }
  .tier {
    padding: 0 0.5em;
    border-radius: 99px;
    background: var(--_accent);
    color: var(--_on);
    font-size: max(0.85em, 12px);
  }
`;
