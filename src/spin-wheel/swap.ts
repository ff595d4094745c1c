import { html } from 'lit';

/** Two texts in one place, the space of the longer kept: switching them moves nothing (no layout shift). */
export const swap = (first: string, second: string, showSecond: boolean) =>
  html`<span class="swap"><span ?hidden=${showSecond}>${first}</span><span ?hidden=${!showSecond}>${second}</span></span>`;
