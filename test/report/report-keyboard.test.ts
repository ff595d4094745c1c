/**
 * `<retain-report>` by keyboard: the file chooser is the first stop; in a report, each figure's name is
 * a button whose definition shows on focus (and is its description for screen readers), Escape hides it
 * without moving focus, a click (or Enter) keeps it open.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, choose, mount, textOf, type Report } from '../support/report-element.js';
import { file, shopifyCsv, threeOrdersFile } from '../support/report-files.js';
import { testSetup } from '../support/test-setup.js';
import { waitUntil } from '../support/wait.js';

const activeElement = (el: Report) => el.shadowRoot!.activeElement;
const tipOf = (el: Report, key: string) => $(el, `[data-figure="${key}"] .tip`)!;
const shown = (node: Element) => getComputedStyle(node).display !== 'none';

/**
 * Presses a key through the browser's driver. When it moves the focus in a page without the system focus
 * (Firefox over WebDriver BiDi opens every test file's tab after the first in the background), the browser
 * moves it but fires no focus or blur event: this dispatches the ones a focused page gets, so that what
 * follows focus can be tested there too. Keys come a little after the command returns: the caller waits.
 */
async function press(el: Report, key: string): Promise<void> {
  const before = activeElement(el);
  await sendKeys({ press: key });
  if (document.hasFocus()) return;
  await waitUntil(() => activeElement(el) !== before || key !== 'Tab', `${key} moved no focus`);
  const after = activeElement(el);
  if (after === before) return;
  before?.dispatchEvent(new FocusEvent('blur'));
  after?.dispatchEvent(new FocusEvent('focus'));
}

describe('<retain-report> by keyboard', () => {
  let el: Report | undefined;
  // Registered before the shared setup's, so that the report goes before its database.
  afterEach(() => {
    el?.remove();
    el = undefined;
  });
  testSetup();

  it('a report: each figure’s name shows its definition on focus, Escape hides it, a click keeps it open', async () => {
    el = await mount(html`<retain-report></retain-report>`);
    expect(await choose(el, [threeOrdersFile()])).to.equal('report');
    await expect(el).to.be.accessible();
    const terms = $$<HTMLButtonElement>(el, '.term');
    expect(terms.map(textOf)).to.deep.equal([
      'Customers',
      'Orders',
      'Revenue',
      'Average order value',
      'Purchase frequency',
      'Repeat customer rate',
      'Median days between orders',
      'Lapsed customers',
      'Customer value so far',
      'Lifetime value (AOV × frequency × lifespan)',
      'CLV : CAC',
    ]);
    // The definition is the term's description for screen readers, shown or not.
    const aov = terms[3];
    expect(textOf(el.shadowRoot!.getElementById(aov.getAttribute('aria-describedby')!))).to.equal('AOV = revenue ÷ orders.');
    // Reach the figures by keyboard from the buttons before them.
    const report = el;
    $<HTMLButtonElement>(el, '[part="forget-button"]')!.focus();
    await press(el, 'Tab');
    await waitUntil(
      () => activeElement(report) === terms[0] && shown(tipOf(report, 'customers')),
      'the first definition did not show on focus',
    );
    expect(shown(tipOf(el, 'orders'))).to.be.false;
    await press(el, 'Escape');
    await waitUntil(() => !shown(tipOf(report, 'customers')), 'Escape did not hide the definition');
    expect(activeElement(el)).to.equal(terms[0]);
    await press(el, 'Tab');
    await waitUntil(() => activeElement(report) === terms[1] && shown(tipOf(report, 'orders')), 'the next definition did not show');
    // A click (Enter on the button, a tap) keeps it open.
    terms[1].click();
    await waitUntil(() => terms[1].getAttribute('aria-expanded') === 'true', 'a click did not keep the definition open');
    await press(el, 'Tab');
    await waitUntil(() => activeElement(report) === terms[2], 'Tab did not move on');
    await el.updateComplete;
    expect(shown(tipOf(el, 'orders')), 'a pinned definition stays open').to.be.true;
  });

  // The file chooser goes when reading starts, Cancel when it ends: the focus went to the page's body, where a
  // keyboard or screen reader user is lost (and nothing said the report was there).
  it('the focus goes on with the view: from the file chooser to the report’s first line, or to the mapping’s heading', async () => {
    el = await mount(html`<retain-report></retain-report>`);
    $<HTMLInputElement>(el, 'input[type="file"]')!.focus();
    expect(await choose(el, [threeOrdersFile()])).to.equal('report');
    expect(activeElement(el), `focus (the page's: ${document.activeElement?.localName})`).to.equal($(el, '.source p'));
    expect(textOf(activeElement(el))).to.match(/^orders\.csv: Shopify orders export/);
    el.remove();
    el = await mount(html`<retain-report></retain-report>`);
    $<HTMLInputElement>(el, 'input[type="file"]')!.focus();
    expect(await choose(el, [file('Ref,Who,When,Paid\r\nA,x@example.com,2024-01-01,10\r\n', 'sheet.csv')])).to.equal('mapping');
    expect(activeElement(el)).to.equal($(el, '#mapping-title'));
  });

  it('while a file is read the focus is on Cancel, and after Cancel back on the file chooser', async () => {
    el = await mount(html`<retain-report></retain-report>`);
    // Enough orders that the reading lasts while the test looks (on a fast machine, a few hundred ms).
    const orders = shopifyCsv(
      Array.from({ length: 20_000 }, (_, i) => ({
        name: `#${i}`,
        email: `c${i % 900}@example.com`,
        created: `2024-0${1 + (i % 9)}-1${i % 10} 10:00:00 +0000`,
        total: '20.00',
      })),
    );
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    input.focus();
    void choose(el, [file(orders, 'orders.csv')]);
    const report = el;
    await waitUntil(() => $(report, '.progress button'), 'no Cancel button');
    const cancel = $<HTMLButtonElement>(el, '.progress button')!;
    expect(activeElement(el), 'focus while reading').to.equal(cancel);
    cancel.click();
    await waitUntil(() => textOf($(report, '[role="status"]')) === 'Cancelled. Nothing was kept.', 'not cancelled');
    expect(activeElement(el), `focus after Cancel (the page's: ${document.activeElement?.localName})`).to.equal(
      $(el, 'input[type="file"]'),
    );
  });

  it('before a file: the file chooser is the first stop, and it is named and described', async () => {
    el = await mount(html`<retain-report></retain-report>`);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    const input = $<HTMLInputElement>(el, 'input[type="file"]')!;
    const report = el;
    await waitUntil(() => activeElement(report) === input, 'Tab did not reach the file chooser');
    expect(input.labels?.[0]?.textContent?.trim()).to.equal('Choose files');
    expect(input.multiple).to.be.true;
  });
});
