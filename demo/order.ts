/**
 * The order-confirmation page, `order.html?order=<id>`: the order just placed (or the latest one; a
 * fixed sample order when there is none), and a button that places another demo order with a new number.
 *
 * Before the kit's script runs (this module comes first in the page), every element with
 * `data-order-fill="order-id total currency email name order-codes review-url"` gets those attributes from the
 * order, the way a store's server would render them into the page: `<retain-order data-order-fill="order-id total
 * currency">`.
 */
import { CURRENCY } from './catalog.js';
import { lineItem, sumsMarkup } from './cards.js';
import { date, findOrder, href, placeOrder, priceOf, readOrders, rememberViewed, t, totals, type Order } from './shop.js';

function sampleOrder(): Order {
  const lines = [
    { slug: 'jasmine-silver-needle', grams: 50, qty: 1 },
    { slug: 'earl-grey-cream', grams: 100, qty: 1 },
  ];
  const { subtotal, shipping, total } = totals(lines, 'standard');
  return {
    id: 'KB-SAMPLE',
    placedAt: Date.now(),
    lines: lines.map((l) => ({ ...l, cents: priceOf(l) })),
    subtotal,
    shipping,
    total,
    currency: CURRENCY,
    method: 'standard',
    name: t('checkout.demoName'),
    email: t('checkout.demoEmail'),
  };
}

const asked = new URLSearchParams(location.search).get('order');
const found = asked ? findOrder(asked) : readOrders()[0];
const order = found ?? sampleOrder();

// ---- Attributes for the kit's elements (synchronously, before the kit loads) ----

// Only an order that was placed is recorded: the sample shows the page, and earns no points. So the sample gets
// no <retain-order>, and no total (the account prompt records the order it is given a total for).
if (!found) for (const el of document.querySelectorAll('retain-order')) el.remove();

// A later view of the order (order-first-view.js decided it before the first paint, and the stylesheet left their
// slots out): the once-per-order widgets are not printed, as a store's server would leave them out.
if ('orderReopened' in document.documentElement.dataset) {
  for (const slot of document.querySelectorAll('.slot-account, .slot-offer, .slot-survey')) slot.remove();
}
rememberViewed(order.id);

const fill: Record<string, string> = {
  'order-id': order.id,
  ...(found ? { total: (order.total / 100).toFixed(2) } : {}),
  currency: order.currency,
  email: order.email,
  name: order.name,
  // The code this order used, so that the next-order offer it was ends; the reviews of the order's first tea.
  'order-codes': order.code ?? '',
  'review-url': href('product.html', { item: order.lines[0].slug }) + '#reviews-title',
};
for (const el of document.querySelectorAll('[data-order-fill]')) {
  for (const attribute of (el.getAttribute('data-order-fill') ?? '').split(/\s+/)) {
    if (attribute in fill) el.setAttribute(attribute, fill[attribute]);
  }
}

// ---- The page ----

function bind(name: string, value: string): void {
  for (const el of document.querySelectorAll<HTMLElement>(`[data-bind="${name}"]`)) el.textContent = value;
}

const DAY = 24 * 60 * 60 * 1000;
document.title = t('doc.order', { id: order.id });
document.querySelector<HTMLElement>('[data-sample]')!.hidden = !!found;
bind('thanks', t('order.thanks', { name: order.name }));
bind('sent', t('order.sent', { email: order.email }));
bind('id', order.id);
bind('placed', date(order.placedAt, { dateStyle: 'medium', timeStyle: 'short' }));
bind('eta', date(order.placedAt + (order.method === 'express' ? 1 : 4) * DAY, { weekday: 'long', day: 'numeric', month: 'long' }));
document.querySelector('[data-lines]')!.replaceChildren(...order.lines.map((line) => lineItem(line, false)));
document.querySelector('[data-sums]')!.innerHTML = sumsMarkup(order);

document.querySelector('[data-again]')!.addEventListener('click', () => {
  const next = placeOrder(order.lines, { name: order.name, email: order.email, method: order.method });
  location.assign(href('order.html', { order: next.id }));
});
