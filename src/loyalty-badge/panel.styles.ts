/**
 * The looks of the panel and of the badge's celebration, adopted by the badge's shadow root when the
 * panel's code loads (the code that also announces changes and so starts the celebration).
 */
import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

export const panelStyles = css`
  ${schemeStyles({
    '--_panel-border': ['var(--retain-border, #c9c9d1)', 'var(--retain-border, #4a4a52)'],
    '--_panel-surface': ['var(--retain-surface, #fff)', 'var(--retain-surface, #1f1f23)'],
    '--_panel-text': ['var(--retain-text, #1d1d1f)', 'var(--retain-text, #f2f2f5)'],
  })}
  .panel {
    position: absolute;
    z-index: var(--retain-z-index, 1000);
    inset-block-start: calc(100% + 0.5em);
    inset-inline-end: 0;
    box-sizing: border-box;
    inline-size: var(--retain-loyalty-badge-panel-width, min(20em, calc(100vw - 1rem)));
    padding: 1em;
    border: 1px solid var(--_panel-border);
    border-radius: var(--retain-radius, 0.5em);
    background: var(--_panel-surface);
    color: var(--_panel-text);
    box-shadow: 0 0.5em 1.5em #0003;
    text-align: start;
    line-height: 1.4;
  }
  p,
  ul,
  ol {
    margin: 0 0 0.5em;
  }
  ul {
    padding-inline-start: 1.1em;
  }
  .big {
    font-size: 1.75em;
    font-weight: 700;
  }
  .small {
    font-size: max(0.875em, 12px);
  }
  .h {
    margin-block-start: 0.75em;
    font-weight: 700;
  }
  .h:first-child {
    margin-block-start: 0;
  }
  .bar {
    block-size: 0.5em;
    border-radius: 99px;
    background: color-mix(in srgb, currentColor 15%, transparent);
    overflow: hidden;
  }
  .bar span {
    display: block;
    block-size: 100%;
  }
  .bar span,
  .punches .on {
    background: var(--_accent);
  }
  .punches {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    padding: 0;
    list-style: none;
  }
  .punches li {
    box-sizing: border-box;
    inline-size: 1.1em;
    block-size: 1.1em;
    border: 2px solid var(--_accent);
    border-radius: 50%;
  }
  /* High contrast (forced colours) drops the fills: the progress and the punched orders keep a system colour. */
  @media (forced-colors: active) {
    .bar {
      border: 1px solid;
    }
    .bar span,
    .punches .on {
      forced-color-adjust: none;
      background: CanvasText;
    }
  }
  .reward {
    padding: 0;
    border: 0;
    background: none;
    text-decoration: underline;
    cursor: pointer;
  }
  .cta {
    display: inline-block;
    padding: 0.5em 1em;
    border-radius: var(--retain-radius, 0.5em);
    background: var(--_accent);
    color: var(--_on);
    text-decoration: none;
  }
  :host {
    --_d: var(--retain-loyalty-badge-celebrate-duration, 0.8s);
  }
  .celebrate {
    animation:
      pop var(--_d) ease-out,
      glow var(--_d) ease-out;
  }
  @keyframes pop {
    30% {
      transform: scale(1.15);
    }
  }
  @keyframes glow {
    30% {
      box-shadow: 0 0 0 0.35em color-mix(in srgb, var(--_accent) 45%, transparent);
    }
  }
  /* prefers-reduced-motion: the badge adds "still" from matchMedia when the celebration starts. */
  .celebrate.still {
    animation: glow var(--_d) ease-out;
  }
`;
