/**
 * Page views on this device, for the popup wheel's `page-views` triggers: every page the kit runs on counts
 * once, per session (a sessionStorage id) and ever. The loader counts each page at idle after its first
 * paint, whatever widgets it has; a trigger that asks first counts it then. A page where no widget loads
 * by idle is noted in localStorage instead, when the shopper leaves it (page-view-note.ts): the first count
 * of a later page moves what is noted into the stored figures (a count on that page before it is left
 * takes its view over). Within consent: while the store's consent is pending or denied nothing is
 * written, and the page counts in memory on top of what the device remembers; it is written if consent
 * is granted while the page is open.
 */
import { consent } from './consent.js';
import { mayWrite } from './device-consent.js';
import { uniqueId } from './ids.js';
import { pendingKey, readPending, SESSION_KEY, takeOverNote, type Pending } from './page-view-note.js';
import { databaseName, storage } from './storage.js';

export interface PageViews {
  session: number;
  ever: number;
}

const PAGE_VIEWS_KEY = 'triggers/page-views';
/** How many sessions' counts are kept (the most recent ones). */
const SESSIONS_KEPT = 20;

interface PageViewsRow {
  ever: number;
  sessions: Record<string, { count: number; last: number }>;
}

let memorySessionId: string | undefined;

/**
 * This tab's session: an id kept in sessionStorage, or in memory where sessionStorage is unavailable
 * or consent does not let it be written yet (device-consent.ts); the same id once it may be.
 */
function sessionId(): string {
  try {
    let id = sessionStorage.getItem(SESSION_KEY);
    if (!id && !mayWrite('session', SESSION_KEY)) return (memorySessionId ??= uniqueId());
    if (!id) sessionStorage.setItem(SESSION_KEY, (id = memorySessionId ?? uniqueId()));
    return id;
  } catch {
    return (memorySessionId ??= uniqueId());
  }
}

/** The stored row, checked: browser state is the shopper's own and may be anything. */
function readRow(value: unknown): PageViewsRow {
  const row = (value ?? {}) as Partial<PageViewsRow>;
  const ever = typeof row.ever === 'number' && Number.isFinite(row.ever) && row.ever > 0 ? Math.floor(row.ever) : 0;
  const sessions: PageViewsRow['sessions'] = {};
  if (row.sessions && typeof row.sessions === 'object') {
    for (const [id, entry] of Object.entries(row.sessions)) {
      if (entry && Number.isFinite(entry.count) && Number.isFinite(entry.last)) sessions[id] = { count: entry.count, last: entry.last };
    }
  }
  return { ever, sessions };
}

const total = (pending: Pending) => Object.values(pending).reduce((sum, count) => sum + count, 0);

/** The stored figures, plus the views noted (not moved in yet) and this page when it is not written (yet). */
async function read(plusThisPage: boolean): Promise<PageViews> {
  const row = readRow(await storage().get('state', PAGE_VIEWS_KEY));
  const pending = readPending(databaseName());
  const add = plusThisPage ? 1 : 0;
  const id = sessionId();
  return {
    session: Math.max((row.sessions[id]?.count ?? 0) + (pending[id] ?? 0) + add, 1),
    ever: Math.max(row.ever + total(pending) + add, 1),
  };
}

/**
 * The views noted in localStorage, to move into the stored figures: only under granted consent, which they
 * were noted under; under denied they go.
 */
function notedViews(name: string): Pending {
  const state = consent();
  if (state === 'denied') forget(name, readPending(name));
  return state === 'granted' ? readPending(name) : {};
}

/** Takes `moved` off the views noted (other tabs may have noted more meanwhile). */
function forget(name: string, moved: Pending): void {
  const pending = readPending(name);
  for (const [id, count] of Object.entries(moved)) if ((pending[id] = (pending[id] ?? 0) - count) <= 0) delete pending[id];
  try {
    if (Object.keys(pending).length) localStorage.setItem(pendingKey(name), JSON.stringify(pending));
    else localStorage.removeItem(pendingKey(name));
  } catch {
    // Web storage unavailable: nothing was noted there.
  }
}

/**
 * Runs `update` of the views noted for database `name` under a Web Lock named as their localStorage key:
 * localStorage has no transaction, and tabs counting at once (a shopper opening five products from a list)
 * would otherwise each move the same notes, and double views. Without Web Locks it runs at once.
 */
function underNotedLock<T>(name: string, update: () => T | Promise<T>): Promise<T> {
  const locks = globalThis.navigator?.locks;
  return locks ? (locks.request(pendingKey(name), update) as Promise<T>) : Promise.resolve().then(update);
}

/**
 * Writes this page view (unless `thisPage` is false: it is among the noted ones) and moves the noted
 * views in: one transaction, so tabs counting at once each count, under the notes' lock, so that they
 * move the noted views once.
 */
function write(thisPage: boolean): Promise<PageViews> {
  const name = databaseName();
  return underNotedLock(name, () => writeNoted(thisPage, name));
}

async function writeNoted(thisPage: boolean, name: string): Promise<PageViews> {
  const id = sessionId();
  const now = Date.now();
  const noted = notedViews(name);
  const figures = await storage().transact(['state'], async (tx) => {
    const row = readRow(await tx.get('state', PAGE_VIEWS_KEY));
    const views: Pending = { ...noted };
    if (thisPage) views[id] = (views[id] ?? 0) + 1;
    for (const [sid, count] of Object.entries(views)) {
      row.ever += count;
      const session = (row.sessions[sid] ??= { count: 0, last: now });
      session.count += count;
      session.last = now;
    }
    const kept = Object.entries(row.sessions)
      .sort(([, a], [, b]) => b.last - a.last)
      .slice(0, SESSIONS_KEPT);
    row.sessions = Object.fromEntries(kept);
    await tx.put('state', row, PAGE_VIEWS_KEY);
    return { session: Math.max(row.sessions[id]?.count ?? 0, 1), ever: Math.max(row.ever, 1) };
  });
  forget(name, noted);
  return figures;
}

/** This page load, per database: counted (the figures right after), and whether it is written. */
interface Counted {
  figures: Promise<PageViews>;
  written: boolean;
}

/** Per page and database, shared by any copies of the kit on the page, so a page load counts once. */
const COUNTED = Symbol.for('retainkit.page-view');
type WithMemo = typeof globalThis & { [COUNTED]?: Map<string, Counted> };

/**
 * Writes this page view. Consent is kept by the storage layer (device-consent.ts): while it is pending or
 * denied the write is held for the page, and it reaches the device if consent is granted.
 */
async function countThisPage(counted: Counted, name: string): Promise<PageViews> {
  const figures = await write(!takeOverNote(name));
  counted.written = true;
  return figures;
}

/**
 * Page views on this device; the current page load is counted once, the first time this is called on a
 * page. Later calls read the current figures (other tabs of the same session or device may have counted
 * since). Never rejects.
 */
export async function pageViews(): Promise<PageViews> {
  const memo = ((globalThis as WithMemo)[COUNTED] ??= new Map());
  const name = databaseName();
  const known = memo.get(name);
  if (!known) {
    const counted: Counted = { figures: Promise.resolve({ session: 1, ever: 1 }), written: false };
    // If even memory failed, this page view still happened.
    counted.figures = countThisPage(counted, name).catch(() => ({ session: 1, ever: 1 }));
    memo.set(name, counted);
    return counted.figures;
  }
  const figures = await known.figures;
  try {
    return await read(!known.written);
  } catch {
    return figures;
  }
}
