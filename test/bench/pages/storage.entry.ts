// The kit's storage path from its source, for `npm run bench` (bundled by esbuild, loaded by a bench page):
// the first open and write on a first visit, counter increments, and events queued in the durable outbox.
import { storage } from '../../../src/core/storage.js';
import { increment } from '../../../src/core/counters.js';
import { MEMO_KEY, queueInTransaction } from '../../../src/core/outbox.js';

declare global {
  interface Window {
    bench: typeof bench;
  }
}

let n = 0;
const record = () => ({
  name: 'retain-bench-event',
  detail: { id: crypto.randomUUID(), widget: 'bench', instance: 'a', timestamp: Date.now(), n: ++n },
  cancelled: false,
});

/** Repeats `step` (awaited, one after another) for `ms`; returns how many ran and for how long. */
async function repeat(ms: number, step: () => Promise<unknown>): Promise<{ count: number; ms: number }> {
  const start = performance.now();
  let count = 0;
  while (performance.now() - start < ms) {
    await step();
    count += 1;
  }
  return { count, ms: performance.now() - start };
}

const bench = {
  /** A first visit: the database does not exist yet; opening (with the schema upgrade) and one write. */
  async firstWrite(): Promise<{ ms: number; mode: string }> {
    const start = performance.now();
    await storage().put('state', { at: Date.now() }, 'bench/first');
    return { ms: performance.now() - start, mode: storage().mode };
  },
  /** `increment()` one after another (each its own read-modify-write transaction and broadcast). */
  counters(ms: number) {
    return repeat(ms, () => increment('bench', 'a', 'seen'));
  },
  /**
   * Events queued in the durable outbox as a widget queues one: its own transaction over state + outbox,
   * with forwarding active on the device (the memo a page with forwarding writes).
   */
  async outbox(ms: number, batch = 1) {
    await storage().put('state', { active: Date.now() + 3_600_000 }, MEMO_KEY);
    const result = await repeat(ms, () =>
      storage().transact(['state', 'outbox'], async (tx) => {
        for (let i = 0; i < batch; i++) if (!(await queueInTransaction(tx, record()))) throw new Error('the outbox refused the event');
      }),
    );
    return { count: result.count * batch, ms: result.ms, rows: (await storage().getAll('outbox')).length };
  },
};

window.bench = bench;
