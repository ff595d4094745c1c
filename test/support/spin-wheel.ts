/**
 * Helpers of the spin wheel's tests: reach into a wheel's shadow root, wait until it offers its spin, place
 * it as a store's HTML would (in this page, a frame or another tab), spin it and read its angle.
 */
import { fixtureSync, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import type { SpinEndedDetail } from '../../src/spin-wheel/spin-wheel.events.js';
import type { Tab } from './tabs.js';
import { waitUntil } from './wait.js';

export const shadow = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot?.querySelector<E>(selector) ?? null;

export const spinButton = (el: Element) => shadow<HTMLButtonElement>(el, '[part~=spin-button]')!;

/** True while the wheel offers its spin button. */
export function isReady(el: Element): boolean {
  const actions = shadow<HTMLFormElement>(el, '.actions');
  return !!actions && !actions.hidden;
}

/** Resolves once the wheel, brought near the viewport, offers its spin and has read its state. */
export async function ready(el: RetainSpinWheel, what = 'the wheel'): Promise<RetainSpinWheel> {
  el.scrollIntoView({ block: 'nearest' });
  await waitUntil(() => isReady(el), `${what} is not ready`);
  await el.loaded;
  return el;
}

/** A wheel from a template in this page, ready. */
export const wheel = (template: TemplateResult) => ready(fixtureSync<RetainSpinWheel>(template));

/** A wheel written as HTML into this page, a frame or another tab (`openTab`, `openFrame`): not yet ready. */
export async function wheelIn(page: Pick<Tab, 'window' | 'load'> | undefined, markup: string): Promise<RetainSpinWheel> {
  if (page) await page.load('/src/spin-wheel/spin-wheel.ts');
  const holder = page ? page.window.document.createElement('div') : fixtureSync<HTMLElement>(html`<div></div>`);
  holder.innerHTML = markup;
  if (page) page.window.document.body.append(holder);
  return holder.querySelector<RetainSpinWheel>('retain-spin-wheel')!;
}

/** Clicks the spin button; resolves with the spin's `retain-spin-ended` detail. */
export function spin(el: RetainSpinWheel): Promise<SpinEndedDetail> {
  const ended = new Promise<SpinEndedDetail>((resolve) =>
    el.addEventListener('retain-spin-ended', (event) => resolve(event.detail), { once: true }),
  );
  spinButton(el).click();
  return ended;
}

/** The angle the wheel is turned by, from its style. */
export const rotationOf = (el: Element) => Number(/rotate\((-?[\d.e+-]+)deg\)/.exec(shadow(el, '[part~=wheel]')!.style.transform)![1]);
