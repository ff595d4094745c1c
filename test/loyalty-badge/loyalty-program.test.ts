import { expect } from '@open-wc/testing';
import { changesBetween } from '../../src/loyalty-badge/changes.js';
import {
  estimatePoints,
  minorUnits,
  parseRewards,
  parseTiers,
  pointsFor,
  spendPerPoint,
  punchCard,
  tierIndex,
  tierProgress,
  type Program,
  type Reward,
} from '../../src/loyalty-badge/program.js';

const tiers = [
  { name: 'Bronze', min: 0 },
  { name: 'Silver', min: 500 },
  { name: 'Gold', min: 2500 },
];

function program(overrides: Partial<Program> = {}): Program {
  return { pointsPerUnit: 1, currency: 'USD', tiers, punchEvery: 5, signupBonus: 50, rewards: [], ...overrides };
}

describe('loyalty program: points arithmetic', () => {
  it('knows minor units of currencies with and without them (Intl)', () => {
    expect(minorUnits('USD')).to.equal(2);
    expect(minorUnits('EUR')).to.equal(2);
    expect(minorUnits('JPY')).to.equal(0);
    expect(minorUnits('KWD')).to.equal(3);
    expect(minorUnits('NOPE!')).to.equal(2);
  });

  it('rounds points down per order, never up', () => {
    expect(pointsFor(59.9, 'USD', 1)).to.equal(59);
    expect(pointsFor(59.99, 'USD', 1)).to.equal(59);
    expect(pointsFor(60, 'USD', 1)).to.equal(60);
    expect(pointsFor(0.99, 'USD', 1)).to.equal(0);
    // The spend shown for a point at a rate below 1 earns it, and a cent less does not.
    for (const [currency, rate, spend] of [
      ['USD', 0.3, 3.34],
      ['USD', 0.5, 2],
      ['USD', 0.1, 10],
      ['JPY', 0.3, 4],
      ['KWD', 0.3, 3.334],
    ] as const) {
      expect(spendPerPoint(currency, rate), `${currency} at ${rate}`).to.equal(spend);
      expect(pointsFor(spend, currency, rate)).to.equal(1);
      expect(pointsFor(spend - 10 ** -minorUnits(currency), currency, rate)).to.equal(0);
    }
    expect(pointsFor(12.5, 'USD', 2)).to.equal(25);
  });

  it('is exact where binary floating point is not', () => {
    // 0.29 × 100 = 28.999999999999996 and 1.1 × 3 = 3.3000000000000003 in doubles.
    expect(pointsFor(0.29, 'USD', 100)).to.equal(29);
    expect(pointsFor(1.1, 'USD', 3)).to.equal(3);
    expect(pointsFor(59.9, 'USD', 0.1)).to.equal(5);
    expect(pointsFor(100, 'USD', 0.1)).to.equal(10);
    expect(pointsFor(8.2, 'USD', 10)).to.equal(82);
    // 11000 × 0.7 / 100 = 76.99999999999999: a plain floor would lose a point.
    expect(pointsFor(110, 'USD', 0.7)).to.equal(77);
    expect(pointsFor(820, 'USD', 0.7)).to.equal(574);
  });

  it('rounds the total to the currency minor units first', () => {
    expect(pointsFor(59.999, 'USD', 1)).to.equal(60); // 59.999 USD is charged as 60.00
    expect(pointsFor(1999.6, 'JPY', 1)).to.equal(2000); // no minor units: ¥2,000
    expect(pointsFor(1500, 'JPY', 0.01)).to.equal(15);
    expect(pointsFor(10.5, 'KWD', 1)).to.equal(10);
    expect(pointsFor(2.0005, 'KWD', 1000)).to.equal(2001); // 2.001 KWD (rounded to fils) × 1000
  });

  it('gives nothing for nothing, negative or missing amounts', () => {
    expect(pointsFor(0, 'USD', 1)).to.equal(0);
    expect(pointsFor(-5, 'USD', 1)).to.equal(0);
    expect(pointsFor(NaN, 'USD', 1)).to.equal(0);
    expect(pointsFor(10, 'USD', 0)).to.equal(0);
  });

  it('estimates only from orders in the program currency, per order', () => {
    const orders = [
      { total: 0.5, currency: 'USD' },
      { total: 0.5, currency: 'USD' },
      { total: 59.9, currency: 'USD' },
      { total: 5000, currency: 'RUB' },
    ];
    // 0 + 0 + 59: per-order rounding, and roubles cannot be converted, so they earn nothing here.
    expect(estimatePoints(orders, program())).to.equal(59);
    expect(estimatePoints(orders, program({ currency: 'RUB' }))).to.equal(5000);
  });
});

