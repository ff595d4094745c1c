/** Product cards and order lines, shared by the pages. */
import { tinArt } from './art.js';
import { productBySlug, type Product } from './catalog.js';
import { parseDiscount } from './discounts.js';
import { MAX_QTY, escapeHtml, href, money, priceOf, t, textOf, weight, type CartLine, type Totals } from './shop.js';

/** A product card (home grid, "you may also like"): picture, name, notes, price and a quick add. */
export function productCard(product: Product, heading: 'h2' | 'h3'): HTMLLIElement {
  const text = textOf(product);
  const size = product.sizes[0];
  const titleId = `card-${product.slug}`;
  const link = escapeHtml(href('product.html', { item: product.slug }));
  const card = document.createElement('li');
  card.className = 'card';
  card.style.setProperty('--tint', product.look.body);
  card.innerHTML = `
    <a class="card-art" href="${link}" tabindex="-1" aria-hidden="true">${tinArt(product)}</a>
    <div class="card-body">
      <p class="card-kind">${escapeHtml(text.kind)}</p>
      <${heading} class="card-title" id="${titleId}"><a href="${link}">${escapeHtml(text.name)}</a></${heading}>
      <p class="card-notes">${text.notes.map(escapeHtml).join(' · ')}</p>
      <div class="card-foot">
        <p class="price">${money(size.cents)} <span class="per">/ ${weight(size.grams)}</span></p>
        <button type="button" class="btn btn-small" data-add="${product.slug}" data-grams="${size.grams}" aria-describedby="${titleId}">${escapeHtml(t('add'))}</button>
      </div>
    </div>`;
  return card;
}

/**
 * A cart or order line: picture, name, size and unit price, then either quantity controls (`editable`,
 * the cart) or the quantity bought (an order). Controls carry `data-role` so the cart can restore focus.
 */
export function lineItem(line: CartLine, editable: boolean): HTMLLIElement {
  const product = productBySlug(line.slug)!;
  const text = textOf(product);
  const cents = priceOf(line);
  const size = weight(line.grams);
  const named = { name: text.name, weight: size };
  const item = document.createElement('li');
  item.className = 'line';
  item.dataset.key = `${line.slug}|${line.grams}`;
  item.style.setProperty('--tint', product.look.body);
  const controls = editable
    ? `<div class="line-qty">
        <div class="stepper">
          <button type="button" data-role="minus" aria-label="${escapeHtml(`${t('product.decrease')}: ${text.name}, ${size}`)}"${line.qty <= 1 ? ' disabled' : ''}>−</button>
          <input type="number" inputmode="numeric" min="1" max="${MAX_QTY}" value="${line.qty}" data-role="qty" aria-label="${escapeHtml(t('cart.qtyNamed', named))}" />
          <button type="button" data-role="plus" aria-label="${escapeHtml(`${t('product.increase')}: ${text.name}, ${size}`)}"${line.qty >= MAX_QTY ? ' disabled' : ''}>+</button>
        </div>
        <button type="button" class="btn-link" data-role="remove" aria-label="${escapeHtml(t('cart.removeNamed', named))}">${escapeHtml(t('cart.remove'))}</button>
      </div>`
    : '';
  const facts = editable
    ? `${escapeHtml(size)} · ${escapeHtml(money(cents))}`
    : `${escapeHtml(size)} · ${escapeHtml(money(cents))} × ${line.qty}`;
  item.innerHTML = `
    <div class="line-art">${tinArt(product)}</div>
    <div class="line-info">
      <h3><a href="${escapeHtml(href('product.html', { item: product.slug }))}">${escapeHtml(text.name)}</a></h3>
      <p>${facts}</p>
    </div>
    ${controls}
    <p class="line-total">${escapeHtml(money(cents * line.qty))}</p>`;
  return item;
}

/**
 * Subtotal, discount, shipping, the sample tin and the total as `<dt>/<dd>` pairs for a `<dl class="sums">`: the
 * cart's totals or a placed order (whose `discount` and `code` are absent when it had no code).
 */
export function sumsMarkup(sums: Pick<Totals, 'subtotal' | 'shipping' | 'total'> & { discount?: number; code?: string | null }): string {
  const row = (label: string, value: string, cls = '') =>
    `<dt class="${cls}">${escapeHtml(label)}</dt><dd class="${cls}">${escapeHtml(value)}</dd>`;
  const offer = sums.code ? parseDiscount(sums.code) : null;
  const discount = sums.discount ?? 0;
  // Free shipping names a shipping code; express, which the code leaves at its price, keeps the plain label.
  const shippingLabel =
    offer?.kind === 'shipping' && sums.shipping === 0 ? t('cart.shippingCode', { code: offer.code }) : t('cart.shipping');
  return (
    row(t('cart.subtotal'), money(sums.subtotal)) +
    (offer && discount > 0 ? row(t('cart.discount', { code: offer.code }), money(-discount), 'sum-discount') : '') +
    row(shippingLabel, sums.shipping === 0 ? t('cart.free') : money(sums.shipping)) +
    (offer?.kind === 'gift' ? row(t('cart.gift', { code: offer.code }), money(0), 'sum-gift') : '') +
    row(t('cart.total'), money(sums.total), 'sum-total')
  );
}
