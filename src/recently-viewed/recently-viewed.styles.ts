import { css } from 'lit';
import { schemeStyles } from '../core/scheme.js';

/*
 * The cards take their colours from the store's text colour (tints of currentColor), so they suit a light or a
 * dark page without being told; the accent (focus ring, "Clear") is lighter where the page is dark. The strip
 * is one row that scrolls sideways inside its own box when the cards do not fit (a phone): the page itself
 * never does, and every card is a link that Tab reaches (the browser scrolls it into view).
 */
export const styles = css`
  ${schemeStyles({
    '--_accent': [
      'var(--retain-recently-viewed-accent, var(--retain-accent, #1d4ed8))',
      'var(--retain-recently-viewed-accent, var(--retain-accent, #9db8ff))',
    ],
  })}
  :host {
    display: block;
    min-inline-size: 0;
    font: inherit;
    color: inherit;
    --_radius: var(--retain-recently-viewed-radius, var(--retain-radius, 0.75rem));
    --_line: var(--retain-recently-viewed-border, color-mix(in srgb, currentColor 22%, transparent));
  }
  :host([hidden]) {
    display: none;
  }
  * {
    box-sizing: border-box;
  }
  .heading {
    margin: 0 0 0.5rem;
    font-size: 1.25em;
    font-weight: 700;
    line-height: 1.3;
  }
  .clear {
    margin-block-start: 0.25rem;
    min-block-size: 2.75rem;
    padding: 0.5rem 0.75rem;
    border: 0;
    background: none;
    color: var(--_accent);
    font: inherit;
    font-weight: 600;
    text-decoration: underline;
    cursor: pointer;
  }
  .list {
    display: flex;
    gap: var(--retain-recently-viewed-gap, 0.75rem);
    margin: 0;
    /* Room for the focus ring inside the scrolled box, which would clip it. */
    padding: 4px;
    list-style: none;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    /* No scroll snapping: it pulls a card that Tab scrolled into view back to where it was partly hidden. */
    scroll-padding-inline: 4px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .list {
      scroll-behavior: smooth;
    }
  }
  .item {
    flex: 0 0 var(--retain-recently-viewed-card-width, 10rem);
    max-inline-size: 80%;
  }
  .card {
    display: flex;
    flex-direction: column;
    gap: 0.35rem;
    block-size: 100%;
    padding: 0.5rem;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    background: var(--retain-recently-viewed-background, color-mix(in srgb, currentColor 4%, transparent));
    color: inherit;
    text-decoration: none;
  }
  .card:hover .name {
    text-decoration: underline;
  }
  .image {
    display: block;
    inline-size: 100%;
    block-size: auto;
    aspect-ratio: var(--retain-recently-viewed-image-ratio, 1);
    object-fit: cover;
    border-radius: calc(var(--_radius) / 1.5);
    background: color-mix(in srgb, currentColor 8%, transparent);
  }
  .name {
    font-weight: 600;
    line-height: 1.3;
    overflow-wrap: anywhere;
  }
  .price {
    font-variant-numeric: tabular-nums;
  }
  .status {
    margin: 0;
  }
  .status:empty {
    display: none;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
  }
  .card:focus-visible {
    outline-offset: 0;
  }
  @media (forced-colors: active) {
    .card {
      border-color: LinkText;
    }
  }
`;
