/**
 * What every page of the demo store shares: the language (`?lang=ru|uk|hu|en` sets `<html lang>` and the
 * shop's texts, and internal links keep it), prices and units through `Intl`, the cart and its discount code in
 * localStorage, placed orders, the header's cart count and a polite status message.
 *
 * Each page's module imports this first, and each page loads it before the kit's script tag, so
 * `<html lang>` is set before any widget renders.
 */
import {
  CURRENCY,
  FREE_SHIPPING_FROM,
  SHIPPING,
  productBySlug,
  sizeOf,
  type Product,
  type ProductText,
  type ShippingMethod,
} from './catalog.js';
import { discountEffect, meetsMinimum, parseDiscount, type Discount } from './discounts.js';
import { texts, type Plural, type TextKey } from './texts.js';

export const LANGS = ['en', 'ru', 'uk', 'hu'] as const;
export type Lang = (typeof LANGS)[number];

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

const asked = new URLSearchParams(location.search).get('lang')?.trim().toLowerCase();
/** Internal links carry `?lang=` only when the shopper chose a language. */
const carryLang = isLang(asked);
/** The page's language: `?lang=`, else the page's own `<html lang>`, else English. */
export const lang: Lang = carryLang ? (asked as Lang) : isLang(document.documentElement.lang) ? document.documentElement.lang : 'en';
document.documentElement.lang = lang;

// ---- Texts and formats ----------------------------------------------------------------------------

const pluralRules = new Intl.PluralRules(lang);
const moneyFormat = new Intl.NumberFormat(lang, { style: 'currency', currency: CURRENCY });

/** Values every text may use: `{amount}` is the free-shipping threshold. */
const commonVars = (): Record<string, string | number> => ({ amount: money(FREE_SHIPPING_FROM) });

/** The shop's text for `key` in the page's language, with `{name}` placeholders filled (`n` picks a plural). */
export function t(key: TextKey, vars: Record<string, string | number> = {}): string {
  const text = texts[lang][key] ?? texts.en[key];
  const all = { ...commonVars(), ...vars };
  const chosen = typeof text === 'string' ? text : pluralForm(text, Number(all.n ?? 0));
  return chosen.replace(/\{(\w+)\}/g, (whole, name: string) => (name in all ? String(all[name]) : whole));
}

function pluralForm(forms: Plural, n: number): string {
  return forms[pluralRules.select(n)] ?? forms.other;
}

export function money(cents: number): string {
  return moneyFormat.format(cents / 100);
}

export function unit(value: number, unitName: string): string {
  return new Intl.NumberFormat(lang, { style: 'unit', unit: unitName }).format(value);
}

export function weight(grams: number): string {
  return unit(grams, 'gram');
}

export function date(value: number | Date, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(lang, options).format(value);
}

/** Text made safe for markup (the demo builds some HTML from its own catalogue and texts). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A product's texts in the page's language. */
export function textOf(product: Product): ProductText {
  return product.text[lang];
}

/** Fills `[data-t]` texts and `[data-t-label]` accessible names under `root` (the static HTML is English). */
export function localize(root: ParentNode = document): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-t]')) el.textContent = t(el.dataset.t as TextKey);
  for (const el of root.querySelectorAll<HTMLElement>('[data-t-label]')) el.setAttribute('aria-label', t(el.dataset.tLabel as TextKey));
}

// ---- Links ----------------------------------------------------------------------------------------

const base = new URL('./', location.href).pathname;

/** An internal URL (relative to the demo's folder) that keeps the chosen language. */
export function href(path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, location.href);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  if (carryLang) url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

/** `raw` with the chosen language added, when it is a link into the demo; else null (leave it as it is). */
function withLang(raw: string): string | null {
  if (raw.startsWith('#')) return null;
  const url = new URL(raw, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith(base)) return null;
  url.searchParams.set('lang', lang);
  return url.pathname + url.search + url.hash;
}

