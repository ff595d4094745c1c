/**
 * What the shopper holds on this device, noted without the storage code. A widget that shows only what was
 * handed out here (the next-order offer's header reminder of an unused code) would otherwise load its code
 * on every page of every shopper, only to read IndexedDB and draw nothing. So the code that hands it out
 * notes it in localStorage (one synchronous write, with when it stops being held) and clears it when it is
 * used or over; the loader reads the note (`whenShowable`) before it loads any code, and the widget,
 * once loaded, corrects the note from what IndexedDB holds. Written under every consent state, like what
 * it mirrors: the shopper's own code (device-consent.ts). As page-view-note.ts, per database.
 */
import { databaseInUse } from './page-view-note.js';

/** The one widget that shows only what is held, as its elements' `widget`. */
const WIDGET = 'next-order-offer';

/** Until when each held thing is held (ms since the epoch), by `<widget>/<instance>`. */
type Held = Record<string, number>;

/** The localStorage key of the note for database `name`. */
export const heldKey = (name: string) => `retainkit:held:${name}`;

/** The note; null when it cannot be read (no localStorage, or a note spoilt). */
function readHeld(): Held | null {
  try {
    const held: unknown = JSON.parse(localStorage.getItem(heldKey(databaseInUse())) ?? '{}');
    return held && typeof held === 'object' ? (held as Held) : null;
  } catch {
    return null;
  }
}

/**
 * True when the note says `widget`'s `instance` holds something now, or when there is no note to read: then
 * the widget loads to look, as it would without the note. (Web storage is the shopper's own: a value that is
 * not a time to come reads as nothing held.)
 */
function isHeld(widget: string, instance: string): boolean {
  const held = readHeld();
  return !held || Number(held[`${widget}/${instance}`]) > Date.now();
}

/**
 * Notes that `widget`'s `instance` holds something until `until`, or (null) that it holds nothing. What
 * another instance held and is over goes with the write: no other code would ever clear it.
 */
export function noteHeld(widget: string, instance: string, until: number | null): void {
  const held = readHeld() ?? {};
  const key = `${widget}/${instance}`;
  if ((held[key] ?? null) === until) return;
  const now = Date.now();
  for (const [other, end] of Object.entries(held)) if (!(Number(end) > now)) delete held[other];
  if (until === null) delete held[key];
  else held[key] = until;
  try {
    const name = heldKey(databaseInUse());
    if (Object.keys(held).length) localStorage.setItem(name, JSON.stringify(held));
    else localStorage.removeItem(name);
  } catch {
    // No localStorage: the widget's code loads on pages where it holds nothing, as without the note.
  }
}

/**
 * Resolves once the element has something to show, when it has nothing yet: the next-order offer's header
 * reminder, until its instance holds a code (noted here, or by another tab: a `storage` event; never, for a
 * shopper who is handed nothing). Undefined for an element that has something to show now or is not one
 * of these, so that the loader asks at once whether it is wanted (near.ts).
 */
export function whenShowable(element: Element): Promise<void> | undefined {
  if (element.localName !== 'retain-next-order-offer' || !element.hasAttribute('reminder')) return undefined;
  // As RetainElement's instanceName.
  const instance = element.getAttribute('instance')?.trim() || element.id || 'default';
  if (isHeld(WIDGET, instance)) return undefined;
  return new Promise((resolve) => {
    const heard = () => {
      if (!isHeld(WIDGET, instance)) return;
      removeEventListener('storage', heard);
      resolve();
    };
    addEventListener('storage', heard);
  });
}
