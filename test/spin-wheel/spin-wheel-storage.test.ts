/**
 * A spin's state on the device: the spin taken (its cooldown), the outcome with its code (a pool code
 * handed out) and its counts change together, in one IndexedDB transaction, or not at all.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import { readCounters } from '../../src/core/counters.js';
import { storage } from '../../src/core/storage.js';
import { cooldownEnds } from '../../src/core/triggers.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import { isReady, ready, spin, spinButton } from '../support/spin-wheel.js';
import { testSetup } from '../support/test-setup.js';
import { waitUntil } from '../support/wait.js';

const DAY = 86_400_000;
const FAST = '--retain-spin-wheel-duration: 40ms';
const KEY = 'spin-wheel/pooled';

/**
 * A wheel whose one winnable prize hands out pool codes (its other slice can never come up in practice),
 * ready, and seen (counted), so that nothing else writes while it spins.
 */
async function pooled(): Promise<RetainSpinWheel> {
  const el = await ready(
    fixtureSync<RetainSpinWheel>(html`<retain-spin-wheel id="pooled" style=${FAST}>
      <retain-slice weight="1000000" codes="P1 P2 P3">Pool</retain-slice>
      <retain-slice weight="0.000001" type="none">Nothing</retain-slice>
    </retain-spin-wheel>`),
  );
  await waitUntil(async () => (await readCounters('spin-wheel', 'pooled')).seen === 1, 'the wheel was not counted as seen');
  return el;
}

/** The read-write transactions opened while `body` runs, by the stores each covers. */
async function readWriteTransactions(body: () => Promise<unknown>): Promise<string[][]> {
  const seen: string[][] = [];
  const real = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (
    this: IDBDatabase,
    stores: string | string[],
    mode?: IDBTransactionMode,
    options?: IDBTransactionOptions,
  ) {
    if (mode === 'readwrite') seen.push([stores].flat().sort());
    return real.call(this, stores, mode, options);
  } as typeof real;
  try {
    await body();
  } finally {
    IDBDatabase.prototype.transaction = real;
  }
  return seen;
}

describe('retain-spin-wheel: a spin on the device', () => {
  const kit = testSetup();

  it('takes the spin, hands out its code and counts it in one read-write transaction', async () => {
    const el = await pooled();
    let code: string | null = null;
    const writes = await readWriteTransactions(async () => {
      code = (await spin(el)).code;
    });
    // One transaction over the wheel's state and its counters (none other touches them during the spin).
    expect(writes.filter((stores) => stores.includes('state') || stores.includes('counters'))).to.deep.equal([['counters', 'state']]);
    expect(['P1', 'P2', 'P3']).to.include(code);
    // All of it is there together: the cooldown, the win with its code, the code handed out, the counts.
    expect(await cooldownEnds(`${KEY}/spin`)).to.be.within(Date.now() + 29 * DAY, Date.now() + 30 * DAY);
    expect(await storage().get('state', `${KEY}/won`)).to.include({ code, label: 'Pool' });
    expect(await storage().get('state', 'spin-wheel/codes-handed-out')).to.deep.equal([code]);
    expect(await readCounters('spin-wheel', 'pooled')).to.include({ interacted: 1, spun: 1 });
  });

  it('a storage failure half-way through keeps none of it: no cooldown, no code handed out, no count, and the shopper keeps the spin', async () => {
    const el = await pooled();
    const started: Event[] = [];
    el.addEventListener('retain-spin-started', (event) => started.push(event));
    // The win cannot be written: the transaction fails after the cooldown and the code were put in it.
    const real = IDBObjectStore.prototype.put;
    let failed = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
      if (key === `${KEY}/won` && !failed++) throw new DOMException('the disk said no', 'DataError');
      return real.call(this, value, key);
    } as typeof real;
    try {
      spinButton(el).click();
      // Back to its spin once the failed spin is over (while it spins, its button is the skip button).
      await waitUntil(
        () => failed === 1 && isReady(el) && spinButton(el).type === 'submit',
        'the wheel did not come back after the failed spin',
      );
    } finally {
      IDBObjectStore.prototype.put = real;
    }
    const warnings = kit.warnings.take();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<retain-spin-wheel> could not record the spin; the shopper keeps the spin');
    expect(started).to.have.length(0);
    expect(await cooldownEnds(`${KEY}/spin`)).to.equal(null);
    expect(await storage().get('state', `${KEY}/won`)).to.equal(undefined);
    expect(await storage().get('state', 'spin-wheel/codes-handed-out')).to.equal(undefined);
    expect(await readCounters('spin-wheel', 'pooled')).to.not.have.property('interacted');
    // The spin is still the shopper's: it works, and takes all of it.
    const won = await spin(el);
    expect(['P1', 'P2', 'P3']).to.include(won.code);
    expect(await storage().get('state', 'spin-wheel/codes-handed-out')).to.deep.equal([won.code]);
    expect(started).to.have.length(1);
  });
});
