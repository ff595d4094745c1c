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
 * Notes this page view in localStorage, when consent is surely granted (`said`: the state the store's
 * script gave `retainkit.consent()`, if any) and web storage works; false when it must be counted the
 * full way.
 */
export function notePageView(said: string | undefined): boolean {
  if (!surelyGranted(said)) return false;
  const name = (globalThis as WithDatabase)[DATABASE] ?? 'retainkit';
  try {
    let session = sessionStorage.getItem(SESSION_KEY);
    // No randomUUID outside a secure context: counted the full way there.
    if (!session) sessionStorage.setItem(SESSION_KEY, (session = crypto.randomUUID()));
    const pending = readPending(name);
    pending[session] = (pending[session] ?? 0) + 1;
    localStorage.setItem(pendingKey(name), JSON.stringify(pending));
  } catch {
    return false;
  }
  ((globalThis as WithDatabase)[NOTED] ??= new Set()).add(name);
  return true;
}
