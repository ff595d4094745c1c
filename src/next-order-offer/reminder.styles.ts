import { css } from 'lit';

/*
 * The looks of the header reminder (reminder.ts), adopted when it loads. Its panel floats over the page, so it
 * has an opaque surface: the kit's --retain-surface / --retain-text, else Canvas/CanvasText (dark under
 * prefers-color-scheme: dark).
 */
export const reminderStyles = css`
  .chip {
    gap: 0.4em;
    min-height: 2.5em;
    padding: 0.25em 0.75em;
    border: 1px solid color-mix(in srgb, currentColor 35%, transparent);
    border-radius: 99px;
    background: none;
    color: inherit;
    font-weight: 600;
    line-height: 1.5;
    white-space: nowrap;
  }
  .icon {
    inline-size: 1.2em;
    block-size: 1.2em;
    fill: none;
    stroke: var(--_accent);
    stroke-width: 1.8;
    stroke-linejoin: round;
  }
  .panel {
    position: absolute;
    z-index: var(--retain-z-index, 1000);
    inset-block-start: calc(100% + 0.5em);
    inset-inline-end: 0;
    inline-size: var(--retain-next-order-offer-panel-width, min(20em, calc(100vw - 1em)));
    padding: 1em;
    border: 1px solid var(--retain-border, color-mix(in srgb, currentColor 25%, transparent));
    border-radius: var(--_radius);
    color-scheme: light dark;
    background: var(--retain-surface, Canvas);
    color: var(--retain-text, CanvasText);
    box-shadow: 0 0.5em 1.5em #0003;
    text-align: start;
    line-height: 1.4;
    white-space: normal;
  }
  .panel-title {
    font-weight: 700;
  }
`;