/** Stands for a link template's `{code}` while the URL is rewritten (`URL` would escape the braces). */
const CODE_SLOT = 'CODE-SLOT-7Q';

/**
 * Adds `?lang=` to the internal links under `root` (not to the language switcher's own links), to the kit's
 * "apply" link templates (`apply-url="./cart.html?discount={code}"` of the spin wheels and the next-order offer)
 * and to the survey's links, so that they open in the shopper's language. Runs before the kit's script: each
 * widget reads its links already rewritten.
 */
export function keepLang(root: ParentNode = document): void {
  if (!carryLang) return;
  for (const a of root.querySelectorAll<HTMLAnchorElement>('a[href]:not([hreflang])')) {
    const rewritten = withLang(a.getAttribute('href') ?? '');
    if (rewritten) a.setAttribute('href', rewritten);
  }
  for (const attribute of ['apply-url', 'review-url', 'support-url']) {
    for (const widget of root.querySelectorAll(`[${attribute}]`)) {
      const template = widget.getAttribute(attribute) ?? '';
      const rewritten = withLang(template.replaceAll('{code}', CODE_SLOT));
      if (rewritten) widget.setAttribute(attribute, rewritten.replaceAll(CODE_SLOT, '{code}'));
    }
  }
}

/** The language switcher: each link is this very page (same item or order) in that language. */
function languageLinks(): void {
  for (const a of document.querySelectorAll<HTMLAnchorElement>('a[hreflang]')) {
    const url = new URL(location.href);
    url.searchParams.set('lang', a.hreflang);
    a.setAttribute('href', url.pathname + url.search);
    if (a.hreflang === lang) a.setAttribute('aria-current', 'true');
    else a.removeAttribute('aria-current');
  }
}

// ---- Storage that never breaks the page ----------------------------------------------------------

const memory = new Map<string, string>();

function load<T>(key: string, fallback: T): T {
  try {
    const raw = localStorage.getItem(key) ?? memory.get(key);
    return raw ? (JSON.parse(raw) as T) : fallback;
  } catch {
    return fallback;
  }
}

function save(key: string, value: unknown): void {
  const raw = JSON.stringify(value);
  memory.set(key, raw);
  try {
    localStorage.setItem(key, raw);
  } catch {
    // Private mode or a full quota: the page keeps working from memory.
  }
}

// ---- Cart -----------------------------------------------------------------------------------------

export interface CartLine {
  slug: string;
  grams: number;
  qty: number;
}

export const CART_KEY = 'kettlebloom:cart';
export const MAX_QTY = 20;

/** The cart's lines, keeping only those the catalogue knows. */
export function readCart(): CartLine[] {
  const lines = load<unknown>(CART_KEY, []);
  if (!Array.isArray(lines)) return [];
  return lines.filter((line): line is CartLine => {
    const product = productBySlug(line?.slug);
    return !!product && !!sizeOf(product, line.grams) && Number.isInteger(line.qty) && line.qty > 0;
  });
}

function writeCart(lines: CartLine[]): void {
  save(CART_KEY, lines);
  cartChanged();
}

/** What an "add to cart" did: how many it added (fewer than asked at the `MAX_QTY` limit) and how many are in the cart now. */
export interface Added {
  added: number;
  inCart: number;
}

export function addToCart(slug: string, grams: number, qty = 1): Added {
  const lines = readCart();
  let line = lines.find((l) => l.slug === slug && l.grams === grams);
  const before = line?.qty ?? 0;
  if (!line) lines.push((line = { slug, grams, qty: 0 }));
  line.qty = Math.min(MAX_QTY, before + qty);
  writeCart(lines);
  return { added: line.qty - before, inCart: line.qty };
}

/** Sets a line's quantity; 0 removes it. */
export function setQuantity(slug: string, grams: number, qty: number): void {
  const lines = readCart();
  const line = lines.find((l) => l.slug === slug && l.grams === grams);
  if (!line) return;
  line.qty = Math.max(0, Math.min(MAX_QTY, Math.round(qty)));
  writeCart(lines.filter((l) => l.qty > 0));
}

