/**
 * Page views on this device, for the popup wheel's `page-views` triggers: every page the kit runs on counts
 * once, per session (a sessionStorage id) and ever. The loader counts each page at idle after its first
 * paint, whatever widgets it has; a trigger that asks first counts it then. Within consent: while the
 * store's consent is pending or denied nothing is written, and the page counts in memory on top of what
 * the device remembers; it is written if consent is granted while the page is open.
 */
import { mayWrite } from './device-consent.js';
import { uniqueId } from './ids.js';
import { databaseName, storage } from './storage.js';

export interface PageViews {
  session: number;
  ever: number;
}

const PAGE_VIEWS_KEY = 'triggers/page-views';
const SESSION_KEY = 'retainkit:session';
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

/** The stored figures, plus this page when it is not written (yet). */
async function read(plusThisPage: boolean): Promise<PageViews> {
  const row = readRow(await storage().get('state', PAGE_VIEWS_KEY));
  const add = plusThisPage ? 1 : 0;
  return { session: Math.max((row.sessions[sessionId()]?.count ?? 0) + add, 1), ever: Math.max(row.ever + add, 1) };
}

/** Writes this page view: one transaction, so tabs counting at once each count. */
async function write(): Promise<PageViews> {
  const id = sessionId();
  const now = Date.now();
  return storage().transact(['state'], async (tx) => {
    const row = readRow(await tx.get('state', PAGE_VIEWS_KEY));
    row.ever += 1;
    const session = (row.sessions[id] ??= { count: 0, last: now });
    session.count += 1;
    session.last = now;
    const kept = Object.entries(row.sessions)
      .sort(([, a], [, b]) => b.last - a.last)
      .slice(0, SESSIONS_KEPT);
    row.sessions = Object.fromEntries(kept);
    await tx.put('state', row, PAGE_VIEWS_KEY);
    return { session: session.count, ever: row.ever };
  });
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
async function countThisPage(counted: Counted): Promise<PageViews> {
  const figures = await write();
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
    counted.figures = countThisPage(counted).catch(() => ({ session: 1, ever: 1 }));
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
