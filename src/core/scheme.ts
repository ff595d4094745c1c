/**
 * Light or dark looks that follow the page, not the operating system. A shopper whose system is dark
 * still gets light widgets on a light page: the dark values apply only where the page is dark, as its CSS
 * `color-scheme` says (`dark`, or `light dark` on a dark system), read through CSS `light-dark()`, which
 * every widget's shadow tree inherits. Every widget takes `scheme="light|dark|auto"` to pin one
 * (`auto`, the default, follows the page). Engines without `light-dark()` stay light unless pinned dark:
 * never dark on a light page.
 *
 * ```ts
 * static styles = [schemeStyles({ '--_surface': ['var(--retain-surface, #fff)', 'var(--retain-surface, #202127)'] }), styles];
 * ```
 */
import { unsafeCSS, type CSSResult, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { parseEnum } from './config.js';

export const SCHEMES = ['light', 'dark', 'auto'] as const;
export type Scheme = (typeof SCHEMES)[number];

/** Private custom properties of a widget's `:host`, each with its light and its dark value (colours). */
export type SchemeTokens = Record<`--${string}`, readonly [light: string, dark: string]>;

const declare = (tokens: SchemeTokens, pick: (light: string, dark: string) => string) =>
  Object.entries(tokens)
    .map(([name, [light, dark]]) => `${name}:${pick(light, dark)};`)
    .join('');

/** The `:host` rules that set `tokens` for the page's scheme, or for the one `scheme` pins. */
export function schemeStyles(tokens: SchemeTokens): CSSResult {
  // Written by the kit only (never from a page or a shopper), so the text is safe to adopt as CSS.
  return unsafeCSS(
    `:host{${declare(tokens, (light) => light)}}` +
      `@supports (color:light-dark(#000,#fff)){:host{${declare(tokens, (light, dark) => `light-dark(${light},${dark})`)}}}` +
      `:host([scheme='light']){color-scheme:light;${declare(tokens, (light) => light)}}` +
      `:host([scheme='dark']){color-scheme:dark;${declare(tokens, (_, dark) => dark)}}`,
  );
}

/** Checks a widget's `scheme` attribute: one warning for a bad value, which then acts as `auto`. */
export class SchemeController implements ReactiveController {
  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  hostUpdate(): void {
    parseEnum(this.host, 'scheme', this.host.getAttribute('scheme'), SCHEMES, 'auto');
  }
}
