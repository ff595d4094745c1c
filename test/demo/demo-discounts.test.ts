import { expect } from '@open-wc/testing';
import { FREE_SHIPPING_FROM, SHIPPING } from '../../demo/catalog.js';
import { discountEffect, parseDiscount, type Discount } from '../../demo/discounts.js';
import {
  DISCOUNT_KEY,
  applyDiscount,
  placeOrder,
  readDiscount,
  readOrders,
  removeDiscount,
  totals,
  type CartLine,
} from '../../demo/shop.js';

// Prices from the demo's catalogue (cents): Jasmine 50 g 1850, Lapsang 50 g 1290, Gyokuro 100 g 4400.
const jasmine: CartLine = { slug: 'jasmine-silver-needle', grams: 50, qty: 1 };
const lapsang: CartLine = { slug: 'lapsang-souchong', grams: 50, qty: 1 };
const gyokuro: CartLine = { slug: 'gyokuro-yame', grams: 100, qty: 1 };

function code(text: string): Discount {
  const discount = parseDiscount(text);
  if (!discount) throw new Error(`${text} should be a code`);
  return discount;
}

describe('demo discounts: parseDiscount', () => {
  it('knows every kind of code the demo hands out', () => {
    expect(parseDiscount('KB10-W7KQ')).to.deep.equal({ code: 'KB10-W7KQ', kind: 'percent', percent: 10 });
    expect(parseDiscount('KB10-7F3QAX')).to.deep.equal({ code: 'KB10-7F3QAX', kind: 'percent', percent: 10 });
    expect(parseDiscount('KB15-H8DJ')).to.deep.equal({ code: 'KB15-H8DJ', kind: 'percent', percent: 15 });
    expect(parseDiscount('KBSHIPFREE')).to.deep.equal({ code: 'KBSHIPFREE', kind: 'shipping' });
    expect(parseDiscount('KBSHIP-A2B3C4')).to.deep.equal({ code: 'KBSHIP-A2B3C4', kind: 'shipping' });
    expect(parseDiscount('KBSAMPLETIN')).to.deep.equal({ code: 'KBSAMPLETIN', kind: 'gift' });
    expect(parseDiscount('KBTIN-Z9Y8X7')).to.deep.equal({ code: 'KBTIN-Z9Y8X7', kind: 'gift' });
  });

  it('ignores case and spaces around the code, and gives it back in the shop’s spelling', () => {
    expect(parseDiscount('kb10-w7kq')?.code).to.equal('KB10-W7KQ');
    expect(parseDiscount('  Kb15-h8dj \n')?.code).to.equal('KB15-H8DJ');
    expect(parseDiscount('\tkbshipfree ')).to.deep.equal({ code: 'KBSHIPFREE', kind: 'shipping' });
    expect(parseDiscount(' kbtin-z9y8x7')?.kind).to.equal('gift');
  });

  it('says null to anything that is not a code of this shop', () => {
    const bad = [
      '',
      '   ',
      'javascript:alert(1)',
      '<img src=x onerror=alert(1)>',
      'KB10-W7KQ'.repeat(10_000),
      `KB10-W7KQ${' '.repeat(5)}X`,
      'KB10 W7KQ',
      'KB10-W7K', // too short
      'KB10-W7KQA', // neither a pool code (4) nor a server code (6)
      'KB15-7F3QAX', // the server issues no 15 % codes
      'KB20-W7KQ',
      'KBSHIP',
      'KBSHIPFREE2',
      'KBTIN-',
      'KB-7F3QAX', // an order number, not a code
      'KB10-W7KQ;KBSHIPFREE',
      'KB10‐W7KQ', // a Unicode hyphen
    ];
    for (const text of bad) expect(parseDiscount(text), JSON.stringify(text.slice(0, 30))).to.equal(null);
  });
});

