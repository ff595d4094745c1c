/**
 * `campaign`: wheels of one campaign (the home page's inline wheel and a product page's popup, say) share
 * one cooldown and one prize per shopper, on one page, across pages and across tabs. Counters and events
 * stay each wheel's own.
 */
import { expect } from '@open-wc/testing';
import { readCounters } from '../../src/core/counters.js';
import '../../src/spin-wheel/spin-wheel.js';
import { sliceAt } from '../../src/spin-wheel/rotation.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { openTab, type Tab } from '../support/tabs.js';
import { isReady, ready, rotationOf, shadow, spin, wheelIn } from '../support/spin-wheel.js';
import { waitUntil } from '../support/wait.js';

// Every prize a code, so that the result shown on every wheel is a code to compare.
const HOME = `
  <retain-slice code="TEN">10% off</retain-slice>
  <retain-slice code="SHIP" type="shipping">Free shipping</retain-slice>
  <retain-slice code="TIN" type="gift">A sample tin</retain-slice>`;
// Another page's wheel of the campaign: the same prizes in another order, and one of its own.
const PRODUCT = `
  <retain-slice code="TIN" type="gift">A sample tin</retain-slice>
  <retain-slice code="FIVE">5% off</retain-slice>
  <retain-slice code="SHIP" type="shipping">Free shipping</retain-slice>
  <retain-slice code="TEN">10% off</retain-slice>`;

describe('retain-spin-wheel campaign', () => {
  let db: string;
  let console: ConsoleWatch;
  const tabs: Tab[] = [];

  beforeEach(() => {
    db = freshDatabase().name;
    console = watchConsole();
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) tab.close();
    console.stop();
    await deleteDatabases();
  });

  it('two wheels of one campaign on a page: one spin, one prize, shown on both; another campaign is apart', async () => {
    const home = await wheelIn(
      undefined,
      `<retain-spin-wheel instance="home" campaign="welcome" duration="40ms">${HOME}</retain-spin-wheel>`,
    );
    const product = await wheelIn(undefined, `<retain-spin-wheel instance="product" campaign="welcome">${PRODUCT}</retain-spin-wheel>`);
    const other = await wheelIn(undefined, `<retain-spin-wheel instance="spring" campaign="spring">${HOME}</retain-spin-wheel>`);
    await Promise.all([ready(home), ready(product), ready(other)]);
    const won = await spin(home);
    await waitUntil(
      () => shadow(product, '[part~=code]')?.textContent === won.code,
      'the other wheel of the campaign does not show the code',
    );
    expect(isReady(product), 'the other wheel of the campaign can still be spun').to.equal(false);
    // Its pointer shows the same prize on its own slices.
    const labels = [...product.shadowRoot!.querySelectorAll('[part~=label]')].map((label) => label.textContent!.trim());
    expect(labels[sliceAt(rotationOf(product), 4)]).to.equal(won.prize);
    expect(isReady(other), 'a wheel of another campaign was taken too').to.equal(true);
    // Counters and events stay each wheel's own.
    await waitUntil(async () => (await readCounters('spin-wheel', 'home')).spun === 1, 'the spin was not counted');
    expect((await readCounters('spin-wheel', 'product')).spun).to.equal(undefined);
  });

  it('across pages and tabs: a wheel open in another tab is told at once, a page opened later shows the code', async () => {
    const tab = await openTab(db);
    tabs.push(tab);
    const popup = await wheelIn(
      tab,
      `<retain-spin-wheel instance="exit-offer" campaign="welcome" loading="eager">${PRODUCT}</retain-spin-wheel>`,
    );
    await ready(popup, 'the other tab’s wheel');
    const home = await ready(
      await wheelIn(undefined, `<retain-spin-wheel instance="home" campaign="welcome" duration="40ms">${HOME}</retain-spin-wheel>`),
    );
    const won = await spin(home);
    await waitUntil(() => shadow(popup, '[part~=code]')?.textContent === won.code, 'the other tab was not told');
    expect(isReady(popup)).to.equal(false);

    // A page opened afterwards (another realm: what it knows comes from IndexedDB alone).
    const later = await openTab(db);
    tabs.push(later);
    const fresh = await wheelIn(
      later,
      `<retain-spin-wheel instance="cart" campaign="welcome" loading="eager">${PRODUCT}</retain-spin-wheel>`,
    );
    await waitUntil(() => shadow(fresh, '[part~=code]')?.textContent === won.code, 'a later page of the campaign does not show the code');
    expect(isReady(fresh)).to.equal(false);
  });

  it('two wheels of one campaign spun at the same moment in two tabs: only one takes the spin', async () => {
    const tab = await openTab(db);
    tabs.push(tab);
    const other = await wheelIn(
      tab,
      `<retain-spin-wheel instance="exit-offer" campaign="welcome" loading="eager" duration="0ms">${PRODUCT}</retain-spin-wheel>`,
    );
    await ready(other, 'the other tab’s wheel');
    const home = await ready(
      await wheelIn(undefined, `<retain-spin-wheel instance="home" campaign="welcome" duration="0ms">${HOME}</retain-spin-wheel>`),
    );
    const heard = { started: 0, ended: 0 };
    for (const wheel of [home, other]) {
      wheel.addEventListener('retain-spin-started', () => (heard.started += 1));
      wheel.addEventListener('retain-spin-ended', () => (heard.ended += 1));
    }
    shadow<HTMLButtonElement>(home, '[part~=spin-button]')!.click();
    shadow<HTMLButtonElement>(other, '[part~=spin-button]')!.click();
    await waitUntil(() => [home, other].every((wheel) => shadow(wheel, '[part~=code]')), 'both wheels should end showing the one code');
    // The events follow their counter writes: wait for the winner's last one.
    await waitUntil(() => heard.ended > 0, 'the winner did not say it spun');
    expect(heard).to.deep.equal({ started: 1, ended: 1 });
    expect(shadow(home, '[part~=code]')!.textContent).to.equal(shadow(other, '[part~=code]')!.textContent);
  });
});
