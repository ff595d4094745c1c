/**
 * For "no second event" checks. A widget's event follows its IndexedDB writes (a vote, then its counter),
 * so a test that rules one out waits for those writes, not for a fixed time: `afterWrites()` resolves once
 * every read-write transaction created before it (in this tab or another) has committed, and what the
 * kit does when one commits (the next write of a chain, the event) has run.
 *
 * IndexedDB runs read-write transactions over overlapping stores one at a time, in the order they were
 * created, across tabs. So an empty transaction over every store, created now, completes after all of
 * those. A write that a chain starts only when the previous one commits is created after that; the next
 * sentinel covers it. `chain` is how many writes may come in a row before the event (default 2: a vote or
 * a spin, then its counter); one more sentinel covers writes queued a few promise steps after the call.
 */
import { storage, type StoreName } from '../../src/core/storage.js';
import { stored } from '../../src/core/stored.js';

const STORES: StoreName[] = ['state', 'counters', 'orders', 'outbox'];

export async function afterWrites(chain = 2): Promise<void> {
  for (let i = 0; i <= chain; i++) {
    // The kit reaches its storage code through a dynamic import (a task away) before each write.
    await stored();
    await storage().transact(STORES, (tx) => tx.get('state', 'test/after-writes'));
  }
}
