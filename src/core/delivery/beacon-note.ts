/**
 * The note of what the beacons carried at pagehide (beacon.ts), kept synchronously in localStorage because
 * IndexedDB cannot commit once the page is gone; the next flush (flush.ts) and the lease (lease.ts) read it.
 */
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
