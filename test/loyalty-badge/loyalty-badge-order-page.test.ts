/**
 * `<retain-loyalty-badge>` on an order page, beside the `<retain-order>` that records the page's order: its points are
 * drawn once, with that order in them. Before, a badge that read the device's orders before the recording drew its
 * points without the order, then with it: a wider line in the header, which the bench saw as a layout shift on the
 * order page (1 load in 3 to 4 at a phone's size). `<retain-order>`'s code is imported by the tests themselves, late,
 * as the loader brings it at idle.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/loyalty-badge/loyalty-badge.js';
import type { RetainLoyaltyBadge } from '../../src/loyalty-badge/loyalty-badge.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

const badgeText = (el: RetainLoyaltyBadge) =>
  el.shadowRoot?.querySelector('[part="badge"]')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** The badge on an order page of a $42 order; every text its badge line showed, in order. */
async function orderPage(): Promise<{ el: RetainLoyaltyBadge; shown: string[]; stop: () => void }> {
  const root = await fixture<HTMLElement>(
    html`<div>
      <retain-order order-id="O-42" total="42" currency="USD"></retain-order>
      <retain-loyalty-badge></retain-loyalty-badge>
    </div>`,
  );
  const el = root.querySelector('retain-loyalty-badge') as RetainLoyaltyBadge;
  await el.updateComplete;
  const shown = [badgeText(el)];
  const watch = new MutationObserver(() => {
    const now = badgeText(el);
    if (now !== shown.at(-1)) shown.push(now);
  });
  watch.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return { el, shown, stop: () => watch.disconnect() };
}

describe('<retain-loyalty-badge> on an order page', () => {
  let warnings: ConsoleWatch;
  beforeEach(() => {
    freshDatabase();
    warnings = watchConsole();
  });
  afterEach(async () => {
    warnings.stop();
    await deleteDatabases();
  });

  // First in this file: `<retain-order>` is not defined yet, and never will be in this test.
  it('whose <retain-order> never gets its code: the points without the order, after a short wait, not "…" for good', async () => {
    const { el, shown, stop } = await orderPage();
    await waitUntil(() => /≈ 0 points/.test(badgeText(el)), 'the badge still shows no points');
    stop();
    expect(shown.filter((text) => /points/.test(text))).to.have.length(1);
  });

  it('draws its points once, with the page’s order in them, when <retain-order> records after the badge is drawn', async () => {
    const { el, shown, stop } = await orderPage();
    // The badge is drawn, and would have read the device's orders by now (none).
    await new Promise((resolve) => setTimeout(resolve, 500));
    await import('../../src/order/order.js');
    await waitUntil(() => /≈ 42 points/.test(badgeText(el)), 'the badge does not show the order’s points');
    await el.loaded;
    stop();
    expect(shown.filter((text) => /points/.test(text)).map((text) => /≈ \d+ points/.exec(text)![0])).to.deep.equal(['≈ 42 points']);
  });
});
