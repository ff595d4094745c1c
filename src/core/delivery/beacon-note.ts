/**
 * The note of what the beacons carried at pagehide (beacon.ts), kept synchronously in localStorage because
 * IndexedDB cannot commit once the page is gone; the next flush (flush.ts) and the lease (lease.ts) read it.
 * The tab that leaves also tells the other tabs, which keep the note too (`keepOthersNotes`): WebKit drops
 * localStorage writes made while a window closes, and without the note the next lease holder would send
 * again what a keepalive request in flight had already carried.
 */
import { broadcast, onBroadcast } from '../broadcast.js';
import { databaseName } from '../storage.js';

/** What beacons carried, by destination key. */
type BeaconNote = Record<string, string[]>;
const noteKey = () => `retainkit:${databaseName()}:beaconed`;

export function readNote(): BeaconNote {
  try {
    return JSON.parse(localStorage.getItem(noteKey()) ?? '{}') as BeaconNote;
  } catch {
    return {};
  }
}

/** Adds (`ids`) or, with `applied`, removes ids from the note. */
export function writeNote(change: BeaconNote, applied = false): void {
  try {
    const note = readNote();
    for (const [key, ids] of Object.entries(change)) {
      const set = new Set(note[key]);
      for (const id of ids) applied ? set.delete(id) : set.add(id);
      if (set.size) note[key] = [...set];
      else delete note[key];
    }
    if (Object.keys(note).length) localStorage.setItem(noteKey(), JSON.stringify(note));
    else localStorage.removeItem(noteKey());
  } catch {
    // No localStorage: those events may be sent again on the next visit (the receiver drops them by id).
  }
}

/** At pagehide: notes what the beacons carried, here and in every other tab of the store. */
export function noteBeaconed(change: BeaconNote): void {
  writeNote(change);
  broadcast({ topic: 'beaconed', change });
}

/** Keeps, in this tab's localStorage, what another tab noted as it left; returns the function that stops. */
export const keepOthersNotes = () => onBroadcast('beaconed', (message) => writeNote(message.change as BeaconNote));
