/**
 * What a product page says about its product, checked: the attributes of `<retain-product>`, else the page's
 * schema.org Product in JSON-LD (a `Product` at the top, in an array, in `@graph` or as a page's `mainEntity`,
 * its price from its `offers`: an `Offer`, the first of several, or an `AggregateOffer`'s `lowPrice`). Links and
 * images follow the kit's one URL rule (`safeUrl` in core/config.ts, the rule of the reviews' photos): https:, or
 * http: on this origin or localhost; a bad one is dropped with one warning.
 */
import { checkNumber, isCurrencyCode, parseCurrency, parseUrl, safeUrl, warnBadValue, warnInvalid } from '../core/config.js';

/** A product as the strip shows it. Only what the store publishes about it: nothing about the shopper. */
export interface Product {
  /** The store's id (a SKU, a handle). */
  id: string;
  name: string;
  /** The product's page, absolute, without a fragment. */
  url: string;
  image?: string;
  /** In major units (`18.5`). */
  price?: number;
  /** ISO 4217, upper case; given with `price`. */
  currency?: string;
}

const DEFAULT_CURRENCY = 'USD';
/** Longer texts are cut: a name is shown on a card, an id only compared. */
const MAX_TEXT = 200;

/** Text on one line, cut to `max`; anything but a string or a number gives ''. */
export function cleanText(raw: unknown, max = MAX_TEXT): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') return '';
  return String(raw).replace(/\s+/g, ' ').trim().slice(0, max);
}

/** `url` without its fragment (a `#reviews` link is the same product page). */
export function withoutHash(url: string): string {
  const parsed = new URL(url);
  parsed.hash = '';
  return parsed.href;
}

/** The page's own address: where a product declared without a `url` lives. */
export const pageUrl = (): string => withoutHash(location.href);

/** A price: a number or a decimal text, ≥ 0; anything else gives what is wrong with it. */
function readPrice(raw: unknown): number | string {
  return typeof raw === 'number' || typeof raw === 'string' ? checkNumber(String(raw), { min: 0 }) : 'is not a number';
}

/** `<retain-product id name url image price currency>`, each bad value warned about once; null without an id or a name. */
export function productFromAttributes(el: Element): Product | null {
  const attr = (name: string) => el.getAttribute(name);
  const id = cleanText(attr('id'));
  const name = cleanText(attr('name'));
  for (const [field, value] of [
    ['id', id],
    ['name', name],
  ] as const) {
    if (!value) {
      warnInvalid(el, field, attr(field) ?? '', 'is missing', 'this product is not recorded');
      return null;
    }
  }
  const product: Product = { id, name, url: withoutHash(parseUrl(el, 'url', attr('url'), pageUrl())!) };
  const image = parseUrl(el, 'image', attr('image'));
  if (image) product.image = image;
  const rawPrice = attr('price');
  if (rawPrice?.trim()) {
    const price = readPrice(rawPrice);
    if (typeof price === 'number') {
      product.price = price;
      product.currency = parseCurrency(el, 'currency', attr('currency'), DEFAULT_CURRENCY);
    } else warnBadValue(el, 'price', rawPrice, null, price);
  }
  return product;
}

type Node = Record<string, unknown>;
const isNode = (value: unknown): value is Node => !!value && typeof value === 'object' && !Array.isArray(value);
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);
/** `Product`, `schema:Product`, `https://schema.org/Product`, alone or among several types. */
const isProduct = (node: Node) => [node['@type']].flat().some((type) => typeof type === 'string' && /(^|[/:])Product$/.test(type));

function findProduct(json: unknown, depth = 0): Node | undefined {
  if (depth > 4) return undefined;
  for (const node of [json].flat()) {
    if (!isNode(node)) continue;
    if (isProduct(node)) return node;
    const inner = findProduct(node['@graph'], depth + 1) ?? findProduct(node.mainEntity, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

/** A URL of JSON-LD: checked, a bad one warned about once (on its script) and dropped. */
function jsonLdUrl(script: Element, field: string, raw: unknown, consequence: string): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  const safe = safeUrl(raw);
  if (safe === null) warnInvalid(script, `Product ${field}`, raw, 'is not an https: or relative URL', consequence);
  return safe ?? undefined;
}

function fromNode(script: Element, node: Node): Product | null {
  const offer = first(node.offers);
  const offerNode = isNode(offer) ? offer : {};
  const url = jsonLdUrl(script, 'url', node.url ?? offerNode.url, 'the page’s own address is used instead');
  const id = cleanText(node.sku) || cleanText(node.productID) || cleanText(node['@id']) || url || pageUrl();
  const name = cleanText(node.name);
  if (!name) return null;
  const product: Product = { id, name, url: withoutHash(url ?? pageUrl()) };
  const picture = first(node.image);
  const image = jsonLdUrl(
    script,
    'image',
    isNode(picture) ? (picture.url ?? picture.contentUrl) : picture,
    'the product is shown without it',
  );
  if (image) product.image = image;
  const price = readPrice(offerNode.price ?? offerNode.lowPrice);
  if (typeof price === 'number' && isCurrencyCode(offerNode.priceCurrency)) {
    product.price = price;
    product.currency = offerNode.priceCurrency.trim().toUpperCase();
  }
  return product;
}

/** The page's schema.org Product from its JSON-LD (the review showcase's own script left out), or null. */
export function productFromJsonLd(doc: Document): Product | null {
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]:not([data-retain-review-showcase])')) {
    let json: unknown;
    try {
      json = JSON.parse(script.textContent ?? '');
    } catch {
      // The store's JSON-LD for search engines, not the kit's configuration: another script may hold the product.
      continue;
    }
    const node = findProduct(json);
    if (node) return fromNode(script, node);
  }
  return null;
}

/**
 * The product of this page: a `<retain-product>`'s attributes (JSON-LD when it has no `id`), else the JSON-LD.
 * `declared` is that element: it records the view itself.
 */
export function pageProduct(doc: Document): { product: Product | null; declared: Element | null } {
  const declared = doc.querySelector('retain-product');
  const product = declared?.hasAttribute('id') ? productFromAttributes(declared) : productFromJsonLd(doc);
  return { product, declared };
}
