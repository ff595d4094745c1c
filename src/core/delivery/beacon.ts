/**
 * At pagehide the tab that flushes an endpoint hands what is left to `navigator.sendBeacon`, in bodies of
 * ≤ `BODY_LIMIT`, and counts what the browser took (and a keepalive request in flight) as delivered: no
 * answer can ever come, and sending it again on the next visit would duplicate nearly every last-page
 * event. To keep that risk small it does so only while online and while the endpoint's last attempt did
 * not fail; otherwise, and for whatever does not fit, the rows wait for the next visit.
 *
 * IndexedDB cannot commit a transaction once the page is gone, so the tab notes what the beacons carried
 * synchronously in localStorage; the next flush (in any tab) applies the note to the outbox and clears it.
 * WebKit drops localStorage writes made while a window is closing (though not while navigating away), so
 * the note goes to the other tabs too, which keep it. Where it is lost all the same (no localStorage, no
 * other tab), those events are sent again on the next visit, and the receiver drops them by id: a repeat,
 * never a loss.
 */
import { uniqueId } from '../ids.js';
import { BATCH } from './defaults.js';
import { record } from './flush.js';
import { leads, release } from './lease.js';
import { noteBeaconed } from './beacon-note.js';
import { BODY_LIMIT, bytes, pack } from './limits.js';
import { destinations, flow, flows, granted, known, page } from './state.js';

/** The page is going away: the flushing tab beacons what is left for its endpoints. */
export function pagehide(): void {
  page.leaving = true;
  const done: Promise<void>[] = [];
  // Browsers let a page have 64 KiB of keepalive requests and beacons in flight (the Fetch standard's quota).
  let budget = 65_536;
  for (const f of flows.values()) budget -= f.inflight?.keepalive ?? 0;
  for (const [key, [d]] of destinations) {
    const f = flow(key);
    if (!leads(key) || !granted()) continue;
    // A request answered whose record has not landed yet: its events arrived, whatever the beacons may do.
    const gone = new Set(f.inflight?.done);
    if (d.beacon && !f.down && navigator.onLine) {
      for (const id of f.inflight?.keepalive ? f.inflight.ids : []) gone.add(id);
      const limit = () => Math.min(BODY_LIMIT, budget);
      let rest = [...known.values()]
        .filter((row) => row.pending.includes(key) && !gone.has(row.id))
        .sort((a, b) => a.createdAt - b.createdAt);
      while (rest.length) {
        const { rows, body } = pack(rest, d.batch ?? BATCH, limit(), { batch: uniqueId() });
        const size = bytes(body);
        if (size > limit() || !d.beacon(body)) break;
        budget -= size;
        for (const row of rows) gone.add(row.id);
        rest = rest.slice(rows.length);
      }
    }
    if (gone.size) noteBeaconed({ [key]: [...gone] });
    // A request in flight that is not counted as delivered may still reach the endpoint: the lease stays,
    // so that no other tab sends its events again before it runs out.
    const fateUnknown = f.inflight?.ids.some((id) => !gone.has(id));
    // Straight to IndexedDB too (this commits when the page lives on a little, or in the back/forward cache).
    done.push(
      record(key, {
        acked: [...gone].map((id) => ({ id })),
        state: 'sent',
        release: !fateUnknown,
      }).catch(() => undefined),
    );
  }
  void Promise.all(done).finally(() => destinations.forEach((_, key) => release(key)));
}
