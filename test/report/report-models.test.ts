import { expect } from '@open-wc/testing';
import type { ReportOrder } from '../../src/report/model.js';
import type { BgNbdParameters, GammaGammaParameters } from '../../src/report/metrics/types.js';
import { logGamma, logHypergeometric2F1 } from '../../src/report/metrics/special.js';
import { minimize } from '../../src/report/metrics/nelder-mead.js';
import {
  bgNbdLogLikelihood,
  expectedPurchases,
  fitBgNbd,
  probabilityAlive,
  purchaseData,
  type PurchaseSummary,
} from '../../src/report/metrics/bgnbd.js';
import { expectedSpend, fitGammaGamma, gammaGammaLogLikelihood, spendData } from '../../src/report/metrics/gamma-gamma.js';
import { computeReport } from '../../src/report/metrics/report.js';
import { gamma, purchaseTimes, seeded, simulatePurchases, simulateSpends } from '../support/report-simulation.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';

/** |actual − expected| ≤ tolerance × |expected|. */
function expectRelative(actual: number, expected: number, tolerance: number, what = '') {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).to.be.at.most(tolerance * Math.abs(expected));
}

/**
 * Standard errors of the maximum-likelihood estimates of log-parameters: the square roots of the
 * diagonal of the inverse observed information (the Hessian of −ln L, by central differences).
 */
function standardErrors(negativeLogLikelihood: (point: number[]) => number, at: number[]): number[] {
  const n = at.length;
  const h = 1e-4;
  const f = (shift: number[]) => negativeLogLikelihood(at.map((value, i) => value + shift[i]));
  const unit = (i: number, size: number) => Array.from({ length: n }, (_, k) => (k === i ? size : 0));
  const add = (u: number[], v: number[]) => u.map((value, k) => value + v[k]);
  const hessian = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const [pi, mi, pj, mj] = [unit(i, h), unit(i, -h), unit(j, h), unit(j, -h)];
      return (f(add(pi, pj)) - f(add(pi, mj)) - f(add(mi, pj)) + f(add(mi, mj))) / (4 * h * h);
    }),
  );
  return invert(hessian).map((row, i) => Math.sqrt(row[i]));
}

/** Gauss–Jordan inverse with partial pivoting (small, well-conditioned matrices only). */
function invert(matrix: number[][]): number[][] {
  const n = matrix.length;
  const rows = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, k) => (k === i ? 1 : 0))]);
  for (let column = 0; column < n; column++) {
    let pivot = column;
    for (let row = column + 1; row < n; row++) if (Math.abs(rows[row][column]) > Math.abs(rows[pivot][column])) pivot = row;
    [rows[column], rows[pivot]] = [rows[pivot], rows[column]];
    const divisor = rows[column][column];
    rows[column] = rows[column].map((value) => value / divisor);
    for (let row = 0; row < n; row++) {
      if (row === column) continue;
      const factor = rows[row][column];
      rows[row] = rows[row].map((value, k) => value - factor * rows[column][k]);
    }
  }
  return rows.map((row) => row.slice(n));
}

/**
 * Checks a maximum-likelihood fit against the parameters its data were simulated from: the data pin
 * each log-parameter down (standard error below `maxError`, so the check means something); the fit
 * lands within 3 standard errors of the truth (a wrong likelihood would not); and it is a maximum (the
 * truth, and a step of 1 % along any parameter, score no better).
 */
function expectRecovered<P extends object>(fitted: P, truth: P, logLikelihood: (params: P) => number, maxError: number) {
  const names = Object.keys(truth) as (keyof P & string)[];
  const value = (params: P, name: keyof P) => params[name] as number;
  const toParams = (point: number[]) => Object.fromEntries(names.map((name, i) => [name, Math.exp(point[i])])) as P;
  const at = names.map((name) => Math.log(value(fitted, name)));
  const errors = standardErrors((point) => -logLikelihood(toParams(point)), at);
  names.forEach((name, i) => {
    expect(errors[i], `standard error of ln ${name}`).to.be.below(maxError);
    const distance = Math.abs(at[i] - Math.log(value(truth, name)));
    expect(distance, `ln ${name}: fitted ${value(fitted, name)}, truth ${value(truth, name)}`).to.be.below(3 * errors[i]);
  });
  const best = logLikelihood(fitted);
  expect(best).to.be.at.least(logLikelihood(truth));
  names.forEach((_, i) => {
    for (const step of [-0.01, 0.01]) expect(best).to.be.above(logLikelihood(toParams(at.map((x, k) => (k === i ? x + step : x)))));
  });
}

