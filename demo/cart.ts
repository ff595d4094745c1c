/**
 * The cart page: the lines with quantity controls, the summary, and a one-step checkout that places a
 * demo order (a new order number each time) and opens its confirmation page.
 */
import { FREE_SHIPPING_FROM, SHIPPING, productBySlug, type ShippingMethod } from './catalog.js';
import { lineItem, sumsMarkup } from './cards.js';
import {
  announce,
  clearCart,
  escapeHtml,
  href,
  money,
  onCartChange,
  placeOrder,
  readCart,
  setQuantity,
  t,
  textOf,
  totals,
  weight,
} from './shop.js';

const $ = <E extends Element = HTMLElement>(selector: string) => document.querySelector<E>(selector)!;
const title = $<HTMLHeadingElement>('.page-title');
const empty = $('[data-empty]');
const filled = $('[data-filled]');
const list = $<HTMLUListElement>('[data-lines]');
const sums = $('[data-sums]');
const meter = $('[data-free-meter]');
const form = $<HTMLFormElement>('[data-checkout]');

title.tabIndex = -1;

function method(): ShippingMethod {
  return new FormData(form).get('method') === 'express' ? 'express' : 'standard';
}

function render(): void {
  const lines = readCart();
  // Re-rendering replaces the controls: note which one had focus, to put it back.
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  const focusKey = active?.closest<HTMLElement>('[data-key]')?.dataset.key;
  const focusRole = active?.dataset.role;
  const focusIndex = focusKey ? [...list.children].findIndex((li) => (li as HTMLElement).dataset.key === focusKey) : -1;

  empty.hidden = lines.length > 0;
  filled.hidden = lines.length === 0;
  list.replaceChildren(...lines.map((line) => lineItem(line, true)));

  const sum = totals(lines, method());
  sums.innerHTML = sumsMarkup(sum);
  const standard = totals(lines, 'standard');
  const left = FREE_SHIPPING_FROM - standard.subtotal;
  const share = Math.min(100, Math.round((standard.subtotal / FREE_SHIPPING_FROM) * 100));
  meter.innerHTML = `${escapeHtml(left > 0 ? t('cart.toFree', { amount: money(left) }) : t('cart.freeReached'))}<div class="bar" aria-hidden="true"><span style="width:${share}%"></span></div>`;
  $('[data-method-price="standard"]').textContent = standard.shipping === 0 ? t('cart.free') : money(SHIPPING.standard);
  $('[data-method-price="express"]').textContent = money(SHIPPING.express);

  if (focusKey && focusRole) {
    const same = list.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"] [data-role="${focusRole}"]`);
    const usable =
      same && !(same as HTMLButtonElement).disabled
        ? same
        : list.querySelector<HTMLElement>(`[data-key="${CSS.escape(focusKey)}"] [data-role="qty"]`);
    // The line is gone (removed): the next line's remove button, else the page title.
    const next = list.children[Math.min(focusIndex, list.children.length - 1)]?.querySelector<HTMLElement>('[data-role="remove"]');
    (usable ?? next ?? title).focus();
  }
}

list.addEventListener('click', (event) => {
  const button = (event.target as Element).closest<HTMLButtonElement>('button[data-role]');
  const key = button?.closest<HTMLElement>('[data-key]')?.dataset.key;
  if (!button || !key) return;
  const [slug, grams] = [key.split('|')[0], Number(key.split('|')[1])];
  const line = readCart().find((l) => l.slug === slug && l.grams === grams);
  if (!line) return;
  if (button.dataset.role === 'minus') setQuantity(slug, grams, line.qty - 1);
  if (button.dataset.role === 'plus') setQuantity(slug, grams, line.qty + 1);
  if (button.dataset.role === 'remove') {
    setQuantity(slug, grams, 0);
    announce(t('cart.removed', { name: textOf(productBySlug(slug)!).name, weight: weight(grams) }));
  }
});

list.addEventListener('change', (event) => {
  const input = event.target as HTMLInputElement;
  const key = input.closest<HTMLElement>('[data-key]')?.dataset.key;
  if (input.dataset.role !== 'qty' || !key) return;
  const n = Math.round(Number(input.value));
  const [slug, grams] = [key.split('|')[0], Number(key.split('|')[1])];
  // An empty or nonsense entry keeps the line (removing is the Remove button's job).
  setQuantity(slug, grams, Number.isFinite(n) && n >= 1 ? n : 1);
});

// ---- Checkout ----

const email = $<HTMLInputElement>('#email');
const name = $<HTMLInputElement>('#name');

function check(input: HTMLInputElement, ok: boolean, message: string): boolean {
  input.setAttribute('aria-invalid', String(!ok));
  $(`#${input.id}-error`).textContent = ok ? '' : message;
  return ok;
}

form.addEventListener('change', (event) => {
  if ((event.target as HTMLInputElement).name === 'method') render();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  email.value = email.value.trim();
  name.value = name.value.trim();
  const emailOk = check(email, email.value !== '' && email.validity.valid, t('checkout.errEmail'));
  const nameOk = check(name, name.value !== '', t('checkout.errName'));
  if (!emailOk || !nameOk) {
    (emailOk ? name : email).focus();
    return;
  }
  const lines = readCart();
  if (lines.length === 0) return;
  const order = placeOrder(lines, { name: name.value, email: email.value, method: method() });
  clearCart();
  location.assign(href('order.html', { order: order.id }));
});

$('[data-fill]').addEventListener('click', () => {
  email.value = t('checkout.demoEmail');
  name.value = t('checkout.demoName');
  check(email, true, '');
  check(name, true, '');
});

onCartChange(render);
render();