describe('loyalty program: tiers', () => {
  it('applies a tier exactly at its threshold', () => {
    expect(tierIndex(0, tiers)).to.equal(0);
    expect(tierIndex(499, tiers)).to.equal(0);
    expect(tierIndex(500, tiers)).to.equal(1);
    expect(tierIndex(2499, tiers)).to.equal(1);
    expect(tierIndex(2500, tiers)).to.equal(2);
    expect(tierIndex(10_000, tiers)).to.equal(2);
  });

  it('has no tier below the first threshold', () => {
    expect(tierIndex(99, [{ name: 'Member', min: 100 }])).to.equal(-1);
    expect(tierProgress(25, [{ name: 'Member', min: 100 }])).to.deep.equal({
      index: -1,
      next: { name: 'Member', min: 100 },
      toNext: 75,
      fraction: 0.25,
    });
  });

  it('says how far the next tier is', () => {
    expect(tierProgress(2380, tiers)).to.deep.include({ index: 1, next: tiers[2], toNext: 120, fraction: 0.94 });
    expect(tierProgress(499, tiers)).to.deep.include({ index: 0, toNext: 1 });
    expect(tierProgress(500, tiers)).to.deep.include({ index: 1, next: tiers[2], toNext: 2000, fraction: 0 });
    expect(tierProgress(2500, tiers)).to.deep.equal({ index: 2, next: null, toNext: 0, fraction: 1 });
  });

  it("follows the store's tier name over the points", () => {
    // A store with tiers by spend says Gold though the balance is lower after redeeming.
    expect(tierProgress(300, tiers, 'Gold')).to.deep.include({ index: 2, next: null });
    expect(tierProgress(300, tiers, 'Platinum')).to.deep.include({ index: 0 });
  });

  it('parses tiers as a list or JSON, and refuses unsorted, duplicate or bad thresholds', () => {
    expect(parseTiers('Bronze 0, Silver 500, Gold Plus 2500')).to.deep.equal([
      { name: 'Bronze', min: 0 },
      { name: 'Silver', min: 500 },
      { name: 'Gold Plus', min: 2500 },
    ]);
    expect(parseTiers('[{"name":"Bronze","min":0},{"name":"Silver","min":500}]')).to.deep.equal(tiers.slice(0, 2));
    expect(parseTiers('Bronze 0, Gold 2500, Silver 500')).to.equal('has thresholds out of increasing order');
    expect(parseTiers('Bronze 0, Silver 500, Gold 500')).to.equal('has the threshold 500 twice');
    expect(parseTiers('Bronze -1, Silver 500')).to.match(/whole threshold/);
    expect(parseTiers('Bronze, Silver 500')).to.match(/whole threshold/);
    expect(parseTiers('Bronze 0.5')).to.match(/whole threshold/);
    expect(parseTiers('[{"name":"Bronze"')).to.equal('is not valid JSON');
    // What `Number` reads but no store means: hex, null, an empty text.
    expect(parseTiers('Bronze 0, Gold 0x9C4')).to.match(/whole threshold/);
    expect(parseTiers('[{"name":"Bronze","min":null}]')).to.match(/whole threshold/);
    expect(parseTiers('[{"name":"Bronze","min":""}]')).to.match(/whole threshold/);
    expect(parseTiers('[{"name":"Bronze","min":"0"},{"name":"Silver","min":500}]')).to.deep.equal(tiers.slice(0, 2));
  });

  it('rewards: a cost is a number, or a number in a text', () => {
    expect(parseRewards([{ label: 'Tin', cost: '300' }])).to.deep.equal([{ id: 'Tin', label: 'Tin', cost: 300 }]);
    for (const cost of [true, null, '', '0x10', [5]])
      expect(parseRewards([{ label: 'Tin', cost }]), JSON.stringify(cost)).to.equal('has a reward without a label and a cost > 0');
  });
});

describe('loyalty program: punch card', () => {
  it('fills across orders and starts over after each gift', () => {
    const seen = [0, 1, 3, 4, 5, 6, 9, 10, 11].map((n) => {
      const { done, left, gifts } = punchCard(n, 5);
      return [n, done, left, gifts];
    });
    expect(seen).to.deep.equal([
      [0, 0, 5, 0],
      [1, 1, 4, 0],
      [3, 3, 2, 0],
      [4, 4, 1, 0],
      [5, 0, 5, 1],
      [6, 1, 4, 1],
      [9, 4, 1, 1],
      [10, 0, 5, 2],
      [11, 1, 4, 2],
    ]);
  });
});

describe('loyalty program: changes between visits', () => {
  const rewards = parseRewards([
    { label: 'Free shipping', cost: 1000 },
    { label: '$5 off', cost: 500, id: 'five' },
  ]) as Reward[];

  it('says nothing on the first visit', () => {
    expect(changesBetween(undefined, { points: 900, tier: 'Silver', gifts: 1 }, program({ rewards }))).to.deep.equal({
      unlocked: [],
      gift: false,
    });
  });

  it('finds points, tier, rewards crossed and a completed card', () => {
    const changes = changesBetween(
      { points: 480, tier: 'Bronze', gifts: 0 },
      { points: 1000, tier: 'Silver', gifts: 1 },
      program({ rewards }),
    );
    expect(changes.points).to.deep.equal({ from: 480, to: 1000, delta: 520 });
    expect(changes.tier).to.deep.equal({ from: 'Bronze', to: 'Silver', up: true });
    expect(changes.unlocked.map((r) => r.id)).to.deep.equal(['five', 'Free shipping']);
    expect(changes.gift).to.equal(true);
  });

  it('reports a drop without unlocking anything', () => {
    const changes = changesBetween(
      { points: 1200, tier: 'Silver', gifts: 1 },
      { points: 200, tier: 'Bronze', gifts: 1 },
      program({ rewards }),
    );
    expect(changes.points).to.deep.equal({ from: 1200, to: 200, delta: -1000 });
    expect(changes.tier).to.deep.equal({ from: 'Silver', to: 'Bronze', up: false });
    expect(changes.unlocked).to.deep.equal([]);
    expect(changes.gift).to.equal(false);
  });

  it('reports nothing when nothing changed', () => {
    expect(changesBetween({ points: 5, tier: null, gifts: 0 }, { points: 5, tier: null, gifts: 0 }, program())).to.deep.equal({
      unlocked: [],
      gift: false,
    });
  });

  it('parses rewards sorted by cost and refuses incomplete ones', () => {
    expect(rewards.map((r) => r.cost)).to.deep.equal([500, 1000]);
    expect(parseRewards([{ label: 'x', cost: 0 }])).to.be.a('string');
    expect(parseRewards([{ cost: 10 }])).to.be.a('string');
    expect(parseRewards({})).to.be.a('string');
  });
});
