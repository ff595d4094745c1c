import { css } from 'lit';

/*
 * The referral's own looks over the shared card (core/card.styles.ts). It is laid out by its own width (a
 * container), so it fits a 320 px phone whatever the screen. Its secondary actions are outlined: the copy
 * button beside a share sheet, and the share links (underlined, as links are).
 */
export const styles = css`
  :host {
    container-type: inline-size;
  }
  @container (max-width: 22em) {
    .card {
      padding: 1em;
    }
  }
  p {
    margin: 0 0 0.5em;
  }
  .await {
    visibility: hidden;
  }
  h2 {
    margin-bottom: 0.42em;
  }
  dl {
    display: grid;
    gap: 0.25em;
    margin: 0 0 0.5em;
  }
  dl div {
    display: flex;
    flex-wrap: wrap;
    gap: 0 0.4em;
  }
  dt::after {
    content: ':';
  }
  dd {
    margin: 0;
    font-weight: 700;
  }
  .note {
    font-size: max(0.9em, 12px);
    opacity: 0.85;
  }
  .label {
    margin: 0.75em 0 0.25em;
    font-weight: 600;
  }
  .link {
    display: flex;
    align-items: center;
    min-block-size: 2.75em;
    margin-block: 0 0.75em;
    padding: 0.4em 0.75em;
    font:
      1em/1.3 ui-monospace,
      SFMono-Regular,
      Menlo,
      Consolas,
      monospace;
    border: 2px dashed currentColor;
    border-radius: calc(var(--_radius) / 2);
    overflow-wrap: anywhere;
    user-select: all;
  }
  .actions,
  ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  ul {
    margin: 0.5em 0 0;
    padding: 0;
    list-style: none;
  }
  .via {
    margin: 0.75em 0 0;
    font-weight: 600;
  }
  button.secondary {
    text-decoration: none;
    box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 40%, transparent);
  }
  a.secondary {
    padding-inline: 0.9em;
    box-shadow: inset 0 0 0 1px color-mix(in srgb, currentColor 30%, transparent);
  }
`;
