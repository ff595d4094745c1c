/**
 * The cart page: the lines with quantity controls, the summary with a discount code (typed, or brought by a
 * spin wheel's "apply" link as `?discount=CODE`), and a one-step checkout that places a demo order (a new
 * order number each time) and opens its confirmation page.
 */
import { FREE_SHIPPING_FROM, SHIPPING, productBySlug, type ShippingMethod } from './catalog.js';
import { lineItem, sumsMarkup } from './cards.js';
import type { Discount } from './discounts.js';
import {
  announce,
  applyDiscount,
  clearCart,
  escapeHtml,
  href,
  money,
  onCartChange,
  placeOrder,
  readCart,
  readDiscount,
  removeDiscount,
  setQuantity,
  t,
  textOf,
  totals,
  unit,
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
const codeForm = $<HTMLFormElement>('[data-discount-form]');
const codeInput = $<HTMLInputElement>('#discount-code');
const codeApplied = $('[data-discount-applied]');
const codeRemove = $<HTMLButtonElement>('[data-discount-remove]');
const emptyCode = $('[data-empty-code]');

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

  const discount = readDiscount();
  showDiscount(discount);
  const sum = totals(lines, method(), discount);
  sums.innerHTML = sumsMarkup(sum);
  const standard = totals(lines, 'standard', discount);
  // A free-shipping code reaches the meter's goal at once.
  const left = standard.shipping === 0 ? 0 : FREE_SHIPPING_FROM - standard.subtotal;
  const share = left <= 0 ? 100 : Math.min(100, Math.round((standard.subtotal / FREE_SHIPPING_FROM) * 100));
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

// ---- Discount code ----

/** What a code gives, in words: "10% off your tea". */
function offerText(discount: Discount): string {
  if (discount.kind === 'percent' && discount.minimum) {
    return t('discount.percentMin', { percent: unit(discount.percent, 'percent'), amount: money(discount.minimum) });
  }
  if (discount.kind === 'percent') return t('discount.percent', { percent: unit(discount.percent, 'percent') });
  return t(discount.kind === 'shipping' ? 'discount.shipping' : 'discount.gift');
}

/** One code at a time: the field while there is none, else the code, what it gives and its Remove button. */
function showDiscount(discount: Discount | null): void {
  codeForm.hidden = !!discount;
  codeApplied.hidden = !discount;
  emptyCode.hidden = !discount;
  if (!discount) return;
  $('[data-discount-code]').textContent = discount.code;
  $('[data-discount-offer]').textContent = offerText(discount);
  codeRemove.setAttribute('aria-label', t('discount.removeNamed', { code: discount.code }));
  // The empty cart keeps the code for later, and says so.
  emptyCode.textContent = t('discount.saved', { code: discount.code, offer: offerText(discount) });
}

/** Marks the field wrong and says why: moving focus to it reads the error, and when it has focus already, the status does. */
function rejectCode(message: string): void {
  check(codeInput, false, message);
  if (document.activeElement === codeInput) announce(message);
  else codeInput.focus();
}

codeForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const typed = codeInput.value.trim();
  if (!typed) return rejectCode(t('discount.errEmpty'));
  const discount = applyDiscount(typed);
  if (!discount) return rejectCode(t('discount.errUnknown'));
  check(codeInput, true, '');
  codeInput.value = '';
  // The field is hidden now: focus goes to the Remove button, which names the code.
  codeRemove.focus();
  announce(t('discount.applied', { code: discount.code, offer: offerText(discount) }));
});

codeRemove.addEventListener('click', () => {
  const discount = readDiscount();
  removeDiscount();
  codeInput.focus();
  if (discount) announce(t('discount.removed', { code: discount.code }));
});

/**
 * A spin wheel's "apply" link, `cart.html?discount=CODE`: the code is applied (kept for later on an empty cart),
 * then taken out of the address, so that a reload or a shared link does not apply or announce it again.
 */
function codeFromAddress(): void {
  const url = new URL(location.href);
  const asked = url.searchParams.get('discount');
  if (asked === null) return;
  url.searchParams.delete('discount');
  history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  const discount = applyDiscount(asked);
  if (discount) {
    check(codeInput, true, '');
    announce(t(readCart().length ? 'discount.applied' : 'discount.saved', { code: discount.code, offer: offerText(discount) }));
  } else if (asked.trim()) {
    // Shown in the field to be corrected (only as its value, never as markup), and said once.
    codeInput.value = asked.trim().slice(0, 40);
    check(codeInput, false, t('discount.errUnknown'));
    announce(t('discount.errUnknown'));
  }
}

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
  const order = placeOrder(lines, { name: name.value, email: email.value, method: method() }, readDiscount());
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
codeFromAddress();
