import { expect } from '@open-wc/testing';
import { increment, onCountersChange, readAllCounters, readCounters, SHOPPER } from '../../src/core/counters.js';
import { storage } from '../../src/core/storage.js';
import { cutShortOnce } from '../support/database.js';
import { testSetup } from '../support/test-setup.js';

describe('counters', () => {
  const kit = testSetup();

  it('counts per instance and per shopper', async () => {
    await increment('spin-wheel', 'a', 'seen');
    await increment('spin-wheel', 'a', 'seen');
    await increment('spin-wheel', 'b', 'seen');
    expect(await readCounters('spin-wheel', 'a')).to.deep.equal({ seen: 2 });
    expect(await readCounters('spin-wheel', 'b')).to.deep.equal({ seen: 1 });
    expect(await readCounters('spin-wheel', SHOPPER)).to.deep.equal({ seen: 3 });
  });

  it('counts once more when its transaction ended before it could write, and counts once', async () => {
    await increment('referral', 'a', 'seen');
    // The first try's body runs a task late, as if the engine had ended the transaction early: its first read throws.
    const cut = cutShortOnce();
    try {
      expect(await increment('referral', 'a', 'seen')).to.equal(2);
    } finally {
      cut.restore();
    }
    expect(cut.tries(), 'the first try ran late, then one more').to.equal(2);
    expect(await readCounters('referral', 'a')).to.deep.equal({ seen: 2 });
    expect(await readCounters('referral', SHOPPER)).to.deep.equal({ seen: 2 });
  });

  it('counts once when a script opens a window twice while its transaction runs (Firefox cuts such a transaction short)', async () => {
    // In Firefox a read that succeeds while the page's script is inside window.open ends its transaction
    // before the count can write: the count tries again a little later. Two opens cut short two tries.
    await increment('referral', 'a', 'seen');
    const windows: (Window | null)[] = [];
    const openWhileReading = () => windows.push(window.open('/test/support/tab.html?db=none', '_blank'));
    const kept = storage();
    const transact = kept.transact;
    let tries = 0;
    kept.transact = (stores, body) =>
      transact.call(kept, stores, (tx) => {
        // Once the count's reads are asked and its promises awaited, as another script's window.open comes.
        if (++tries <= 2) queueMicrotask(openWhileReading);
        return body(tx);
      }) as ReturnType<typeof body>;
    try {
      expect(await increment('referral', 'a', 'seen')).to.equal(2);
    } finally {
      kept.transact = transact;
      for (const opened of windows) opened?.close();
    }
    expect(await readCounters('referral', 'a')).to.deep.equal({ seen: 2 });
    expect(await readCounters('referral', SHOPPER)).to.deep.equal({ seen: 2 });
  });

  it('two tabs incrementing one counter 500 times each give exactly 1,000', async () => {
    const tab = await kit.openTab();
    const other = await tab.load<typeof import('../../src/core/counters.js')>('/src/core/counters.ts');
    const here = Array.from({ length: 500 }, () => increment('loyalty-badge', 'x', 'opened'));
    const there = Array.from({ length: 500 }, () => other.increment('loyalty-badge', 'x', 'opened'));
    await Promise.all([...here, ...there]);
    expect(await readCounters('loyalty-badge', 'x')).to.deep.equal({ opened: 1000 });
    expect(await readCounters('loyalty-badge')).to.deep.equal({ opened: 1000 });
  });

  it('another tab hears a change', async () => {
    const tab = await kit.openTab();
    const other = await tab.load<typeof import('../../src/core/counters.js')>('/src/core/counters.ts');
    const heard = new Promise((resolve) => other.onCountersChange(resolve));
    await increment('review-showcase', 'p1', 'interacted');
    expect(await heard).to.include({ widget: 'review-showcase', instance: 'p1', name: 'interacted', count: 1 });
  });

  it('this tab hears its own change', async () => {
    const heard = new Promise((resolve) => onCountersChange(resolve));
    await increment('account-prompt', 'o', 'converted');
    expect(await heard).to.include({ name: 'converted', count: 1 });
  });

  it('keeps instances apart even when their names contain the separator', async () => {
    await increment('spin-wheel', 'a', 'seen');
    await increment('spin-wheel', 'a|b', 'seen');
    await increment('spin-wheel', 'a|b', 'seen');
    await increment('spin-wheel', '100%', 'won|big');
    expect(await readCounters('spin-wheel', 'a')).to.deep.equal({ seen: 1 });
    expect(await readCounters('spin-wheel', 'a|b')).to.deep.equal({ seen: 2 });
    expect(await readAllCounters()).to.deep.equal({
      'spin-wheel': { a: { seen: 1 }, 'a|b': { seen: 2 }, '100%': { 'won|big': 1 }, [SHOPPER]: { seen: 3, 'won|big': 1 } },
    });
  });

  it('a change carries the instance count and the shopper total', async () => {
    await increment('loyalty-badge', 'x', 'seen');
    const heard = new Promise((resolve) => onCountersChange(resolve));
    expect(await increment('loyalty-badge', 'y', 'seen', 2)).to.equal(2);
    expect(await heard).to.deep.equal({ widget: 'loyalty-badge', instance: 'y', name: 'seen', count: 2, total: 3 });
  });

  it('refuses to count by a non-number or into the shopper total directly', async () => {
    for (const attempt of [() => increment('w', 'i', 'seen', NaN), () => increment('w', SHOPPER, 'seen')]) {
      let caught: unknown;
      try {
        await attempt();
      } catch (error) {
        caught = error;
      }
      expect(caught).to.be.instanceOf(RangeError);
    }
    expect(await readAllCounters()).to.deep.equal({});
  });

  it('a listener that throws does not stop the count nor the other listeners', async () => {
    const original = console.error;
    const errors: unknown[] = [];
    console.error = (...args: unknown[]) => errors.push(args);
    const heard: number[] = [];
    const stops = [
      onCountersChange(() => {
        throw new Error('widget bug');
      }),
      onCountersChange((change) => heard.push(change.count)),
    ];
    try {
      expect(await increment('w', 'i', 'seen')).to.equal(1);
    } finally {
      console.error = original;
      for (const stop of stops) stop();
    }
    expect(heard).to.deep.equal([1]);
    expect(errors).to.have.length(1);
  });
});
