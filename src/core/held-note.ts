/**
 * What the shopper holds on this device, noted without the storage code. A widget that shows only what was
 * handed out here (the next-order offer's header reminder of an unused code) would otherwise load its code
 * on every page of every shopper, only to read IndexedDB and draw nothing. So the code that hands it out
 * notes it in localStorage (one synchronous write, with when it stops being held) and clears it when it is
 * used or over; the loader reads the note (near.ts, `whenWanted`) before it loads any code, and the widget,
 * once loaded, corrects the note from what IndexedDB holds. Written under every consent state, like what
 * it mirrors: the shopper's own code (device-consent.ts). As page-view-note.ts, per database.
 */
import { DATABASE } from './page-view-note.js';

/** Until when each held thing is held (ms since the epoch), by `<widget>/<instance>`. */
type Held = Record<string, number>;

/** The localStorage key of the note for database `name`. */
export const heldKey = (name: string) => `retainkit:held:${name}`;

const databaseName = () => (globalThis as typeof globalThis & { [DATABASE]?: string })[DATABASE] ?? 'retainkit';

/** The note, checked (web storage is the shopper's own and may be anything); null when it cannot be read. */
function readHeld(): Held | null {
  const held: Held = {};
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(heldKey(databaseName())) ?? '{}');
    if (raw && typeof raw === 'object')
      for (const [key, until] of Object.entries(raw)) if (Number.isFinite(until)) held[key] = until as number;
  } catch {
    return null;
  }
  return held;
}

/**
 * True when the note says `widget`'s `instance` holds something now, or when there is no note to read (no
 * localStorage, or a note spoilt): then the widget loads to look, as it would without the note.
 */
export function isHeld(widget: string, instance: string): boolean {
  const held = readHeld();
  return !held || (held[`${widget}/${instance}`] ?? 0) > Date.now();
}

/** Notes that `widget`'s `instance` holds something until `until`, or (null) that it holds nothing. */
export function noteHeld(widget: string, instance: string, until: number | null): void {
  const held = readHeld() ?? {};
  const key = `${widget}/${instance}`;
  if ((held[key] ?? null) === until) return;
  if (until === null) delete held[key];
  else held[key] = until;
  try {
    const name = heldKey(databaseName());
    if (Object.keys(held).length) localStorage.setItem(name, JSON.stringify(held));
    else localStorage.removeItem(name);
  } catch {
    // No localStorage: the widget's code loads on pages where it holds nothing, as without the note.
  }
}

/**
 * Resolves once `widget`'s `instance` holds something: at once when noted, else when another tab notes it
 * (a `storage` event). Never, on a page of a shopper who is handed nothing.
 */
export function whenHeld(widget: string, instance: string): Promise<void> {
  if (isHeld(widget, instance)) return Promise.resolve();
  return new Promise((resolve) => {
    const heard = () => {
      if (!isHeld(widget, instance)) return;
      removeEventListener('storage', heard);
      resolve();
    };
    addEventListener('storage', heard);
  });
}
