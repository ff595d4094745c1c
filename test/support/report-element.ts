/**
 * Driving `<retain-report>` as the owner does: files handed to its file input (as the browser's file
 * chooser does), then what the element shows. Every wait is for the thing itself.
 */
import { fixture } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/report/report.js';
import type { RetainReport } from '../../src/report/report.js';
import { waitUntil } from './wait.js';

export type Report = RetainReport;

/** A worker reads, hashes and computes: on a loaded machine with WebKit that takes a few seconds. */
const REPORT_TIMEOUT = 15_000;

export async function mount(template: TemplateResult): Promise<Report> {
  const el = await fixture<Report>(template);
  await el.ready;
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<T>(selector)];
export const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
export const text = (el: Element) => textOf(el.shadowRoot);

/** Gives files to the element's file input, as the file chooser does, and waits for a report, a mapping step or a failure. */
export async function choose(el: Report, files: File[]): Promise<'report' | 'mapping' | 'failed'> {
  const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  const outcome = settled(el);
  input.files = transfer.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return outcome;
}

/**
 * Waits for what comes next: a report (`retain-report-loaded`), the mapping step or a failure. Call it
 * before starting the work, so that a quick report is not missed.
 */
export async function settled(el: Report): Promise<'report' | 'mapping' | 'failed'> {
  let ready = false;
  const onReady = () => (ready = true);
  el.addEventListener('retain-report-loaded', onReady, { once: true });
  const wasMapping = $(el, 'form.mapping');
  const wasFailure = $(el, '.failure');
  const state = () => {
    if (ready) return 'report';
    const mapping = $(el, 'form.mapping');
    if (mapping && mapping !== wasMapping) return 'mapping';
    const failure = $(el, '.failure');
    if (failure && failure !== wasFailure) return 'failed';
    return undefined;
  };
  try {
    await waitUntil(state, 'the report did not finish', { timeout: REPORT_TIMEOUT });
  } finally {
    el.removeEventListener('retain-report-loaded', onReady);
  }
  await el.updateComplete;
  return state()!;
}

/** The value shown for a key figure (`customers`, `aov`, …). */
export const figure = (el: Element, key: string) => textOf($(el, `[data-figure="${key}"] .value`));
export const figureNote = (el: Element, key: string) => textOf($(el, `[data-figure="${key}"] .note`));

/** The texts of the problems listed. */
export const problems = (el: Element) => $$(el, '[part="problems"] li').map(textOf);

/** Orders left out, by reason, as shown. */
export function exclusions(el: Element): Record<string, string> {
  return Object.fromEntries($$(el, '[part="exclusions"] li').map((li) => [li.dataset.reason!, textOf(li.querySelector('strong'))]));
}

/** A number as the element formats it in its language. */
export const num = (value: number, lang = 'en', options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(lang, options).format(value).replace(/\s+/g, ' ');
export const money = (value: number, currency: string, lang = 'en') => num(value, lang, { style: 'currency', currency });
export const percent = (value: number, lang = 'en') => num(value, lang, { style: 'percent', maximumFractionDigits: 1 });