export function clearCart(): void {
  writeCart([]);
}

export interface Totals {
  count: number;
  subtotal: number;
  /** Cents off the items from the discount code (0 without one). */
  discount: number;
  shipping: number;
  total: number;
  /**
   * The discount code in force, or null (none; an empty cart, which keeps its code for later; or items below the
   * code's minimum).
   */
  code: string | null;
}

export function priceOf(line: CartLine): number {
  const product = productBySlug(line.slug);
  return (product && sizeOf(product, line.grams)?.cents) ?? 0;
}

/**
 * The cart's sums. Free standard shipping is reached on the items' subtotal before the discount, so that the
 * cart's "add … more for free shipping" meter and the shipping charged agree whatever code is applied.
 */
export function totals(lines: CartLine[], method: ShippingMethod = 'standard', discount?: Discount | null): Totals {
  const count = lines.reduce((sum, l) => sum + l.qty, 0);
  const subtotal = lines.reduce((sum, l) => sum + priceOf(l) * l.qty, 0);
  const applied = count > 0 ? (discount ?? null) : null;
  const effect = discountEffect(applied, subtotal);
  const freeStandard = subtotal >= FREE_SHIPPING_FROM || effect.freeStandardShipping;
  const shipping = count === 0 ? 0 : method === 'standard' && freeStandard ? 0 : SHIPPING[method];
  const code = applied && meetsMinimum(applied, subtotal) ? applied.code : null;
  return { count, subtotal, discount: effect.cents, shipping, total: subtotal - effect.cents + shipping, code };
}

// ---- Discount code ----------------------------------------------------------------------------------

export const DISCOUNT_KEY = 'kettlebloom:discount';

/** The code applied to the cart, checked again on every read (localStorage is the shopper's to edit). */
export function readDiscount(): Discount | null {
  const code = load<unknown>(DISCOUNT_KEY, null);
  return typeof code === 'string' ? parseDiscount(code) : null;
}

/** Applies a code the shopper typed or followed a link with: its offer, or null (and nothing kept) when it is not the shop's. */
export function applyDiscount(input: string): Discount | null {
  const discount = parseDiscount(input);
  if (discount) {
    save(DISCOUNT_KEY, discount.code);
    cartChanged();
  }
  return discount;
}

export function removeDiscount(): void {
  save(DISCOUNT_KEY, null);
  cartChanged();
}

/** Runs `listener` whenever the cart changes, here or in another tab. */
export function onCartChange(listener: () => void): void {
  addEventListener('shop:cart', listener);
}

function cartChanged(): void {
  dispatchEvent(new Event('shop:cart'));
}

addEventListener('storage', (event) => {
  if (event.key === CART_KEY || event.key === DISCOUNT_KEY || event.key === null) cartChanged();
});

function showCartCount(): void {
  const { count } = totals(readCart());
  for (const el of document.querySelectorAll<HTMLElement>('[data-cart-count]')) {
    el.textContent = String(count);
    el.hidden = count === 0;
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-cart-items]')) el.textContent = `, ${t('cart.items', { n: count })}`;
}

// ---- Orders ---------------------------------------------------------------------------------------

export interface OrderLine extends CartLine {
  cents: number;
}

export interface Order {
  id: string;
  placedAt: number;
  lines: OrderLine[];
  subtotal: number;
  /** Cents off from `code`. Both absent on orders without a code (and on those placed before codes existed). */
  discount?: number;
  code?: string;
  shipping: number;
  /** What the shopper paid: subtotal − discount + shipping. */
  total: number;
  currency: string;
  method: ShippingMethod;
  name: string;
  email: string;
}

const ORDERS_KEY = 'kettlebloom:orders';
const ORDERS_KEPT = 20;
/** How many orders were ever placed here (the list above keeps only the latest). */
const ORDER_COUNT_KEY = 'kettlebloom:order-count';

