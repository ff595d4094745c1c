/**
 * The looks of the result card, adopted by the wheel's shadow root when the card's code loads (`result.ts`).
 * The card lies over the lower part of the wheel, below the pointer and the slice won; on a small wheel (a
 * phone's popup) it grows upwards as far as its text needs, so that the expiry line is never cut off. Its
 * type is the page's on a full-size wheel, down to 13 px on a phone's (5.5 % of the wheel), the expiry line
 * never below 12 px, and the code on one line at 7.5 % of the wheel (a long one still breaks anywhere). In high
 * contrast (forced colours) its shadow is dropped: a border sets it off the wheel it covers.
 */
import { css } from 'lit';

export const resultStyles = css`
  .card {
    position: absolute;
    inset: auto 1% 1%;
    min-height: 72%;
    max-height: 98%;
    z-index: 2;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: safe center;
    gap: 0.5em;
    padding: 0.75em;
    font-size: min(1em, max(13px, 5.5cqi));
    overflow: auto;
    border-radius: 1rem;
    background: var(--_surface);
    color: var(--_text);
    box-shadow: 0 0.5rem 1.5rem rgb(0 0 0 / 0.3);
    animation: fade 0.4s ease-out;
  }
  p {
    margin: 0;
  }
  .prize {
    font-weight: 700;
    font-size: 1.1em;
  }
  .code {
    font:
      700 min(1.5em, 7.5cqi) / 1.15 ui-monospace,
      SFMono-Regular,
      Menlo,
      Consolas,
      monospace;
    letter-spacing: 0.06em;
    padding: 0.15em 0.5em;
    border: 2px dashed currentColor;
    border-radius: 0.4rem;
    user-select: all;
    overflow-wrap: anywhere;
  }
  .small {
    font-size: max(0.85em, 12px);
    font-variant-numeric: tabular-nums;
  }
  .row {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem;
  }
  .row > a {
    background: none;
    color: inherit;
  }
  .card:focus-visible {
    outline-offset: -3px;
  }
  @media (forced-colors: active) {
    .card {
      border: 1px solid;
    }
  }
`;
