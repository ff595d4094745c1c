/**
 * A page view noted without the storage code. On a page where no widget is near once the loader's viewport
 * check has answered (all of them below the fold, or none), the loader notes the view in localStorage (this
 * session's pending views) when the shopper leaves the page, instead of loading IndexedDB's code for the
 * count: the kit then does nothing at all until a widget is seen. Not at load: web storage's first read and
 * write on a page cost a slow phone several milliseconds. The next count that
 * loads the storage code (`page-views.ts`: the loader's on a page whose widgets load, or a `page-views`
 * trigger) moves the pending views into the stored figures, and reads them meanwhile; a count on this page
 * before it is left takes this view over. Only where consent is surely granted without consent.ts's code
 * (the loader stays small); otherwise the loader counts the full way, which holds the view in memory while
 * consent is pending or denied (device-consent.ts).
 */

/** This tab's session id, in sessionStorage (shared with page-views.ts). */
export const SESSION_KEY = 'retainkit:session';
/** The database the kit uses, when a page points it at another than `retainkit` (`useDatabase`). */
export const DATABASE = Symbol.for('retainkit.database');
/** That database's name, read without the storage code. */
export const databaseInUse = () => (globalThis as typeof globalThis & { [DATABASE]?: string })[DATABASE] ?? 'retainkit';
/**
 * This page's view, per database, while it goes by the note: `later` until the page is left, then `written`
 * (shared by any copies of the kit on the page, as page-views.ts's count).
 */
export const NOTED = Symbol.for('retainkit.page-view-note');
type Note = 'later' | 'written';

type WithNotes = typeof globalThis & { [NOTED]?: Map<string, Note> };

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
 * Notes this page view in localStorage once the shopper leaves the page: when it is first hidden (another
 * tab or app, a navigation) or unloaded, whichever comes first. Only when consent is surely granted, now and
 * then (`said`: the state the store's script gave `retainkit.consent()`, if any); false, noting nothing,
 * when the view must be counted the full way now.
 *
 * The note is written at once as the page goes, so not under the notes' Web Lock (its callback would come
 * after the page is gone). A count in another tab moves only what it read under the lock and keeps the rest
 * (page-views.ts), so a note written meanwhile stays; what can be lost is two tabs' notes written in the
 * same instant, or a closing window's in WebKit, which drops its localStorage writes (docs/forward.md).
 */
export function notePageViewOnLeave(said: () => string | undefined): boolean {
  if (!surelyGranted(said())) return false;
  const name = databaseInUse();
  const notes = ((globalThis as WithNotes)[NOTED] ??= new Map());
  // Known at once, so that a count on this page meanwhile takes the view over (takeOverNote).
  notes.set(name, 'later');
  const leave = (event: Event) => {
    // Once (then the listeners do nothing): a page shown again and left again is the same view.
    if (notes.get(name) !== 'later' || (event.type === 'visibilitychange' && document.visibilityState !== 'hidden')) return;
    if (surelyGranted(said()) && writeNote(name)) notes.set(name, 'written');
    else notes.delete(name);
  };
  addEventListener('pagehide', leave);
  document.addEventListener('visibilitychange', leave);
  return true;
}

/** Adds this page to the session's pending views; false when web storage refuses (or no session id can be made). */
function writeNote(name: string): boolean {
  try {
    let session = sessionStorage.getItem(SESSION_KEY);
    // No randomUUID outside a secure context: not noted there.
    if (!session) sessionStorage.setItem(SESSION_KEY, (session = crypto.randomUUID()));
    const pending = readPending(name);
    pending[session] = (pending[session] ?? 0) + 1;
    localStorage.setItem(pendingKey(name), JSON.stringify(pending));
    return true;
  } catch {
    return false;
  }
}

/**
 * For a count of this page (page-views.ts): true when this page's view is in the notes already, so the
 * count leaves it out. A view still to be noted on leaving is called off, and the count takes it.
 */
export function takeOverNote(name: string): boolean {
  const notes = (globalThis as WithNotes)[NOTED];
  if (notes?.get(name) === 'written') return true;
  notes?.delete(name);
  return false;
}
