import { expect } from '@open-wc/testing';
import type { ReportOrder } from '../../src/report/model.js';
import type { CurrencyFigures, RfmSegmentName } from '../../src/report/metrics/types.js';
import { computeReport } from '../../src/report/metrics/report.js';
import { quintileScores, segmentOf } from '../../src/report/metrics/rfm.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';

let serial = 0;
/** An order; `placed` is an ISO date-time (UTC unless it says otherwise). */
function order(customer: string, placed: string, total: number, currency = 'EUR'): ReportOrder {
  return { id: `#${++serial}`, customer, placed: Date.parse(placed), total, currency, codes: [] };
}

/**
 * The hand-computed store, in UTC, 2024 (a leap year). asOf is the latest order: 2024-04-10.
 *   a: Jan 10 100, Jan 10 20 (same day), Feb 15 50, Apr 1 30   → 4 orders, 200
 *   b: Jan 20 80, Mar 20 40                                     → 2 orders, 120
 *   c: Feb 5 60                                                 → 1 order,   60
 *   d: Mar 1 0 (a free order)                                   → 1 order,    0
 *   e: Apr 10 90                                                → 1 order,   90
 * In USD: a on Mar 5 30, f on Apr 2 10.5.
 */
const STORE: ReportOrder[] = [
  order('a', '2024-01-10T09:00:00Z', 100),
  order('a', '2024-01-10T18:30:00Z', 20),
  order('a', '2024-02-15T12:00:00Z', 50),
  order('a', '2024-04-01T08:00:00Z', 30),
  order('b', '2024-01-20T12:00:00Z', 80),
  order('b', '2024-03-20T12:00:00Z', 40),
  order('c', '2024-02-05T12:00:00Z', 60),
  order('d', '2024-03-01T12:00:00Z', 0),
  order('e', '2024-04-10T20:00:00Z', 90),
  order('a', '2024-03-05T12:00:00Z', 30, 'USD'),
  order('f', '2024-04-02T12:00:00Z', 10.5, 'USD'),
];

function figures(orders: ReportOrder[], options = {}) {
  return computeReport(orders, { timeZone: 'UTC', ...options });
}

function currency(orders: ReportOrder[], code: string, options = {}): CurrencyFigures {
  const found = figures(orders, options).currencies.find((entry) => entry.currency === code);
  if (!found) throw new Error(`no ${code} figures`);
  return found;
}

function segmentsOf(entry: CurrencyFigures): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const segment of entry.rfm.segments) result[segment.segment] = segment.members.map((member) => member.customer);
  return result;
}

