/**
 * `<retain-report>` is light or dark as the page is, like every widget (core/scheme.ts), not as the operating system
 * is: a dark system with a light page gets a light report; a page that declares `color-scheme: dark` a dark one;
 * `scheme` pins either. Checked by the computed colours of its surface and text, and by axe in each.
 *
 * The system's dark preference is emulated for CSS only in Chromium (scripts/wtr-portable-commands.mjs): elsewhere
 * that case says nothing more than a light system would, and the page-declared cases prove the rule. An engine
 * without CSS `light-dark()` stays light unless pinned dark (never dark on a light page).
 */
import { expect, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { $, choose, mount, type Report } from '../support/report-element.js';
import { threeOrdersFile } from '../support/report-files.js';
import { testSetup } from '../support/test-setup.js';

const LIGHT = { surface: 'rgb(255, 255, 255)', text: 'rgb(0, 0, 0)' };
const DARK = { surface: 'rgb(28, 27, 34)', text: 'rgb(241, 240, 244)' };
const chromium = navigator.userAgent.includes('Chrome/');
const lightDark = CSS.supports('color', 'light-dark(#000, #fff)');

/** The report's surface and text colours, as drawn. */
function looks(el: Report): { surface: string; text: string } {
  const style = getComputedStyle($(el, '[part~="base"]')!);
  return { surface: style.backgroundColor, text: style.color };
}

/** Sets the page's own color-scheme (as a store's CSS or `<meta name="color-scheme">` does); '' says nothing. */
function pageScheme(scheme: '' | 'light' | 'dark' | 'light dark'): void {
  document.documentElement.style.colorScheme = scheme;
  // A dark page is dark behind the report too (Firefox keeps a white canvas unless told).
  document.documentElement.style.backgroundColor = scheme ? 'Canvas' : '';
}

describe('<retain-report>: light or dark as the page is', () => {
  testSetup();

  afterEach(async () => {
    pageScheme('');
    if (chromium) await emulateMedia({ colorScheme: 'light' });
  });

  it('draws light on a light page under a dark system', async () => {
    if (chromium) await emulateMedia({ colorScheme: 'dark' });
    for (const scheme of ['', 'light'] as const) {
      pageScheme(scheme);
      const el = await mount(html`<retain-report></retain-report>`);
      expect(looks(el), `page color-scheme "${scheme}"`).to.deep.equal(LIGHT);
      await expect(el).to.be.accessible();
      el.remove();
    }
  });

  it('draws dark on a page that declares dark, a whole report too', async () => {
    pageScheme('dark');
    const el = await mount(html`<retain-report></retain-report>`);
    expect(looks(el)).to.deep.equal(lightDark ? DARK : LIGHT);
    await expect(el).to.be.accessible();
    expect(await choose(el, [threeOrdersFile()])).to.equal('report');
    await expect(el).to.be.accessible();
  });

  it('draws dark on a light-or-dark page under a dark system (Chromium, which emulates it for CSS)', async () => {
    if (!chromium) return;
    await emulateMedia({ colorScheme: 'dark' });
    pageScheme('light dark');
    const el = await mount(html`<retain-report></retain-report>`);
    expect(looks(el)).to.deep.equal(DARK);
    await expect(el).to.be.accessible();
  });

  it('takes scheme="light" or "dark" as a pin, whatever the page says', async () => {
    pageScheme('dark');
    const light = await mount(html`<retain-report scheme="light"></retain-report>`);
    expect(looks(light)).to.deep.equal(LIGHT);
    await expect(light).to.be.accessible();
    pageScheme('light');
    const dark = await mount(html`<retain-report scheme="dark"></retain-report>`);
    expect(looks(dark)).to.deep.equal(DARK);
    await expect(dark).to.be.accessible();
  });
});