/** A fresh order number, such as `KB-7F3QAX` (no 0/O or 1/I to misread). */
export function newOrderId(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return `KB-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`;
}

export function readOrders(): Order[] {
  const orders = load<unknown>(ORDERS_KEY, []);
  return Array.isArray(orders) ? (orders as Order[]) : [];
}

/** The number of orders placed on this device: the shop's own count, for the loyalty punch card. */
export function orderCount(): number {
  const counted = load<unknown>(ORDER_COUNT_KEY, 0);
  // Orders placed before the count was kept are in the list.
  return Math.max(Number.isInteger(counted) ? (counted as number) : 0, readOrders().length);
}

/** The orders whose page was viewed on this device, newest first (read before the first paint by order-first-view.js). */
const VIEWED_KEY = 'kettlebloom:orders-viewed';

/** Remembers that the order's page was viewed: a later view leaves out the kit's once-per-order widgets. */
export function rememberViewed(orderId: string): void {
  const viewed = load<unknown>(VIEWED_KEY, []);
  const ids = Array.isArray(viewed) ? viewed.filter((id): id is string => typeof id === 'string' && id !== orderId) : [];
  save(VIEWED_KEY, [orderId, ...ids].slice(0, ORDERS_KEPT));
}

export function findOrder(id: string | null): Order | undefined {
  return id ? readOrders().find((o) => o.id === id) : undefined;
}

/**
 * Places an order from cart lines (the demo's stand-in for the store's checkout) and keeps it. With a
 * `discount` (the cart's code), the order records the code and what it took off, and the cart's code is
 * cleared: a won code is good for one order.
 */
export function placeOrder(
  lines: CartLine[],
  customer: { name: string; email: string; method: ShippingMethod },
  discount: Discount | null = null,
): Order {
  const sums = totals(lines, customer.method, discount);
  const order: Order = {
    id: newOrderId(),
    placedAt: Date.now(),
    lines: lines.map((l) => ({ ...l, cents: priceOf(l) })),
    subtotal: sums.subtotal,
    ...(sums.code ? { code: sums.code, discount: sums.discount } : {}),
    shipping: sums.shipping,
    total: sums.total,
    currency: CURRENCY,
    ...customer,
  };
  save(ORDER_COUNT_KEY, orderCount() + 1);
  save(ORDERS_KEY, [order, ...readOrders()].slice(0, ORDERS_KEPT));
  if (discount) removeDiscount();
  return order;
}

// ---- Status messages ------------------------------------------------------------------------------

let toast: HTMLElement | undefined;
let toastTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows and politely announces a short message (e.g. "added to your cart"). */
export function announce(message: string): void {
  if (!toast) return;
  toast.textContent = message;
  toast.classList.add('is-shown');
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => toast?.classList.remove('is-shown'), 4000);
}

/**
 * Adds `qty` of a product's size to the cart and says what happened: what was added and how many are in the cart
 * now ("Added 1 × Lapsang Souchong, 50 g; 2 in your cart."), or that the line is already at the limit.
 */
export function addAndAnnounce(product: Product, grams: number, qty = 1): void {
  const { added, inCart } = addToCart(product.slug, grams, qty);
  const what = { name: textOf(product).name, weight: weight(grams), inCart };
  announce(added > 0 ? t('added', { ...what, n: added }) : t('addedNone', what));
}

/** `<button data-add="slug" data-grams="50">`: adds one of that size, anywhere on any page. */
function quickAdd(event: Event): void {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-add]');
  const product = productBySlug(button?.dataset.add);
  if (!button || !product) return;
  addAndAnnounce(product, Number(button.dataset.grams) || product.sizes[0].grams);
}

// ---- Start ----------------------------------------------------------------------------------------

function start(): void {
  localize();
  keepLang();
  languageLinks();
  toast = document.createElement('div');
  toast.className = 'toast';
  toast.setAttribute('role', 'status');
  document.body.append(toast);
  showCartCount();
  onCartChange(showCartCount);
  document.addEventListener('click', quickAdd);
}

start();