describe('demo discounts: totals', () => {
  it('takes a percentage off the items, not off shipping', () => {
    const sums = totals([jasmine], 'standard', code('KB10-W7KQ'));
    expect(sums).to.include({ subtotal: 1850, discount: 185, shipping: SHIPPING.standard, code: 'KB10-W7KQ' });
    expect(sums.total).to.equal(1850 - 185 + SHIPPING.standard);

    const fifteen = totals([jasmine, jasmine], 'express', code('kb15-h8dj'));
    expect(fifteen).to.include({ subtotal: 3700, discount: 555, shipping: SHIPPING.express, code: 'KB15-H8DJ' });
    expect(fifteen.total).to.equal(3700 - 555 + SHIPPING.express);
  });

  it('rounds the discount to the cent, half up', () => {
    // 15 % of 12.90 is 1.935: 1.94 off. 10 % of 18.50 + 12.90 = 3.14 exactly.
    expect(totals([lapsang], 'standard', code('KB15-N5SU')).discount).to.equal(194);
    expect(totals([jasmine, lapsang], 'standard', code('KB10-M2XP')).discount).to.equal(314);
    expect(discountEffect(code('KB15-N5SU'), 333).cents).to.equal(50); // 49.95
    expect(discountEffect(code('KB15-N5SU'), 331).cents).to.equal(50); // 49.65
    expect(discountEffect(code('KB10-M2XP'), 4).cents).to.equal(0); // 0.4
    expect(discountEffect(code('KB10-M2XP'), 5).cents).to.equal(1); // 0.5
  });

  it('never takes off more than the subtotal', () => {
    const tooMuch: Discount = { code: 'KB10-W7KQ', kind: 'percent', percent: 150 };
    const sums = totals([jasmine], 'standard', tooMuch);
    expect(sums.discount).to.equal(1850);
    expect(sums.total).to.equal(SHIPPING.standard);
    const negative: Discount = { code: 'KB10-W7KQ', kind: 'percent', percent: -10 };
    expect(totals([jasmine], 'standard', negative).discount).to.equal(0);
  });

  it('makes standard shipping free with a shipping code, and leaves express at its price', () => {
    const free = totals([lapsang], 'standard', code('KBSHIPFREE'));
    expect(free).to.include({ subtotal: 1290, discount: 0, shipping: 0, total: 1290, code: 'KBSHIPFREE' });
    const express = totals([lapsang], 'express', code('kbship-a2b3c4'));
    expect(express).to.include({ shipping: SHIPPING.express, total: 1290 + SHIPPING.express, code: 'KBSHIP-A2B3C4' });
  });

  it('reaches free shipping on the subtotal before the discount', () => {
    // 44.00 is over the 40.00 threshold; 10 % off brings the items to 39.60, and shipping stays free.
    expect(totals([gyokuro], 'standard').subtotal).to.be.greaterThan(FREE_SHIPPING_FROM);
    const sums = totals([gyokuro], 'standard', code('KB10-W7KQ'));
    expect(sums).to.include({ subtotal: 4400, discount: 440, shipping: 0, total: 3960 });
  });

  it('takes the next-order offer’s 15 % only from its minimum of 30 € of tea, and records it only then', () => {
    expect(parseDiscount('kbnext-q9pa')).to.deep.equal({ code: 'KBNEXT-Q9PA', kind: 'percent', percent: 15, minimum: 3000 });
    // 18.50 €: below the minimum, the code is kept in the cart but is not in force.
    expect(totals([jasmine], 'standard', code('KBNEXT-Q9PA'))).to.include({ subtotal: 1850, discount: 0, code: null });
    // 37.00 €: 5.55 off.
    expect(totals([jasmine, jasmine], 'standard', code('KBNEXT-Q9PA'))).to.include({ subtotal: 3700, discount: 555, code: 'KBNEXT-Q9PA' });
    expect(discountEffect(code('KBNEXT-Q9PA'), 2999).cents).to.equal(0);
    expect(discountEffect(code('KBNEXT-Q9PA'), 3000).cents).to.equal(450);
  });

  it('changes no price for the sample tin', () => {
    const plain = totals([jasmine], 'standard');
    const gift = totals([jasmine], 'standard', code('kbsampletin'));
    expect(gift).to.deep.equal({ ...plain, code: 'KBSAMPLETIN' });
    expect(gift.discount).to.equal(0);
  });

  it('applies nothing without a code, or on an empty cart', () => {
    expect(totals([jasmine], 'standard')).to.include({ discount: 0, total: 1850 + SHIPPING.standard, code: null });
    expect(totals([jasmine], 'standard', null)).to.include({ discount: 0, code: null });
    expect(totals([], 'standard', code('KB10-W7KQ'))).to.deep.equal({
      count: 0,
      subtotal: 0,
      discount: 0,
      shipping: 0,
      total: 0,
      code: null,
    });
  });
});

describe('demo discounts: the cart’s code and the order', () => {
  let saved: string | null;
  let orders: string | null;
  let orderCount: string | null;
  beforeEach(() => {
    saved = localStorage.getItem(DISCOUNT_KEY);
    orders = localStorage.getItem('kettlebloom:orders');
    orderCount = localStorage.getItem('kettlebloom:order-count');
  });
  afterEach(() => {
    for (const [key, value] of [
      [DISCOUNT_KEY, saved],
      ['kettlebloom:orders', orders],
      ['kettlebloom:order-count', orderCount],
    ] as const) {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    }
  });

  it('keeps a good code, refuses a bad one, and checks the stored one again', () => {
    removeDiscount();
    expect(applyDiscount(' kb10-w7kq ')?.code).to.equal('KB10-W7KQ');
    expect(readDiscount()?.code).to.equal('KB10-W7KQ');
    expect(applyDiscount('javascript:alert(1)')).to.equal(null);
    expect(readDiscount()?.code, 'a bad code leaves the good one').to.equal('KB10-W7KQ');
    localStorage.setItem(DISCOUNT_KEY, JSON.stringify('KB99-EDIT'));
    expect(readDiscount(), 'an edited value is no code').to.equal(null);
    localStorage.setItem(DISCOUNT_KEY, JSON.stringify({ code: 'KB10-W7KQ', percent: 100 }));
    expect(readDiscount()).to.equal(null);
    removeDiscount();
    expect(readDiscount()).to.equal(null);
  });

  it('records the code and the discount on the order, whose total is what was paid, and clears the code', () => {
    const discount = applyDiscount('KB15-B2GY');
    const order = placeOrder([jasmine], { name: 'A', email: 'a@example.com', method: 'standard' }, discount);
    expect(order).to.include({ code: 'KB15-B2GY', subtotal: 1850, discount: 278, shipping: SHIPPING.standard });
    expect(order.total).to.equal(1850 - 278 + SHIPPING.standard);
    expect(readOrders()[0]).to.deep.equal(order);
    expect(readDiscount(), 'a code serves one order').to.equal(null);

    const plain = placeOrder([jasmine], { name: 'A', email: 'a@example.com', method: 'standard' });
    expect(plain).not.to.have.property('code');
    expect(plain).not.to.have.property('discount');
    expect(plain.total).to.equal(1850 + SHIPPING.standard);
  });
});
