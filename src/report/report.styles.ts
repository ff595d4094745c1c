import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

/*
 * The report is a page of its own (the owner's), so it carries an opaque surface. Light or dark follow the page,
 * as every widget's do (core/scheme.ts: the page's color-scheme, or the one `scheme` pins), never the system
 * alone: its colours are scheme tokens, and the host inherits the page's color-scheme. The heat scale is eleven
 * classes mixing the accent into the surface (never inline styles, for strict CSP), at most 45 % so that the
 * text on it keeps its contrast in both schemes. Print: no controls, definitions written out under each figure,
 * tables whole.
 */
export const styles = css`
  ${schemeStyles({
    '--_accent': [
      'var(--retain-report-accent, var(--retain-accent, #1d4ed8))',
      'var(--retain-report-accent, var(--retain-accent, #7aa2ff))',
    ],
    '--_on-accent': [
      'var(--retain-report-on-accent, var(--retain-on-accent, #fff))',
      'var(--retain-report-on-accent, var(--retain-on-accent, #0b1020))',
    ],
    '--_surface': [
      'var(--retain-report-surface, var(--retain-surface, #fff))',
      'var(--retain-report-surface, var(--retain-surface, #1c1b22))',
    ],
    '--_text': ['var(--retain-report-text, var(--retain-text, #000))', 'var(--retain-report-text, var(--retain-text, #f1f0f4))'],
    '--_chart-2': ['#b45309', '#f0a35e'],
    '--_error': ['#b91c1c', '#fca5a5'],
  })}
  :host {
    display: block;
    font: inherit;
    --_border: var(--retain-report-border, var(--retain-border, color-mix(in srgb, currentColor 20%, transparent)));
    --_radius: var(--retain-report-radius, var(--retain-radius, 0.75rem));
    --_muted: color-mix(in srgb, var(--_text) 72%, var(--_surface));
    --_chart-1: var(--_accent);
    --_chart-text: var(--_muted);
    --_chart-grid: color-mix(in srgb, var(--_text) 15%, transparent);
  }
  * {
    box-sizing: border-box;
  }
  .base {
    padding: 1.25rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
    line-height: 1.45;
  }
  h2 {
    margin: 0 0 0.25rem;
    font-size: 1.4em;
    line-height: 1.2;
  }
  h3 {
    margin: 0 0 0.5rem;
    font-size: 1.15em;
  }
  h4 {
    margin: 1rem 0 0.5rem;
    font-size: 1em;
  }
  p {
    margin: 0 0 0.5rem;
  }
  .intro,
  .hint,
  .note,
  .definition,
  .period,
  .segment-note {
    color: var(--_muted);
  }
  .hint,
  .segment-note {
    font-size: max(0.9em, 12px);
  }
  .segment-note {
    display: block;
    font-weight: normal;
  }
  .status:empty,
  .error:empty {
    display: none;
  }
  .error {
    color: var(--_error);
    font-weight: 600;
  }
  .status {
    font-weight: 600;
  }
  .failure {
    padding: 0.75rem 1rem;
    border-left: 4px solid var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, var(--_surface));
  }
  button,
  .button,
  select,
  input {
    font: inherit;
    min-height: 2.5rem;
    border-radius: calc(var(--_radius) * 0.6);
  }
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    padding: 0.4rem 1rem;
    border: 1px solid var(--_accent);
    cursor: pointer;
  }
  .button,
  .primary {
    background: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  .secondary {
    background: transparent;
    color: var(--_text);
    border-color: var(--_border);
  }
  button:disabled,
  fieldset:disabled button {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  select:focus-visible,
  input:focus-visible,
  .scroll:focus-visible,
  summary:focus-visible,
  .file-input:focus-visible + .button {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  select,
  input {
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  [aria-invalid='true'] {
    border-color: var(--_error);
    outline: 2px solid var(--_error);
  }
  .drop {
    margin: 1rem 0;
    padding: 1.5rem;
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    text-align: center;
  }
  .drop.compact {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    text-align: start;
  }
  .drop.compact .drop-title {
    margin: 0;
  }
  .drop.dragging {
    border-color: var(--_accent);
    background: color-mix(in srgb, var(--_accent) 8%, var(--_surface));
  }
  .drop-title {
    font-weight: 600;
  }
  /* The native file input stays in the tab order (keyboard and screen readers reach it), drawn as its label. */
  .file-input {
    position: absolute;
    width: 1px;
    height: 1px;
    opacity: 0;
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.75rem;
    margin: 1rem 0;
  }
  .progress label {
    flex: 1 0 100%;
  }
  progress {
    flex: 1;
    height: 1rem;
    accent-color: var(--_accent);
  }
  .mapping,
  .block,
  .source {
    margin: 1.25rem 0;
  }
  .fields {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
    gap: 0.75rem 1rem;
    margin-bottom: 1rem;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  fieldset {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem 1.5rem;
    margin: 0;
    padding: 0;
    border: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .currency-pick {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .figures {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .figure {
    position: relative;
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    padding: 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .term {
    align-self: flex-start;
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_muted);
    text-align: start;
    text-decoration: underline dotted;
    text-underline-offset: 0.2em;
  }
  .value {
    font-size: 1.45em;
    font-weight: 650;
    font-variant-numeric: tabular-nums;
  }
  .note {
    font-size: max(0.9em, 12px);
  }
  .tip {
    display: none;
    position: absolute;
    z-index: 1;
    inset: calc(100% - 0.25rem) 0 auto;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.6);
    background: var(--_surface);
    color: var(--_text);
    font-size: max(0.9em, 12px);
    box-shadow: 0 0.4rem 1.2rem rgb(0 0 0 / 0.18);
  }
  .figure:hover .tip,
  .figure.focused .tip,
  .figure.pinned .tip {
    display: block;
  }
  .figure.quiet .tip {
    display: none;
  }
  .scroll {
    max-width: 100%;
    overflow-x: auto;
  }
  .years {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4rem;
    margin-bottom: 0.5rem;
  }
  .years button[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_on-accent);
    font-weight: 600;
  }
  table {
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    color: var(--_muted);
    padding-bottom: 0.25rem;
  }
  th,
  td {
    padding: 0.35rem 0.6rem;
    border-bottom: 1px solid var(--_border);
    text-align: end;
    white-space: nowrap;
  }
  th[scope='row'],
  thead th:first-child {
    text-align: start;
  }
  tbody th[scope='row'] {
    font-weight: 600;
  }
  .heat {
    --_heat: var(--_accent);
  }
  .heat-0 {
    background: color-mix(in srgb, var(--_heat) 0%, var(--_surface));
  }
  .heat-1 {
    background: color-mix(in srgb, var(--_heat) 5%, var(--_surface));
  }
  .heat-2 {
    background: color-mix(in srgb, var(--_heat) 9%, var(--_surface));
  }
  .heat-3 {
    background: color-mix(in srgb, var(--_heat) 14%, var(--_surface));
  }
  .heat-4 {
    background: color-mix(in srgb, var(--_heat) 18%, var(--_surface));
  }
  .heat-5 {
    background: color-mix(in srgb, var(--_heat) 23%, var(--_surface));
  }
  .heat-6 {
    background: color-mix(in srgb, var(--_heat) 27%, var(--_surface));
  }
  .heat-7 {
    background: color-mix(in srgb, var(--_heat) 32%, var(--_surface));
  }
  .heat-8 {
    background: color-mix(in srgb, var(--_heat) 36%, var(--_surface));
  }
  .heat-9 {
    background: color-mix(in srgb, var(--_heat) 41%, var(--_surface));
  }
  .heat-10 {
    background: color-mix(in srgb, var(--_heat) 45%, var(--_surface));
  }
  .chart {
    width: 100%;
    min-height: 220px;
    margin: 0.5rem 0 1rem;
  }
  /* What uPlot needs of its own style sheet (uPlot.min.css), inside the shadow root. */
  .chart .uplot {
    font-family: inherit;
    width: min-content;
  }
  .chart .u-wrap {
    position: relative;
    user-select: none;
  }
  .chart .u-over,
  .chart .u-under,
  .chart .u-axis,
  .chart .u-select {
    position: absolute;
  }
  .chart .u-under {
    overflow: hidden;
  }
  .chart canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .chart .u-cursor-x,
  .chart .u-cursor-y,
  .chart .u-cursor-pt {
    position: absolute;
    top: 0;
    left: 0;
    pointer-events: none;
  }
  .chart .u-hz .u-cursor-x {
    height: 100%;
    border-right: 1px dashed var(--_chart-grid);
  }
  .chart .u-hz .u-cursor-y {
    width: 100%;
    border-bottom: 1px dashed var(--_chart-grid);
  }
  .chart .u-cursor-pt {
    border-radius: 50%;
    border: 0 solid;
  }
  .chart .u-off {
    display: none;
  }
  .funnels {
    display: flex;
    flex-wrap: wrap;
    gap: 0 2rem;
  }
  /* A funnel is no wider than the report: on a phone its table scrolls in its own region. */
  .funnel {
    min-width: 0;
    max-width: 100%;
  }
  .pairs {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr));
    gap: 0.75rem;
    margin: 0 0 0.75rem;
  }
  .pairs dt {
    color: var(--_muted);
  }
  .pairs dd {
    margin: 0;
    font-size: 1.3em;
    font-weight: 650;
  }
  .params {
    font-family: ui-monospace, monospace;
    font-size: max(0.9em, 12px);
  }
  .reasons,
  .problems {
    margin: 0 0 0.75rem;
    padding-inline-start: 1.25rem;
  }
  @media print {
    :host {
      color-scheme: light;
    }
    .base {
      border: 0;
      padding: 0;
    }
    .base .no-print,
    .base .drop,
    .base .progress,
    .base .status {
      display: none;
    }
    .scroll {
      overflow: visible;
    }
    .tip,
    .figure:hover .tip,
    .figure.quiet .tip {
      display: block;
      position: static;
      padding: 0;
      border: 0;
      box-shadow: none;
      color: var(--_muted);
    }
    .figure,
    table,
    .block {
      break-inside: avoid;
    }
    .term {
      text-decoration: none;
    }
  }
`;
