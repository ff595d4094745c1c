// The order the bench's order page confirms (bundled by esbuild, the page's first module script): one order
// placed just now on this device, kept where the demo's checkout keeps it (demo/shop.ts), so that the page's
// own script (demo/order.ts) renders its summary and fills the widgets' attributes from it, as a store's
// server renders a real order, instead of the sample it shows when no order was placed.
import { CURRENCY, FREE_SHIPPING_FROM, SHIPPING, productBySlug, sizeOf } from '../../../demo/catalog.js';

const ORDERS_KEY = 'kettlebloom:orders';

const lines = [
  { slug: 'jasmine-silver-needle', grams: 50, qty: 1 },
  { slug: 'earl-grey-cream', grams: 100, qty: 1 },
].map((line) => {
  const product = productBySlug(line.slug);
  const cents = product ? sizeOf(product, line.grams)?.cents : undefined;
  if (cents === undefined) throw new Error(`bench order: demo/catalog.ts has no ${line.slug} of ${line.grams} g`);
  return { ...line, cents };
});
const subtotal = lines.reduce((sum, line) => sum + line.cents * line.qty, 0);
const shipping = subtotal >= FREE_SHIPPING_FROM ? 0 : SHIPPING.standard;

localStorage.setItem(
  ORDERS_KEY,
  JSON.stringify([
    {
      id: 'KB-BENCH1',
      placedAt: Date.now(),
      lines,
      subtotal,
      shipping,
      total: subtotal + shipping,
      currency: CURRENCY,
      method: 'standard',
      name: 'Anna',
      email: 'anna@example.com',
    },
  ]),
);
