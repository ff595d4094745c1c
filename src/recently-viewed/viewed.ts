/**
 * The shopper's recently viewed products on this device: one row of the kit's `state` store
 * (`recently-viewed/views`), most recent first, one entry per product id. A row rather than an object store of
 * its own: a view is recorded, trimmed and cleared in one transaction over one key (atomic across tabs), and the
 * database needs no new version. The consent layer (core/device-consent.ts) keeps the row in memory for the
 * page under `pending` and `denied`. Loaded after a widget's first frame, with the storage code.
 */
import { broadcast } from '../core/broadcast.js';
import { LONGEST_DURATION, isCurrencyCode, safeUrl } from '../core/config.js';
import { storage } from '../core/storage.js';
import { cleanText, type Product } from './product-data.js';

export const VIEWS_KEY = 'recently-viewed/views';
/** Told to the other tabs when the list changed (a view recorded, the list cleared). */
export const TOPIC = 'recently-viewed';
/** The most products this device keeps, whatever a strip shows (its `max` goes up to this). */
export const MOST_KEPT = 50;

export interface ViewedProduct extends Product {
  /** When the shopper last viewed it (ms since the epoch). */
  viewedAt: number;
}

interface ViewsRow {
  products: ViewedProduct[];
}

/**
 * The stored products that are still products. The row is the shopper's own and anyone can edit it: each
 * entry is checked again (its link and image by the same URL rule as when recorded), one that is not is left out.
 */
function readRow(row: unknown): ViewedProduct[] {
  const list = (row as Partial<ViewsRow> | undefined)?.products;
  if (!Array.isArray(list)) return [];
  const seen = new Set<string>();
  const products: ViewedProduct[] = [];
  for (const entry of list as Partial<ViewedProduct>[]) {
    const id = cleanText(entry?.id);
    const name = cleanText(entry?.name);
    const url = typeof entry?.url === 'string' ? safeUrl(entry.url) : null;
    if (!id || !name || !url || seen.has(id) || typeof entry.viewedAt !== 'number' || !Number.isFinite(entry.viewedAt)) continue;
    seen.add(id);
    const product: ViewedProduct = { id, name, url, viewedAt: entry.viewedAt };
    const image = typeof entry.image === 'string' ? safeUrl(entry.image) : null;
    if (image) product.image = image;
    if (typeof entry.price === 'number' && entry.price >= 0 && Number.isFinite(entry.price) && isCurrencyCode(entry.currency)) {
      product.price = entry.price;
      product.currency = entry.currency;
    }
    products.push(product);
  }
  return products;
}

/** Records a view of `product` now: first in the list, its earlier entry gone, at most `MOST_KEPT` and a year kept. */
export async function recordView(product: Product, now = Date.now()): Promise<void> {
  await storage().transact(['state'], async (tx) => {
    const earlier = readRow(await tx.get('state', VIEWS_KEY)).filter((p) => p.id !== product.id && now - p.viewedAt <= LONGEST_DURATION);
    const row: ViewsRow = { products: [{ ...product, viewedAt: now }, ...earlier].slice(0, MOST_KEPT) };
    await tx.put('state', row, VIEWS_KEY);
  });
  broadcast({ topic: TOPIC });
}

export interface ViewsWanted {
  max: number;
  maxAgeMs: number;
  /** The product of this page: left out of what is shown, kept on the device. */
  current?: string;
}

/**
 * The products to show: at most `max`, none older than `maxAgeMs`, the current one left out. What is older
 * or beyond them is deleted from the device in the same transaction: a strip keeps no more than it shows.
 */
export async function readViews({ max, maxAgeMs, current }: ViewsWanted, now = Date.now()): Promise<ViewedProduct[]> {
  return storage().transact(['state'], async (tx) => {
    const row = await tx.get('state', VIEWS_KEY);
    const stored = readRow(row);
    const fresh = stored.filter((p) => now - p.viewedAt <= maxAgeMs);
    const shown = fresh.filter((p) => p.id !== current).slice(0, max);
    const kept = fresh.filter((p) => p.id === current || shown.includes(p));
    if (row !== undefined && kept.length !== (row as Partial<ViewsRow>).products?.length) {
      if (kept.length) await tx.put('state', { products: kept } satisfies ViewsRow, VIEWS_KEY);
      else await tx.delete('state', VIEWS_KEY);
    }
    return shown;
  });
}

/** Forgets every recently viewed product on this device (also in the page's memory); tells the other tabs. */
export async function clearViews(): Promise<void> {
  await storage().delete('state', VIEWS_KEY);
  broadcast({ topic: TOPIC });
}
