/**
 * What the badge last showed from the orders recorded on this device (its estimate), noted in localStorage
 * so that its first render shows it at once, without the storage code. Without the note a returning member's
 * badge rendered "…" first, then, once IndexedDB was read after that frame, the points: a second render and
 * a second layout of the page's header on every page view. The badge still reads the orders after its first
 * frame, and corrects the note (and what it shows) when they say otherwise. Written only when the orders it
 * mirrors may be kept on the device (device-consent.ts: consent granted); per database, as held-note.ts.
 */

/** The estimate shown: its points, the orders counted, and the program they were counted by (`programKey`). */
export type ShownNote = [points: number, orders: number, program: string];

/**
 * The localStorage key for `instance`, per database as page-view-note.ts's `databaseInUse` reads it (importing
 * that would bring the storage chunk, where it lives, into the badge's first load).
 */
const noteKey = (instance: string) =>
  `retainkit:badge:${(globalThis as Record<symbol, string | undefined>)[Symbol.for('retainkit.database')] ?? 'retainkit'}:${instance}`;

const isCount = (value: unknown) => Number.isInteger(value) && (value as number) >= 0;

/**
 * The note of `instance`, counted by `program`; undefined when there is none, when it cannot be read, when
 * another program counted it (the store changed its rate or currency), or when it is spoilt (web storage is
 * the shopper's own). The badge then waits for the orders, as it did before there was a note.
 */
export function readShown(instance: string, program: string): ShownNote | undefined {
  try {
    const note: unknown = JSON.parse(localStorage.getItem(noteKey(instance)) ?? 'null');
    if (Array.isArray(note) && isCount(note[0]) && isCount(note[1]) && note[2] === program) return [note[0], note[1], program];
  } catch {
    // No localStorage, or a note that is not JSON: as without a note.
  }
  return undefined;
}

/** Notes what the badge shows now, when it is not what the note says and the orders may be kept on this device. */
export function noteShown(instance: string, now: ShownNote, before: ShownNote | undefined, allowed: boolean): void {
  if (!allowed || String(now) === String(before)) return;
  try {
    localStorage.setItem(noteKey(instance), JSON.stringify(now));
  } catch {
    // No localStorage (or full): the next page waits for the orders, as without a note.
  }
}
