import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

/**
 * The wheel's looks. What is not obvious is said here, not in the CSS, which ships as it is written:
 * - `.stage` is 24rem by default but at least 384 px, and never below 300 px unless its container is
 *   narrower: a theme's small root font size (Shopify Dawn's 62.5 %) must not shrink the wheel, and its
 *   labels with it, below a readable size. It is a size container: the result card's type follows it.
 * - `.disc` is the round window the wheel turns in. A turned square box reaches past its circle (by 30 %
 *   of its side at 45°): clipped, its corners neither cover the spin button below nor widen the page.
 */
export const styles = css`
  ${schemeStyles({
    '--_surface': [
      'var(--retain-spin-wheel-surface, var(--retain-surface, #fff))',
      'var(--retain-spin-wheel-surface, var(--retain-surface, #202127))',
    ],
    '--_text': ['var(--retain-spin-wheel-text, var(--retain-text, #1c1b1f))', 'var(--retain-spin-wheel-text, var(--retain-text, #f2f2f4))'],
    '--_pointer': ['var(--retain-spin-wheel-pointer, #1c1b1f)', 'var(--retain-spin-wheel-pointer, #f2f2f4)'],
    '--_rim': ['var(--retain-spin-wheel-rim, #1c1b1f)', 'var(--retain-spin-wheel-rim, #3b3c46)'],
  })}
  :host {
    display: block;
    font: inherit;
    color: inherit;
    --_accent: var(--retain-spin-wheel-accent, var(--retain-accent, #b4380f));
    --_on-accent: var(--retain-spin-wheel-on-accent, var(--retain-on-accent, #fff));
  }
  :host([hidden]) {
    display: none;
  }
  :host([mode='popup']) {
    display: contents;
  }
  .base {
    text-align: center;
  }
  h2 {
    font: inherit;
    font-size: 1.3em;
    font-weight: 700;
    margin: 0 0 0.75rem;
  }
  .stage {
    position: relative;
    width: min(100%, max(var(--retain-spin-wheel-size, max(24rem, 384px)), 300px));
    aspect-ratio: 1;
    container-type: inline-size;
    margin: 0 auto;
  }
    .disc {
    position: absolute;
    inset: 4%;
    border-radius: 50%;
    overflow: clip;
    box-shadow: 0 0.4rem 1.2rem rgb(0 0 0 / 0.25);
  }
  .wheel {
    position: absolute;
    inset: 0;
    border-radius: 50%;
    container-type: inline-size;
    will-change: transform;
  }
  .wheel[data-later] {
    content-visibility: hidden;
  }
  svg {
    display: block;
    width: 100%;
    height: 100%;
  }
  path {
    stroke: #fff;
    stroke-width: 0.8;
  }
  .rim {
    fill: none;
    stroke: var(--_rim);
    stroke-width: 3;
  }
  .label {
    position: absolute;
    left: 50%;
    top: 50%;
    width: 32cqi;
    height: var(--_h);
    display: flex;
    align-items: center;
    /* Towards the rim, where the slice is widest. */
    justify-content: var(--_end);
    text-align: var(--_side);
    transform: translate(-50%, -50%) rotate(var(--_a)) translateX(27cqi) rotate(var(--_flip));
    font-size: var(--_fs);
    font-weight: 700;
    line-height: 1.15;
    overflow-wrap: anywhere;
    hyphens: auto;
    color: #fff;
  }
  @supports (color: lch(from red l c h)) {
    /* Black or white, whichever reads better on the slice's colour. */
    .label {
      color: lch(from var(--_c) calc((52 - l) * infinity) 0 0);
    }
  }
  .label span {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: var(--_lines);
    line-clamp: var(--_lines);
    overflow: hidden;
  }
  .pointer {
    position: absolute;
    top: 0;
    left: 50%;
    width: 7.5%;
    height: auto;
    z-index: 1;
    overflow: visible;
    transform: translateX(-50%);
    fill: var(--_pointer);
    stroke: var(--_surface);
    stroke-width: 2.5;
    stroke-linejoin: round;
    filter: drop-shadow(0 1px 2px rgb(0 0 0 / 0.4));
  }
  .hub {
    position: absolute;
    inset: 43%;
    border-radius: 50%;
    background: var(--_surface);
    border: 0.3rem solid var(--_accent);
    box-shadow: 0 1px 4px rgb(0 0 0 / 0.3);
  }
  button,
  input,
  a {
    font: inherit;
  }
  .button {
    appearance: none;
    border: 2px solid var(--_accent);
    border-radius: 999px;
    padding: 0.45em 1.2em;
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 700;
    text-decoration: none;
    cursor: pointer;
  }
  .swap {
    display: inline-grid;
  }
  .swap > * {
    grid-area: 1 / 1;
  }
  .swap > [hidden] {
    display: inline;
    visibility: hidden;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.6rem;
    margin-top: 0.75rem;
  }
  .actions[hidden] {
    display: flex;
    visibility: hidden;
  }
  .email {
    display: flex;
    flex-direction: column;
    gap: 0.4rem;
    text-align: start;
    width: min(100%, 20rem);
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.2rem;
  }
  .consent {
    flex-direction: row;
    align-items: center;
    gap: 0.5em;
    font-size: max(0.9em, 12px);
  }
  input[type='email'] {
    padding: 0.5em 0.7em;
    border: 1px solid currentColor;
    border-radius: 0.4rem;
    background: none;
    color: inherit;
  }
  .prizes {
    list-style: none;
    margin: 0.75rem 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.25rem 1rem;
    font-size: max(0.9em, 12px);
  }
  .odds {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  .odds::before {
    content: '· ';
  }
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    border: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  .fade {
    animation: fade 0.6s ease-out;
  }
  @keyframes fade {
    from {
      opacity: 0;
    }
  }
`;
