/**
 * A page view noted without the storage code. On a page where no widget has loaded by idle (all of them
 * below the fold, or none), the loader adds one to this session's pending views in localStorage (one
 * synchronous write) instead of loading IndexedDB's code for the count; the next count that loads it
 * (`page-views.ts`: the loader's on a page whose widgets load, or a `page-views` trigger) moves the pending
 * views into the stored figures, and reads them meanwhile. Only where consent is surely granted without
 * consent.ts's code (the loader stays small); otherwise the loader counts the full way, which holds the view
 * in memory while consent is pending or denied (device-consent.ts).
 */

/** This tab's session id, in sessionStorage (shared with page-views.ts). */
export const SESSION_KEY = 'retainkit:session';
/** The database the kit uses, when a page points it at another than `retainkit` (`useDatabase`). */
export const DATABASE = Symbol.for('retainkit.database');
/** Pages noted, per database: the page's first count moves them into the stored figures, this page with them. */
export const NOTED = Symbol.for('retainkit.page-view-noted');

type WithDatabase = typeof globalThis & { [DATABASE]?: string; [NOTED]?: Set<string> };

/** Pending views by session id. */
export type Pending = Record<string, number>;

/** The localStorage key of the views pending for database `name`. */
export const pendingKey = (name: string) => `retainkit:page-views-pending:${name}`;

/** The views pending for database `name`, checked: web storage is the shopper's own and may be anything. */
export function readPending(name: string): Pending {
  const pending: Pending = {};
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(pendingKey(name)) ?? '{}');
    if (raw && typeof raw === 'object')
      for (const [id, count] of Object.entries(raw)) if (Number.isInteger(count) && count > 0) pending[id] = count as number;
  } catch {
    // Unreadable or unavailable: nothing pending.
  }
  return pending;
}

/**
 * Consent surely `granted`, by consent.ts's order: the store's script said so (`said`, from
 * `retainkit.consent()`), or it said nothing and no other source can (no `<retain-forward consent>`, not
 * a Shopify storefront), which consent.ts reads as `granted`.
 */
function surelyGranted(said: string | undefined): boolean {
  return said === undefined ? !document.querySelector('retain-forward[consent]') && !('Shopify' in window) : said === 'granted';
}

/**
 * Runs `update` of the views noted for database `name` under a Web Lock of that name, which the count's
 * move of them (page-views.ts) takes too: localStorage has no transaction, and tabs opened at once (a
 * shopper opening five products from a list) would otherwise each read the same notes, and lose or
 * double views. Without Web Locks it runs at once.
 */
export function underNotedLock<T>(name: string, update: () => T | Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(pendingKey(name), update) as Promise<T>) : Promise.resolve().then(update);
}

/**
 * Notes this page view in localStorage, when consent is surely granted (`said`: the state the store's
 * script gave `retainkit.consent()`, if any) and web storage works; false when it must be counted the
 * full way (also when the note could not be written after all).
 */
export async function notePageView(said: string | undefined): Promise<boolean> {
  if (!surelyGranted(said)) return false;
  const name = (globalThis as WithDatabase)[DATABASE] ?? 'retainkit';
  const noted = ((globalThis as WithDatabase)[NOTED] ??= new Set());
  // Known at once, so that a count on this page meanwhile leaves this view to the note.
  noted.add(name);
  // A lock refused (a sandboxed frame's opaque origin) or storage that throws: counted the full way.
  const written = await underNotedLock(name, () => {
    let session = sessionStorage.getItem(SESSION_KEY);
    // No randomUUID outside a secure context: counted the full way there.
    if (!session) sessionStorage.setItem(SESSION_KEY, (session = crypto.randomUUID()));
    const pending = readPending(name);
    pending[session] = (pending[session] ?? 0) + 1;
    localStorage.setItem(pendingKey(name), JSON.stringify(pending));
    return true;
  }).catch(() => false);
  if (!written) noted.delete(name);
  return written;
}
