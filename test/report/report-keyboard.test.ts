/**
 * `<retain-report>` by keyboard: the file chooser is the first stop; in a report, each figure's name is
 * a button whose definition shows on focus (and is its description for screen readers), Escape hides it
 * without moving focus, a click (or Enter) keeps it open.
 */
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { $, $$, choose, mount, textOf, type Report } from '../support/report-element.js';
import { threeOrdersFile } from '../support/report-files.js';
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
