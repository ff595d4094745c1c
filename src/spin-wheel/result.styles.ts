/** The looks of the result card, adopted by the wheel's shadow root when the card's code loads (`result.ts`). */
import { css } from 'lit';

export const resultStyles = css`
  .card {
    position: absolute;
    inset: 27% 1% 1%;
    z-index: 2;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: safe center;
    gap: 0.5rem;
    padding: 0.75rem;
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
      700 1.5em/1.15 ui-monospace,
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
    font-size: 0.85em;
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
`;
