/**
 * `<retain-report>` of a store with ten years of orders: 120 cohorts by up to 120 months are 7,000 cells,
 * which laid out at once made a frame of over 100 ms (the 100,000-orders benchmark with
 * `BENCH_REPORT_MONTHS=120`). The cohort table then shows one year of first orders at a time, chosen with
 * a group of toggle buttons; every cohort is still there, each year's table complete and accessible, and a
 * printed report has all of them. A shorter history keeps its one table.
 */
import { expect, html } from '@open-wc/testing';
import { $, $$, choose, mount, textOf, type Report } from '../support/report-element.js';
import { file, shopifyCsv, type ShopifyOrder } from '../support/report-files.js';
import { testSetup } from '../support/test-setup.js';
import { waitUntil } from '../support/wait.js';

/** `YYYY-MM` of the month `k` months after July 2015. */
const monthOf = (k: number) => {
  const at = new Date(Date.UTC(2015, 6 + k, 1));
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, '0')}`;
};

/**
 * `months` cohorts from July 2015: two new customers a month; the first of each comes back one month
 * and twelve months later (within the history), the second never does.
 */
function history(months: number): string {
  const orders: ShopifyOrder[] = [];
  let n = 1000;
  const order = (email: string, k: number) =>
    orders.push({ name: `#${n++}`, email, created: `${monthOf(k)}-10 10:00:00 +0000`, total: '20.00' });
  for (let k = 0; k < months; k++) {
    order(`back${k}@example.com`, k);
    order(`once${k}@example.com`, k);
    if (k + 1 < months) order(`back${k}@example.com`, k + 1);
    if (k + 12 < months) order(`back${k}@example.com`, k + 12);
  }
  return shopifyCsv(orders);
}

const monthLabel = (month: string) =>
  new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${month}-01T00:00:00Z`));

const cohortRows = (el: Report) => $$(el, '[part~="cohorts"] tbody tr');
const rowLabel = (row: Element) => textOf(row.querySelector('th'));
const yearButtons = (el: Report) => $$<HTMLButtonElement>(el, '.years button');
const pressed = (el: Report) => yearButtons(el).filter((button) => button.getAttribute('aria-pressed') === 'true');

describe('<retain-report> with a long history', () => {
  let el: Report | undefined;
  // Registered before the shared setup's, so that the report goes before its database.
  afterEach(() => {
    el?.remove();
    el = undefined;
  });
  testSetup();

  it('ten years of cohorts: one year at a time, every cohort reachable, each table complete and accessible', async function () {
    // Eleven tables in turn, and axe over the largest (1,400 cells): slow in WebKit on a loaded machine.
    this.timeout(120_000);
    el = await mount(html`<retain-report lang="en"></retain-report>`);
    expect(await choose(el, [file(history(120), 'orders_export.csv')])).to.equal('report');

    // Years 2015 to 2025, the latest shown first.
    const years = yearButtons(el).map((button) => textOf(button));
    expect(years).to.deep.equal(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025']);
    expect(pressed(el).map((button) => textOf(button))).to.deep.equal(['2025']);
    expect($(el, '.years')!.getAttribute('role')).to.equal('group');
    expect(textOf($(el, '#cohorts-shown'))).to.equal('Cohorts shown: 6 of 120, first orders in 2025');
    await expect(el).to.be.accessible();

    const seen: string[] = [];
    for (const year of years) {
      yearButtons(el)
        .find((button) => textOf(button) === year)!
        .click();
      await waitUntil(() => pressed(el!).length === 1 && textOf(pressed(el!)[0]) === year, `${year} was not shown`);
      await el.updateComplete;
      const rows = cohortRows(el);
      expect(rows.length, `cohorts of ${year}`).to.be.at.most(12);
      expect(
        rows.every((row) => rowLabel(row).endsWith(year)),
        `only ${year}'s cohorts`,
      ).to.equal(true);
      // Complete: a header for each month after the oldest cohort of the year, a cell for each in every row.
      const oldest = 120 - seen.length;
      const header = $$(el, '[part~="cohorts"] thead th');
      expect(header.length, `columns of ${year}`).to.equal(2 + oldest);
      for (const row of rows) expect(row.children.length).to.equal(2 + oldest);
      seen.push(...rows.map(rowLabel));
    }
    expect(seen).to.deep.equal(Array.from({ length: 120 }, (_, k) => monthLabel(monthOf(k))));

    // The figures are each cohort's: July 2015's first customer came back in months 1 and 12.
    yearButtons(el)[0].click();
    await waitUntil(() => textOf(pressed(el!)[0]) === '2015', '2015 was not shown');
    await el.updateComplete;
    const july = cohortRows(el)[0];
    const cells = [...july.querySelectorAll('td')].map(textOf);
    expect(cells.slice(0, 4)).to.deep.equal(['2', '100%', '50%', '0%']);
    expect(cells[1 + 12]).to.equal('50%');
    expect(cells[1 + 13]).to.equal('0%');
    await expect(el).to.be.accessible();
  });

  it('a printed report has every cohort, and the year chosen comes back after printing', async function () {
    this.timeout(60_000);
    el = await mount(html`<retain-report lang="en"></retain-report>`);
    expect(await choose(el, [file(history(120), 'orders_export.csv')])).to.equal('report');
    yearButtons(el)[3].click();
    await waitUntil(() => textOf(pressed(el!)[0]) === '2018', '2018 was not shown');
    window.dispatchEvent(new Event('beforeprint'));
    await waitUntil(() => cohortRows(el!).length === 120, 'the printed report lacks cohorts');
    expect($(el, '.years')).to.equal(null);
    window.dispatchEvent(new Event('afterprint'));
    await waitUntil(() => cohortRows(el!).length === 12, 'the year shown did not come back');
    expect(rowLabel(cohortRows(el)[0])).to.equal('Jan 2018');
  });

  it('two years of cohorts stay one table, without a year to choose', async () => {
    el = await mount(html`<retain-report lang="en"></retain-report>`);
    expect(await choose(el, [file(history(24), 'orders_export.csv')])).to.equal('report');
    expect(cohortRows(el).map(rowLabel)).to.deep.equal(Array.from({ length: 24 }, (_, k) => monthLabel(monthOf(k))));
    expect($(el, '.years')).to.equal(null);
    expect($(el, '#cohorts-shown')).to.equal(null);
  });
});
