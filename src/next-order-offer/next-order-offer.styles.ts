import { css } from 'lit';

/*
 * The offer's own looks over the shared card (core/card.styles.ts). The reminder's button and panel are in
 * reminder.styles.ts, loaded with them.
 */
export const styles = css`
  :host(:not([reminder])) {
    container-type: inline-size;
  }
  :host([reminder]) {
    display: inline-block;
    position: relative;
    vertical-align: middle;
  }
  p {
    margin: 0 0 0.5em;
  }
  @container (max-width: 22em) {
    .card {
      padding: 1em;
    }
  }
  .await {
    visibility: hidden;
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
    font: 400 max(0.6em, 12px)/1.4 system-ui, sans-serif;
    letter-spacing: normal;
  }
  .expiry {
    font-variant-numeric: tabular-nums;
  }
  .expiry,
  .note {
    margin: 0.5em 0 0;
  }
`;
