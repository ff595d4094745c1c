#!/usr/bin/env node
// Generates the report demo's data: `node demo/data/generate-orders.mjs`.
//
// Writes demo/data/shopify-orders.csv, a Shopify orders export (Shopify's own header, one row per line
// item, the order's columns on its first row only) of the demo tea shop over 18 months, and
// demo/data/retain-events.jsonl, the kit's events as the shop's endpoint would have logged them (wheel
// shown, spun, codes won and applied, account prompts, reviews seen). Customers come and go the way
// BG/NBD models them: each buys at a rate of their own (gamma distributed) and may drop out after any
// purchase (beta distributed), so some come back for years and most never return. Deterministic: a
// seeded generator and fixed dates. The benchmark imports `shopifyOrders` to make 100,000 orders in memory.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DAY = 86_400_000;
/** The demo's history: January 2024 to June 2025. */
export const START = Date.UTC(2024, 0, 1);
export const END = Date.UTC(2025, 6, 1) - 1;

/** mulberry32: small, seeded, good enough for fixtures. */
export function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Gamma(shape, 1) by Marsaglia and Tsang (with the shape < 1 boost). */
function gamma(random, shape) {
  if (shape < 1) return gamma(random, shape + 1) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x;
    let v;
    do {
      // Box-Muller normal
      x = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}
const beta = (random, a, b) => {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
};

/** The demo catalogue's teas and tins (demo/catalog.ts), prices in euros. */
const TEAS = [
  ['Jasmine Silver Needle', 18.5, 32.9],
  ['Gyokuro Yame', 24.0, 44.0],
  ['Alishan Milk Oolong', 15.4, 27.9],
  ['Lapsang Souchong', 12.9, 22.9],
  ['Earl Grey Cream', 11.2, 19.9],
  ['Rooibos Chai', 9.8, 17.5],
];
const FIRST = [
  'Anna',
  'Bence',
  'Csilla',
  'Dmytro',
  'Eszter',
  'Fedir',
  'Gábor',
  'Hanna',
  'Iryna',
  'Jana',
  'Kata',
  'Lev',
  'Marta',
  'Nora',
  'Oleh',
  'Petra',
];
const LAST = ['Kovács', 'Nagy', 'Szabó', 'Shevchenko', 'Bondarenko', 'Tóth', 'Horváth', 'Ivanova', 'Melnyk', 'Varga', 'Smith', 'Brown'];

export const HEADER = [
  'Name', 'Email', 'Financial Status', 'Paid at', 'Fulfillment Status', 'Fulfilled at', 'Accepts Marketing', 'Currency',
  'Subtotal', 'Shipping', 'Taxes', 'Total', 'Discount Code', 'Discount Amount', 'Shipping Method', 'Created at',
  'Lineitem quantity', 'Lineitem name', 'Lineitem price', 'Lineitem compare at price', 'Lineitem sku',
  'Lineitem requires shipping', 'Lineitem taxable', 'Lineitem fulfillment status', 'Billing Name', 'Billing Street',
  'Billing Address1', 'Billing Address2', 'Billing Company', 'Billing City', 'Billing Zip', 'Billing Province',
  'Billing Country', 'Billing Phone', 'Shipping Name', 'Shipping Street', 'Shipping Address1', 'Shipping Address2',
  'Shipping Company', 'Shipping City', 'Shipping Zip', 'Shipping Province', 'Shipping Country', 'Shipping Phone',
  'Notes', 'Note Attributes', 'Cancelled at', 'Payment Method', 'Payment Reference', 'Refunded Amount', 'Vendor',
  'Outstanding Balance', 'Employee', 'Location', 'Device ID', 'Id', 'Tags', 'Risk Level', 'Source', 'Lineitem discount',
  'Tax 1 Name', 'Tax 1 Value', 'Tax 2 Name', 'Tax 2 Value', 'Tax 3 Name', 'Tax 3 Value', 'Tax 4 Name', 'Tax 4 Value',
  'Tax 5 Name', 'Tax 5 Value', 'Phone', 'Receipt Number', 'Duties', 'Billing Province Name', 'Shipping Province Name',
  'Payment ID', 'Payment Terms Name', 'Next Payment Due At', 'Payment References',
]; // prettier-ignore
const COL = Object.fromEntries(HEADER.map((name, i) => [name, i]));

const pad = (n) => String(n).padStart(2, '0');
/** Shopify's `2024-05-01 10:00:00 +0200`, in the shop's zone (Central Europe: +0200 from April to October). */
function shopifyTime(ms) {
  const month = new Date(ms).getUTCMonth();
  const offset = month >= 3 && month <= 9 ? 2 : 1;
  const d = new Date(ms + offset * 3_600_000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0${offset}00`;
}
const money = (n) => n.toFixed(2);
const quote = (value) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The orders, as one Shopify CSV text, and what the events file needs (wheel codes used by orders).
 * `customers`: how many customers arrive over the period; `full`: fill every column a real export fills
 * (addresses, taxes, ids: the benchmark's 50 MB), or only those the report and a reader need (the
 * committed demo file stays small; the other columns are there, empty).
 */
export function shopifyOrders({ customers = 2000, seed = 13, full = false, start = START, end = END } = {}) {
  const random = seeded(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const span = end - start;
  const lines = [HEADER.join(',')];
  const wheelCodes = [];
  let number = 1000;
  const orders = [];
  for (let c = 0; c < customers; c++) {
    // Arrivals grow through the period (a shop that gains customers), with a winter bump.
    const t = random() ** 0.75;
    let at = start + t * span;
    const month = new Date(at).getUTCMonth();
    if ((month === 10 || month === 11) && random() < 0.25) at = start + Math.sqrt(random()) * span;
    const rate = gamma(random, 0.85) / 70; // orders a day while active: a mean gap of ~80 days
    const dropout = beta(random, 2.2, 1.8); // chance to leave after each order
    const spend = 18 + gamma(random, 2.2) * 9; // the customer's usual basket, euros
    const first = pick(FIRST);
    const last = pick(LAST);
    const email = `${first[0].toLowerCase()}${last.slice(0, 3).toLowerCase()}${c}@example.com`
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    for (;;) {
      orders.push({ at, email, name: `${first} ${last}`, spend, c });
      if (random() < dropout) break;
      at += (-Math.log(1 - random()) / rate) * DAY;
      if (at > end) break;
    }
  }
  orders.sort((a, b) => a.at - b.at);
  for (const order of orders) {
    const name = `#${++number}`;
    // A tea shop's basket: one tin or two, bigger or more of them for customers who spend more.
    const items = [];
    const basket = order.spend * Math.exp((random() - 0.5) * 0.6);
    do {
      const [tea, small, large] = pick(TEAS);
      const big = random() < Math.min(0.8, basket / 60);
      const price = big ? large : small;
      const quantity = Math.max(1, Math.round(basket / price / 1.6));
      items.push({
        title: `${tea} - ${big ? '100 g' : '50 g'}`,
        price,
        quantity: Math.min(quantity, 4),
        sku: `KB-${tea.slice(0, 3).toUpperCase()}-${big ? 100 : 50}`,
      });
    } while (random() < 0.22 && items.length < 4);
    const subtotal = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    let discount = 0;
    let code = '';
    const roll = random();
    if (roll < 0.06) {
      code = `KB10-${Math.floor(random() * 36 ** 3)
        .toString(36)
        .toUpperCase()
        .padStart(3, '0')}`;
      wheelCodes.push({ code, at: order.at });
      discount = subtotal * 0.1;
    } else if (roll < 0.09) {
      code = 'KBSHIPFREE';
      wheelCodes.push({ code, at: order.at });
    } else if (roll < 0.13) {
      code = 'WELCOME10';
      discount = subtotal * 0.1;
    }
    const shipping = subtotal - discount >= 40 || code === 'KBSHIPFREE' ? 0 : 4.9;
    const total = subtotal - discount + shipping;
    const taxes = (total / 1.27) * 0.27;
    // What became of the order: most are paid and shipped; a few are not.
    const fate = random();
    let financial = 'paid';
    let cancelled = '';
    let refunded = 0;
    let payment = pick(['Shopify Payments', 'Shopify Payments', 'Shopify Payments', 'PayPal Express Checkout', 'Cash on Delivery (COD)']);
    if (fate < 0.02) {
      financial = 'refunded';
      cancelled = shopifyTime(order.at + 2 * DAY);
      refunded = total;
    } else if (fate < 0.03) financial = 'voided';
    else if (fate < 0.045) {
      financial = 'refunded';
      refunded = total;
    } else if (fate < 0.06) {
      financial = 'partially_refunded';
      refunded = items[0].price;
    } else if (fate < 0.063) payment = 'Bogus Gateway';
    const created = shopifyTime(order.at);
    items.forEach((item, i) => {
      const row = new Array(HEADER.length).fill('');
      row[COL.Name] = name;
      row[COL['Lineitem quantity']] = String(item.quantity);
      row[COL['Lineitem name']] = item.title;
      row[COL['Lineitem price']] = money(item.price);
      if (full) {
        row[COL['Lineitem sku']] = item.sku;
        row[COL['Lineitem requires shipping']] = 'true';
        row[COL['Lineitem taxable']] = 'true';
        row[COL['Lineitem fulfillment status']] = financial === 'voided' ? 'pending' : 'fulfilled';
        row[COL.Vendor] = 'Kettlebloom';
      }
      if (i === 0) {
        row[COL.Email] = order.email;
        row[COL['Financial Status']] = financial;
        if (full) row[COL['Paid at']] = financial === 'voided' ? '' : created;
        row[COL['Fulfillment Status']] = financial === 'voided' ? 'unfulfilled' : 'fulfilled';
        row[COL.Currency] = 'EUR';
        row[COL.Subtotal] = money(subtotal);
        row[COL.Shipping] = money(shipping);
        row[COL.Taxes] = money(taxes);
        row[COL.Total] = money(total);
        row[COL['Discount Code']] = code;
        row[COL['Discount Amount']] = money(discount);
        if (full) row[COL['Shipping Method']] = shipping ? 'Standard' : 'Free shipping';
        row[COL['Created at']] = created;
        row[COL['Cancelled at']] = cancelled;
        row[COL['Payment Method']] = payment;
        row[COL['Refunded Amount']] = money(refunded);
        if (full) {
          row[COL['Accepts Marketing']] = random() < 0.4 ? 'yes' : 'no';
          row[COL['Outstanding Balance']] = '0.00';
          row[COL.Id] = String(5_600_000_000_000 + number);
          row[COL['Risk Level']] = 'Low';
          row[COL.Source] = 'web';
          row[COL['Tax 1 Name']] = 'HU ÁFA 27%';
          row[COL['Tax 1 Value']] = money(taxes);
          const city = pick(['Budapest', 'Szeged', 'Debrecen', 'Kyiv', 'Lviv', 'Wien', 'Bratislava']);
          for (const side of ['Billing', 'Shipping']) {
            row[COL[`${side} Name`]] = order.name;
            row[COL[`${side} Street`]] = `${1 + (order.c % 97)} Fő utca`;
            row[COL[`${side} Address1`]] = `${1 + (order.c % 97)} Fő utca`;
            row[COL[`${side} City`]] = city;
            row[COL[`${side} Zip`]] = String(1000 + (order.c % 8999));
            row[COL[`${side} Country`]] =
              city === 'Kyiv' || city === 'Lviv' ? 'UA' : city === 'Wien' ? 'AT' : city === 'Bratislava' ? 'SK' : 'HU';
            row[COL[`${side} Phone`]] = `+36 30 ${String(1_000_000 + order.c).slice(-7)}`;
          }
          row[COL['Payment Reference']] = `c${number}.1`;
          row[COL['Receipt Number']] = `R-${number}`;
        }
      }
      lines.push(row.map(quote).join(','));
    });
  }
  return { csv: `${lines.join('\n')}\n`, orders: orders.length, wheelCodes };
}

/** The kit's events over the period, as JSON lines: the wheels' funnel ends in the codes the orders used. */
export function kitEvents({ wheelCodes, seed = 29, start = START, end = END }) {
  const random = seeded(seed);
  const lines = [];
  let id = 0;
  const event = (name, at, detail = {}) => {
    const key = `e${(++id).toString(36)}`;
    lines.push(JSON.stringify({ id: key, name, detail: { timestamp: Math.round(at), ...detail } }));
  };
  const when = () => start + random() * (end - start);
  // Each code an order used was won on a wheel and applied; around them, the spins that won nothing or were not used.
  for (const { code, at } of wheelCodes) {
    const spun = at - random() * 3 * DAY;
    event('retain-spin-shown', spun - 60_000);
    event('retain-spin-started', spun);
    event('retain-spin-ended', spun + 4000, { type: code === 'KBSHIPFREE' ? 'shipping' : 'discount', code });
    if (random() < 0.5) event('retain-spin-code-copied', spun + 9000, { code });
    event('retain-spin-code-applied', spun + 12_000, { code });
  }
  for (let i = 0; i < wheelCodes.length; i++) {
    const at = when();
    event('retain-spin-shown', at);
    if (random() < 0.45) {
      event('retain-spin-started', at + 20_000);
      const lucky = random() < 0.5;
      event('retain-spin-ended', at + 24_000, lucky ? { type: 'discount', code: `KB10-UNUSED${i}` } : { type: 'none' });
    }
  }
  for (let i = 0; i < 300; i++) {
    const at = when();
    event('retain-account-shown', at);
    if (random() < 0.22) event('retain-account-request', at + 30_000);
    if (random() < 0.18) event('retain-account-created', at + 32_000);
  }
  for (let i = 0; i < 400; i++) {
    const at = when();
    event('retain-review-seen', at);
    if (random() < 0.08) event('retain-review-voted', at + 15_000);
  }
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const here = dirname(fileURLToPath(import.meta.url));
  const { csv, orders, wheelCodes } = shopifyOrders();
  writeFileSync(join(here, 'shopify-orders.csv'), csv);
  writeFileSync(join(here, 'retain-events.jsonl'), kitEvents({ wheelCodes }));
  console.log(`demo/data/shopify-orders.csv: ${orders} orders, ${(csv.length / 1000).toFixed(0)} KB; demo/data/retain-events.jsonl`);
}