const CDNOW: BgNbdParameters = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
/** FHL 2005's Gamma-Gamma fit on CDNOW's spend. */
const CDNOW_SPEND: GammaGammaParameters = { p: 6.25, q: 3.74, gamma: 15.44 };

describe('report models', () => {
  let consoleWatch: ConsoleWatch;
  beforeEach(() => {
    consoleWatch = watchConsole();
  });
  afterEach(() => consoleWatch.stop());

  // Reference values below come from mpmath and are written as the nearest doubles.
  describe('special functions, against mpmath at 40 digits', () => {
    it('ln Γ', () => {
      const cases: [number, number][] = [
        [0.5, 0.5723649429247001], // ln √π
        [10, 12.801827480081469], // ln 9!
        [100.5, 361.4355404677776],
        [0.001, 6.907178885383853],
        [25_000, 228161.63322257306],
      ];
      for (const [x, expected] of cases) expectRelative(logGamma(x), expected, 1e-14, `lnΓ(${x})`);
    });

    it('ln ₂F₁, up to large parameters near z = 1', () => {
      const cases: [number, number, number, number, number][] = [
        [1, 1, 2, 0.5, 0.326634259978281], // ₂F₁(1, 1; 2; z) = −ln(1 − z) / z: ln(2 ln 2)
        [0.243, 2.426, 2.219, 0.5, 0.18821830926204303],
        [2.243, 4.426, 5.219, 0.8, 2.883630626881613],
        [50.243, 50.426, 50.219, 0.9, 116.16550758976655],
        [300.5, 302.5, 301.5, 0.95, 903.2101245898463], // the sum reaches 1e392: it is rescaled on the way
      ];
      for (const [a, b, c, z, expected] of cases)
        expectRelative(logHypergeometric2F1(a, b, c, z), expected, 1e-12, `₂F₁(${a}, ${b}; ${c}; ${z})`);
      expect(() => logHypergeometric2F1(1, 1, 2, 1)).to.throw(RangeError);
    });
  });

  it('Nelder–Mead finds the minimum of the Rosenbrock valley', () => {
    const rosenbrock = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
    const result = minimize(rosenbrock, [-1.2, 1]);
    expect(result.converged).to.equal(true);
    expect(Math.abs(result.point[0] - 1)).to.be.below(1e-4);
    expect(Math.abs(result.point[1] - 1)).to.be.below(1e-4);
  });

  describe('BG/NBD', () => {
    // At CDNOW's published parameters (weeks), customers of its summary file (x, tₓ, T) and one made up.
    // Expected: mpmath at 40 digits from the likelihood written with Beta and Gamma functions (not logs),
    // P(alive), and E[Y(39) | x, tₓ, T] with mpmath's own ₂F₁. FHL 2005 print 1.226 for the second one.
    const CUSTOMERS: [PurchaseSummary, number, number, number][] = [
      [{ x: 0, tx: 0, T: 38.86 }, -0.5547132764381585, 1, 0.19509805201126265],
      [{ x: 2, tx: 30.43, T: 38.86 }, -9.45860630706627, 0.726578570080673, 1.2260281747671444],
      [{ x: 1, tx: 1.71, T: 38.86 }, -4.469093275032589, 0.2121009853773791, 0.20318698707975408],
      [{ x: 7, tx: 29.43, T: 38.86 }, -21.86327627146352, 0.6417563459461073, 3.3370532748514163],
      [{ x: 29, tx: 38.71, T: 39 }, -44.55112034545835, 0.9692679407086681, 19.687625885468023],
      [{ x: 0, tx: 0, T: 27 }, -0.4768807799774699, 1, 0.25939538149220753],
    ];

    it('log-likelihood, P(alive) and expected purchases at the published CDNOW parameters', () => {
      for (const [summary, logLikelihood, alive, expected] of CUSTOMERS) {
        const what = JSON.stringify(summary);
        expectRelative(bgNbdLogLikelihood(CDNOW, purchaseData([summary])), logLikelihood, 1e-12, `ln L ${what}`);
        expectRelative(probabilityAlive(CDNOW, summary), alive, 1e-12, `P(alive) ${what}`);
        expectRelative(expectedPurchases(CDNOW, 39, summary), expected, 1e-10, `E[Y(39)] ${what}`);
      }
    });

    it('expected purchases pass smoothly through a = 1, where the formula is 0 ÷ 0', () => {
      const summary = { x: 3, tx: 20, T: 35 };
      const at = (a: number) => expectedPurchases({ ...CDNOW, a }, 39, summary);
      const [below, exactly, above] = [at(1 - 1e-4), at(1), at(1 + 1e-4)];
      expect(Number.isFinite(exactly)).to.equal(true);
      expectRelative(exactly, (below + above) / 2, 1e-6, 'E[Y(39)] at a = 1');
    });

    it('merging equal customers weighs them, and the total is the sum', () => {
      const summaries = [...CUSTOMERS.map(([summary]) => summary), CUSTOMERS[1][0], CUSTOMERS[1][0], CUSTOMERS[0][0]];
      const data = purchaseData(summaries);
      expect([data.x.length, data.customers]).to.deep.equal([6, 9]);
      const sum = CUSTOMERS.reduce((total, [, logLikelihood]) => total + logLikelihood, 0) + 2 * CUSTOMERS[1][1] + CUSTOMERS[0][1];
      expectRelative(bgNbdLogLikelihood(CDNOW, data), sum, 1e-12, 'total');
    });

    it('the fit recovers the parameters of simulated customers within 3 standard errors', () => {
      // 10,000 customers of a BG/NBD with known parameters (weeks), observed 1 to 3 years each.
      const truth: BgNbdParameters = { r: 1.5, alpha: 6, a: 1.5, b: 6 };
      const data = purchaseData(simulatePurchases(seeded(20250607), truth, 10_000, 52, 156));
      const fit = fitBgNbd(data);
      expect(fit.converged).to.equal(true);
      expectRelative(fit.logLikelihood, bgNbdLogLikelihood(fit.params, data), 1e-12, 'reported ln L');
      expectRecovered(fit.params, truth, (params) => bgNbdLogLikelihood(params, data), 0.1);
    });
  });

  describe('Gamma-Gamma', () => {
    // mpmath at 30 digits, by integrating the model itself over ν (not from the closed forms).
    it('log-likelihood at the CDNOW spend parameters', () => {
      const cases: [number, number, number][] = [
        [1, 35, -4.182118026033015],
        [2, 12.5, -3.789002119824168],
        [5, 80.25, -6.3330923509226675],
        [17, 21, -3.425205219127853],
      ];
      for (const [x, mean, expected] of cases)
        expectRelative(gammaGammaLogLikelihood(CDNOW_SPEND, spendData([{ x, mean }])), expected, 1e-12, `x ${x}, m̄ ${mean}`);
    });

    it('expected spend is the posterior mean of p/ν', () => {
      expectRelative(expectedSpend(CDNOW_SPEND, 2, 12.5), 16.584645669291337, 1e-13, 'x 2');
      expectRelative(expectedSpend(CDNOW_SPEND, 5, 80.25), 76.61996175345672, 1e-12, 'x 5');
      expectRelative(expectedSpend(CDNOW_SPEND, 0, 0), 35.21897810218978, 1e-13, 'population mean pγ/(q − 1)');
    });

    it('the fit recovers the parameters of simulated customers within 3 standard errors', () => {
      const truth: GammaGammaParameters = { p: 6, q: 4, gamma: 15 };
      const spends = simulateSpends(seeded(7), truth, 20_000, 6);
      const fit = fitGammaGamma(spends);
      expect(fit.converged).to.equal(true);
      const data = spendData(spends);
      expectRelative(fit.logLikelihood, gammaGammaLogLikelihood(fit.params, data), 1e-12, 'reported ln L');
      expectRecovered(fit.params, truth, (params) => gammaGammaLogLikelihood(params, data), 0.15);
    });
  });

  describe('predicted CLV in the report', () => {
    const DAY = 86_400_000;
    const AS_OF_DAY = Date.UTC(2025, 0, 1) / DAY;

    /**
     * A store whose customers follow a BG/NBD (days) and Gamma-Gamma spend: first orders spread over
     * `spanDays` before asOf. Also returns how many orders each customer went on to place in the
     * `horizonDays` after asOf (the same simulated lives, continued), to hold the prediction against.
     */
    function simulateStore(seed: number, customers: number, spanDays: number, horizonDays: number) {
      const random = seeded(seed);
      const purchases: BgNbdParameters = { r: 0.9, alpha: 60, a: 0.7, b: 3 };
      const spend: GammaGammaParameters = { p: 5, q: 4, gamma: 120 };
      const orders: ReportOrder[] = [];
      let futureOrders = 0;
      let futureRevenue = 0;
      for (let c = 0; c < customers; c++) {
        const firstDay = AS_OF_DAY - Math.floor(random() * spanDays);
        const T = AS_OF_DAY - firstDay + 1; // up to the end of the asOf day
        const nu = gamma(random, spend.q, spend.gamma);
        const value = () => Math.round(gamma(random, spend.p, nu) * 100) / 100;
        const place = (day: number) =>
          orders.push({
            id: `${c}-${orders.length}`,
            customer: `c${c}`,
            placed: (day + 0.5) * DAY,
            total: value(),
            currency: 'HUF',
            codes: [],
          });
        place(firstDay);
        for (const t of purchaseTimes(random, purchases, T + horizonDays)) {
          if (t < T) place(firstDay + Math.floor(t));
          else {
            futureOrders++;
            futureRevenue += value();
          }
        }
      }
      return { orders, futureOrders, futureRevenue };
    }

    it('predicts the next year of a simulated store within 10 % of what its customers went on to do', () => {
      const store = simulateStore(42, 3000, 540, 365);
      const [figures] = computeReport(store.orders, { timeZone: 'UTC', asOf: AS_OF_DAY * DAY + DAY / 2 }).currencies;
      const predicted = figures.predicted;
      if (!predicted.shown) throw new Error(`not shown: ${predicted.reason}`);
      expect(predicted.horizonDays).to.equal(365);
      expectRelative(predicted.expectedOrders, store.futureOrders, 0.1, 'orders in the next year');
      expectRelative(predicted.expectedRevenue, store.futureRevenue, 0.1, 'revenue in the next year');
      expect(predicted.clvPerCustomer).to.equal(predicted.expectedRevenue / 3000);
      expect(predicted.meanProbabilityAlive).to.be.within(0, 1);
      expect(predicted.spend.customers).to.be.below(3000); // repeat buyers only
    });

    it('says why it is not shown', () => {
      const short = simulateStore(1, 600, 120, 0);
      expect(computeReport(short.orders, { timeZone: 'UTC' }).currencies[0].predicted).to.deep.include({
        shown: false,
        reason: 'too-short-history',
        needed: 180,
      });

      const onceEach: ReportOrder[] = Array.from({ length: 600 }, (_, c) => ({
        id: `${c}`,
        customer: `c${c}`,
        placed: (AS_OF_DAY - c) * DAY,
        total: 10,
        currency: 'EUR',
        codes: [],
      }));
      expect(computeReport(onceEach, { timeZone: 'UTC' }).currencies[0].predicted).to.deep.equal({
        shown: false,
        reason: 'too-few-frequent-customers',
        needed: 20,
        found: 0,
      });

      const few = simulateStore(2, 499, 540, 0);
      expect(computeReport(few.orders, { timeZone: 'UTC' }).currencies[0].predicted).to.deep.equal({
        shown: false,
        reason: 'too-few-customers',
        needed: 500,
        found: 499,
      });
    });

    it('takes the horizon from the options', () => {
      const store = simulateStore(42, 3000, 540, 0);
      const [year] = computeReport(store.orders, { timeZone: 'UTC' }).currencies;
      const [quarter] = computeReport(store.orders, { timeZone: 'UTC', horizonDays: 90 }).currencies;
      if (!year.predicted.shown || !quarter.predicted.shown) throw new Error('not shown');
      expect(quarter.predicted.horizonDays).to.equal(90);
      expect(quarter.predicted.expectedOrders).to.be.below(year.predicted.expectedOrders / 2);
    });
  });
});
