/**
 * The text styles a storefront's stylesheet hands down into every widget by inheritance, reset at the
 * widget's root. A theme's `white-space: nowrap` on the body, or uppercase, letter-spaced, centred banners,
 * would otherwise reach through the shadow root and push a widget's text out of its box. What a store
 * should pass on still comes through: the font family and weight, the colour, the direction, the font
 * size (with a floor: a theme's small print stays readable). Each widget lists this after its own styles:
 * `static styles = [styles, hostReset]`, so that these win over its `font: inherit`.
 */
import { css } from 'lit';

export const hostReset = css`
  :host {
    font-size: max(1em, 12px);
    line-height: 1.5;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    white-space: normal;
    word-break: normal;
    hyphens: manual;
  }
`;