describe('report metrics', () => {
  let consoleWatch: ConsoleWatch;
  beforeEach(() => {
    consoleWatch = watchConsole();
  });
  afterEach(() => consoleWatch.stop());

  describe('the hand-computed store, EUR', () => {
    const eur = () => currency(STORE, 'EUR', { cac: { EUR: 47 } });

    it('counts customers, orders and revenue', () => {
      const { customers, orders, revenue, firstOrder, lastOrder, historyDays } = eur();
      expect(customers).to.equal(5); // a b c d e
      expect(orders).to.equal(9); // 4 + 2 + 1 + 1 + 1
      expect(revenue).to.equal(470); // 200 + 120 + 60 + 0 + 90
      expect(firstOrder).to.equal(Date.parse('2024-01-10T09:00:00Z'));
      expect(lastOrder).to.equal(Date.parse('2024-04-10T20:00:00Z'));
      expect(historyDays).to.equal(92); // Jan 10 → Apr 10 = 21 + 29 + 31 + 10 = 91 days, + 1
    });

    it('AOV, purchase frequency and repeat customer rate', () => {
      const figure = eur();
      expect(figure.aov).to.equal(470 / 9); // revenue ÷ orders = 52.22…
      expect(figure.purchaseFrequency).to.equal(1.8); // orders ÷ customers = 9 ÷ 5
      expect(figure.repeatCustomers).to.equal(2); // a (4 orders), b (2)
      expect(figure.repeatCustomerRate).to.equal(0.4); // 2 ÷ 5
    });

    it('returning customer rate per month, as Shopify counts it', () => {
      expect(eur().returningByMonth).to.deep.equal([
        { month: '2024-01', customers: 2, returning: 2, rate: 1 }, // a, b: both have 2+ orders in all
        { month: '2024-02', customers: 2, returning: 1, rate: 0.5 }, // a yes, c (1 order) no
        { month: '2024-03', customers: 2, returning: 1, rate: 0.5 }, // b yes, d no
        { month: '2024-04', customers: 2, returning: 1, rate: 0.5 }, // a yes, e no
      ]);
    });

    it('median days between orders: gaps pooled over customers, same day = 0', () => {
      const figure = eur();
      // a: Jan 10 → Jan 10 = 0, Jan 10 → Feb 15 = 31 + 5 = 36, Feb 15 → Apr 1 = 29 + 17 = 46; b: Jan 20 → Mar 20 = 31 + 29 = 60
      // sorted 0, 36, 46, 60 → median (36 + 46) ÷ 2 = 41
      expect(figure.gapsBetweenOrders).to.equal(4); // orders − customers = 9 − 5
      expect(figure.medianDaysBetweenOrders).to.equal(41);
    });

    it('lapsed customers, threshold from the 90th percentile of the gaps', () => {
      // nearest rank ⌈0.9 × 4⌉ = 4th of 0, 36, 46, 60 → 60 days.
      // Days since the last order on Apr 10: a 9, b 21, c 65 (Feb 5 → Apr 10 = 24 + 31 + 10), d 40, e 0 → only c is over 60.
      expect(eur().lapse).to.deep.equal({ customers: 1, rate: 0.2, days: 60, source: 'gaps' });
    });

    it("lapsed customers with the owner's threshold", () => {
      // Over 20 days: b 21, c 65, d 40; a (9) and e (0) are not.
      expect(currency(STORE, 'EUR', { lapseDays: 20 }).lapse).to.deep.equal({ customers: 3, rate: 0.6, days: 20, source: 'owner' });
    });

    it('historic CLV both ways, and CLV : CAC', () => {
      const { clv, clvToCac } = eur();
      expect(clv.revenuePerCustomer).to.equal(94); // 470 ÷ 5
      // Exposure (days): a active, Jan 10 → Apr 10 = 91; b active, Jan 20 → Apr 10 = 11 + 29 + 31 + 10 = 81;
      // c lapsed, first = last order → 0; d active, Mar 1 → Apr 10 = 40; e active, 0. Σ = 212 days.
      expect(clv.customerYears).to.equal(212 / 365.25);
      expect(clv.repeatOrdersPerYear).to.equal(4 / (212 / 365.25)); // (9 − 5) repeat orders ÷ customer-years
      expect(clv.lifespanYears).to.equal(212 / 365.25 / 1); // customer-years ÷ 1 lapsed customer
      expect(clv.aovFrequencyLifespan).to.equal((470 / 9) * (1 + 4 / 1)); // AOV × (1 + F × L) = AOV × (1 + repeat orders ÷ lapsed)
      expect(clvToCac).to.deep.equal({ cac: 47, ratio: 2, projectedRatio: ((470 / 9) * 5) / 47 }); // 94 ÷ 47 = 2
    });

    it('cohorts by first-order month', () => {
      expect(eur().cohorts).to.deep.equal([
        // Jan: a, b. Feb: a ordered, Mar: b, Apr: a.
        { month: '2024-01', customers: 2, active: [2, 1, 1, 1], retention: [1, 0.5, 0.5, 0.5] },
        { month: '2024-02', customers: 1, active: [1, 0, 0], retention: [1, 0, 0] }, // c
        { month: '2024-03', customers: 1, active: [1, 0], retention: [1, 0] }, // d
        { month: '2024-04', customers: 1, active: [1], retention: [1] }, // e
      ]);
    });

    it('RFM scores and segments', () => {
      const figure = eur();
      const members = figure.rfm.segments.flatMap((segment) => segment.members);
      const scores = Object.fromEntries(
        members.map(({ customer, recencyDays, orders, revenue, r, f, m }) => [customer, [recencyDays, orders, revenue, r, f, m]]),
      );
      // With 5 customers, score = ⌈5 × rank ÷ 5⌉ = rank = 1 + customers strictly worse.
      // R (fewer days better): e 0 → 5, a 9 → 4, b 21 → 3, d 40 → 2, c 65 → 1.
      // F: a 4 → 5, b 2 → 4, c d e 1 → 1 (tied). M: a 200 → 5, b 120 → 4, e 90 → 3, c 60 → 2, d 0 → 1.
      expect(scores).to.deep.equal({
        a: [9, 4, 200, 4, 5, 5],
        b: [21, 2, 120, 3, 4, 4],
        c: [65, 1, 60, 1, 1, 2],
        d: [40, 1, 0, 2, 1, 1],
        e: [0, 1, 90, 5, 1, 3],
      });
      // (R, F): a (4, 5) and b (3, 4) Loyal, c (1, 1) Lost, d (2, 1) Hibernating, e (5, 1) New.
      expect(segmentsOf(figure)).to.deep.equal({
        champions: [],
        loyal: ['a', 'b'], // most revenue first
        'potential-loyalists': [],
        new: ['e'],
        'at-risk': [],
        'cant-lose': [],
        hibernating: ['d'],
        lost: ['c'],
      });
      const loyal = figure.rfm.segments.find((segment) => segment.segment === 'loyal')!;
      expect([loyal.customers, loyal.revenue]).to.deep.equal([2, 320]); // 200 + 120
    });

    it('no predicted CLV for 5 customers, and says why', () => {
      expect(eur().predicted).to.deep.equal({ shown: false, reason: 'too-few-customers', needed: 500, found: 5 });
    });
  });

  describe('currencies', () => {
    it('are kept apart, never summed', () => {
      const report = figures(STORE);
      expect(report.currencies.map((entry) => entry.currency)).to.deep.equal(['EUR', 'USD']); // most orders first
      const usd = report.currencies[1];
      // a's USD order is not one of a's EUR orders, and f is a customer in USD only.
      expect([usd.customers, usd.orders, usd.revenue, usd.aov, usd.purchaseFrequency]).to.deep.equal([2, 2, 40.5, 20.25, 1]);
      expect(usd.repeatCustomerRate).to.equal(0);
      expect(usd.medianDaysBetweenOrders).to.equal(null);
      expect(usd.lapse).to.deep.equal({ customers: 0, rate: 0, days: 365, source: 'no-gaps' }); // a: Mar 5 → Apr 10 = 36 days
      expect(usd.clv.aovFrequencyLifespan).to.equal(null); // no customer has lapsed: lifespan unknown
      expect(usd.clvToCac).to.equal(null); // no CAC given for USD
      expect(report.currencies[0].revenue).to.equal(470);
    });

    it('CAC applies to its own currency only; a lower-case code is read as upper case', () => {
      const report = figures(STORE, { cac: { usd: 10 } });
      expect(report.currencies[0].clvToCac).to.equal(null);
      expect(report.currencies[1].clvToCac?.ratio).to.equal(2.025); // 40.5 ÷ 2 customers = 20.25, ÷ 10
    });

    it('a currency written in lower case is the same currency', () => {
      const report = figures([order('x', '2024-01-01T10:00:00Z', 5, 'eur'), order('y', '2024-01-02T10:00:00Z', 7, 'EUR')]);
      expect(report.currencies.map((entry) => [entry.currency, entry.orders, entry.revenue])).to.deep.equal([['EUR', 2, 12]]);
    });

    it('sums money exactly, whatever the binary fractions', () => {
      // 0.1 + 0.2 is 0.30000000000000004 in floating point; the report sums thousandths.
      const entry = currency([order('x', '2024-01-01T10:00:00Z', 0.1), order('x', '2024-01-02T10:00:00Z', 0.2)], 'EUR');
      expect(entry.revenue).to.equal(0.3);
      expect(entry.rfm.segments.flatMap((segment) => segment.members)[0].revenue).to.equal(0.3);
    });
  });

  describe('edge cases', () => {
    it('one order, one customer', () => {
      const entry = currency([order('solo', '2024-05-05T10:00:00Z', 42)], 'EUR');
      expect([entry.customers, entry.orders, entry.revenue, entry.aov, entry.purchaseFrequency, entry.repeatCustomerRate]).to.deep.equal([
        1, 1, 42, 42, 1, 0,
      ]);
      expect(entry.historyDays).to.equal(1);
      expect(entry.returningByMonth).to.deep.equal([{ month: '2024-05', customers: 1, returning: 0, rate: 0 }]);
      expect(entry.medianDaysBetweenOrders).to.equal(null);
      expect(entry.lapse).to.deep.equal({ customers: 0, rate: 0, days: 365, source: 'no-gaps' });
      expect(entry.clv).to.deep.equal({
        revenuePerCustomer: 42,
        aovFrequencyLifespan: null,
        repeatOrdersPerYear: null,
        lifespanYears: null,
        customerYears: 0,
      });
      expect(entry.cohorts).to.deep.equal([{ month: '2024-05', customers: 1, active: [1], retention: [1] }]);
      // One customer is the best of one: rank 1 of 1 → ⌈5 × 1 ÷ 1⌉ = 5 on every score.
      const [member] = entry.rfm.segments.flatMap((segment) => segment.members);
      expect([member.r, member.f, member.m]).to.deep.equal([5, 5, 5]);
      expect(segmentsOf(entry).champions).to.deep.equal(['solo']);
    });

    it('zero totals: revenue, AOV and CLV are 0, not NaN', () => {
      const entry = currency([order('x', '2024-01-01T10:00:00Z', 0), order('y', '2024-03-01T10:00:00Z', 0)], 'EUR', {
        lapseDays: 30,
        cac: { EUR: 5 },
      });
      expect([entry.revenue, entry.aov, entry.clv.revenuePerCustomer]).to.deep.equal([0, 0, 0]);
      expect(entry.clv.aovFrequencyLifespan).to.equal(0); // x lapsed (60 days > 30): AOV 0 × (1 + 0 ÷ 1)
      expect(entry.clvToCac).to.deep.equal({ cac: 5, ratio: 0, projectedRatio: 0 });
      expect(entry.rfm.segments.reduce((sum, segment) => sum + segment.revenue, 0)).to.equal(0);
    });

    it('same-day orders: a repeat customer with a gap of 0 days', () => {
      const entry = currency(
        [order('x', '2024-02-02T08:00:00Z', 10), order('x', '2024-02-02T21:00:00Z', 30), order('y', '2024-02-01T08:00:00Z', 5)],
        'EUR',
      );
      expect([entry.repeatCustomers, entry.medianDaysBetweenOrders, entry.gapsBetweenOrders]).to.deep.equal([1, 0, 1]);
      expect(entry.lapse.days).to.equal(1); // the 90th percentile of [0] is 0; the threshold is at least 1 day
      expect(entry.lapse.customers).to.equal(0); // y: Feb 1 → Feb 2 is 1 day, not more than 1
      expect(entry.cohorts[0].active).to.deep.equal([2]); // x counted once in February
    });

    it('no orders at all', () => {
      const report = computeReport([], { asOf: Date.parse('2024-06-01T00:00:00Z'), timeZone: 'UTC' });
      expect(report.currencies).to.deep.equal([]);
      expect(report.asOf).to.equal(Date.parse('2024-06-01T00:00:00Z'));
    });

    it('leaves out invalid orders and counts them', () => {
      const bad: ReportOrder[] = [
        { ...order('x', '2024-01-01T10:00:00Z', 5), customer: '' },
        { ...order('x', '2024-01-01T10:00:00Z', 5), placed: NaN },
        order('x', '2024-01-01T10:00:00Z', -5),
        order('x', '2024-01-01T10:00:00Z', Infinity),
        order('x', '2024-01-01T10:00:00Z', 5, 'EURO'),
      ];
      const report = figures([...bad, order('ok', '2024-01-02T10:00:00Z', 7)]);
      expect(report.skipped).to.deep.equal({ invalid: 5, afterAsOf: 0 });
      expect(report.currencies.map((entry) => [entry.orders, entry.revenue])).to.deep.equal([[1, 7]]);
    });
  });

  describe('options', () => {
    it('asOf sets "today" and leaves out later orders', () => {
      const report = figures(STORE, { asOf: Date.parse('2024-03-31T12:00:00Z') });
      // After Mar 31: a Apr 1, e Apr 10 (EUR), f Apr 2 (USD).
      expect(report.skipped).to.deep.equal({ invalid: 0, afterAsOf: 3 });
      const eur = report.currencies[0];
      expect([eur.orders, eur.customers, eur.revenue]).to.deep.equal([7, 4, 350]); // 470 − 30 − 90
      // The months end with asOf's.
      expect(eur.returningByMonth.map((month) => month.month)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
    });

    it('days and months follow the time zone, across a daylight-saving change', () => {
      // Budapest is UTC+1 in winter, UTC+2 from 2024-03-31 01:00 UTC.
      const orders = [
        order('x', '2024-01-31T23:30:00Z', 10), // Feb 1, 00:30 in Budapest; Jan 31 in UTC
        order('x', '2024-03-31T00:30:00Z', 10), // Mar 31, 01:30 (UTC+1, before the change)
        order('x', '2024-03-31T22:30:00Z', 10), // Apr 1, 00:30 (UTC+2)
      ];
      const budapest = currency(orders, 'EUR', { timeZone: 'Europe/Budapest' });
      expect(budapest.returningByMonth.map((month) => [month.month, month.customers])).to.deep.equal([
        ['2024-02', 1],
        ['2024-03', 1],
        ['2024-04', 1],
      ]);
      // Feb 1 → Mar 31 = 29 + 30 = 59 days, Mar 31 → Apr 1 = 1: median 30.
      expect(budapest.medianDaysBetweenOrders).to.equal(30);
      const utc = currency(orders, 'EUR', { timeZone: 'UTC' });
      expect(utc.returningByMonth.map((month) => month.month)).to.deep.equal(['2024-01', '2024-02', '2024-03']);
      // Jan 31 → Mar 31 = 29 + 31 = 60 days, Mar 31 → Mar 31 = 0: median 30 too, from other gaps.
      expect([utc.gapsBetweenOrders, utc.lapse.days]).to.deep.equal([2, 60]);
      expect(budapest.lapse.days).to.equal(59);
    });

    it('asOf as a date is that calendar day in the time zone, from UTC−12 to UTC+14 and on a daylight-saving day', () => {
      const dayIn = (ms: number, timeZone: string) => {
        const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(ms);
        const part = (type: string) => parts.find((p) => p.type === type)!.value;
        return `${part('year')}-${part('month')}-${part('day')}`;
      };
      // The zone, the asOf date, its offset at the day's noon and last minute, and at the next day's first minute.
      const cases: [string, string, string, string][] = [
        ['Etc/GMT+12', '2024-03-10', '-12:00', '-12:00'],
        ['Pacific/Pago_Pago', '2024-03-10', '-11:00', '-11:00'],
        ['UTC', '2024-03-10', 'Z', 'Z'],
        ['Asia/Tokyo', '2024-03-10', '+09:00', '+09:00'],
        ['Pacific/Kiritimati', '2024-03-10', '+14:00', '+14:00'],
        ['Europe/Budapest', '2024-03-31', '+02:00', '+02:00'], // the clocks went forward at 02:00 that morning
        ['America/Santiago', '2024-04-06', '-03:00', '-04:00'], // they go back at midnight, into the next day
      ];
      for (const [timeZone, date, lastOffset, nextOffset] of cases) {
        const next = new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        const report = computeReport(
          [
            order('x', `${date}T12:00:00${lastOffset}`, 10),
            order('x', `${date}T23:59:00${lastOffset}`, 20),
            order('x', `${next}T00:01:00${nextOffset}`, 40),
          ],
          { asOf: date, timeZone },
        );
        expect(dayIn(report.asOf, timeZone), `“today” in ${timeZone}`).to.equal(date);
        expect(report.skipped.afterAsOf, `the next day’s order in ${timeZone}`).to.equal(1);
        expect(report.currencies[0].revenue, `the asOf day’s orders in ${timeZone}`).to.equal(30);
      }
    });

    it('asOf as an instant is the day it falls on in the time zone; an impossible date is not used', () => {
      // 2024-03-10 05:00 UTC is still 9 March in Pago Pago (UTC−11).
      const instant = computeReport([order('x', '2024-03-09T10:00:00-11:00', 10), order('x', '2024-03-10T10:00:00-11:00', 20)], {
        asOf: Date.parse('2024-03-10T05:00:00Z'),
        timeZone: 'Pacific/Pago_Pago',
      });
      expect(instant.asOf).to.equal(Date.parse('2024-03-10T05:00:00Z'));
      expect(instant.skipped.afterAsOf).to.equal(1);
      const impossible = figures([order('x', '2024-01-01T10:00:00Z', 5)], { asOf: '2024-02-31' });
      expect(impossible.ignoredOptions.map((ignored) => [ignored.option, ignored.value])).to.deep.equal([['asOf', '2024-02-31']]);
      expect(impossible.asOf).to.equal(Date.parse('2024-01-01T10:00:00Z'));
    });

    it('lists every option it could not use, and what it used instead', () => {
      const report = computeReport([order('x', '2024-01-01T10:00:00Z', 5)], {
        asOf: NaN,
        lapseDays: -3,
        timeZone: 'Mars/Olympus_Mons',
        horizonDays: 0,
        cac: { EUR: -1, GBP: 20, EURO: 3 },
      });
      expect(report.ignoredOptions.map((ignored) => [ignored.option, ignored.value])).to.deep.equal([
        ['asOf', 'NaN'],
        ['lapseDays', '-3'],
        ['timeZone', 'Mars/Olympus_Mons'],
        ['horizonDays', '0'],
        ['cac', 'EUR: -1'],
        ['cac', 'EURO: 3'],
      ]);
      expect(report.ignoredOptions.every((ignored) => ignored.used !== '')).to.equal(true);
      expect(report.asOf).to.equal(Date.parse('2024-01-01T10:00:00Z')); // the latest order, as asOf was bad
      expect(report.currencies[0].lapse.source).to.equal('no-gaps');
      const notAnObject = computeReport([order('x', '2024-01-01T10:00:00Z', 5)], { cac: 'EUR 5' as unknown as Record<string, number> });
      expect(notAnObject.ignoredOptions).to.deep.equal([{ option: 'cac', value: 'EUR 5', used: 'no CLV : CAC' }]);
    });
  });

  describe('RFM scoring', () => {
    it('quintiles keep ties together, whatever the input order', () => {
      // Sorted: 1 1 1 2 3 5 5 6 7 9. Rank (1 + values strictly below): 1 → 1, 2 → 4, 3 → 5, 5 → 6 (both),
      // 6 → 8, 7 → 9, 9 → 10. Score ⌈5 × rank ÷ 10⌉: 1 → 1, 2 → 2, 3 → ⌈2.5⌉ = 3, 5 → 3, 6 → 4, 7 → ⌈4.5⌉ = 5, 9 → 5.
      const values = [3, 1, 1, 1, 5, 5, 2, 9, 7, 6];
      const expected = [3, 1, 1, 1, 3, 3, 2, 5, 5, 4];
      expect(quintileScores(values)).to.deep.equal(expected);
      expect(quintileScores([...values].reverse())).to.deep.equal([...expected].reverse());
      expect(quintileScores([])).to.deep.equal([]);
    });

    it('the (R, F) grid names every cell', () => {
      const grid: RfmSegmentName[][] = [];
      for (const r of [5, 4, 3, 2, 1] as const) grid.push(([1, 2, 3, 4, 5] as const).map((f) => segmentOf(r, f)));
      expect(grid).to.deep.equal([
        ['new', 'potential-loyalists', 'potential-loyalists', 'champions', 'champions'],
        ['new', 'potential-loyalists', 'potential-loyalists', 'loyal', 'loyal'],
        ['hibernating', 'hibernating', 'potential-loyalists', 'loyal', 'loyal'],
        ['hibernating', 'hibernating', 'at-risk', 'at-risk', 'cant-lose'],
        ['lost', 'lost', 'at-risk', 'at-risk', 'cant-lose'],
      ]);
    });
  });
});
