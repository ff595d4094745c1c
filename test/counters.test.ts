import { expect } from '@open-wc/testing';
import { increment, onCountersChange, readCounters, SHOPPER } from '../src/core/counters.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { openTab, type Tab } from './support/tabs.js';

describe('counters', () => {
  let db: string;
  let tab: Tab | undefined;
  beforeEach(() => {
    db = freshDatabase().name;
  });
  afterEach(async () => {
    tab?.close();
    tab = undefined;
    await deleteDatabases();
  });

  it('counts per instance and per shopper', async () => {
    await increment('spin-wheel', 'a', 'seen');
    await increment('spin-wheel', 'a', 'seen');
    await increment('spin-wheel', 'b', 'seen');
    expect(await readCounters('spin-wheel', 'a')).to.deep.equal({ seen: 2 });
    expect(await readCounters('spin-wheel', 'b')).to.deep.equal({ seen: 1 });
    expect(await readCounters('spin-wheel', SHOPPER)).to.deep.equal({ seen: 3 });
  });

  it('two tabs incrementing one counter 500 times each give exactly 1,000', async () => {
    tab = await openTab(db);
    const other = await tab.load<typeof import('../src/core/counters.js')>('/src/core/counters.ts');
    const here = Array.from({ length: 500 }, () => increment('loyalty-badge', 'x', 'opened'));
    const there = Array.from({ length: 500 }, () => other.increment('loyalty-badge', 'x', 'opened'));
    await Promise.all([...here, ...there]);
    expect(await readCounters('loyalty-badge', 'x')).to.deep.equal({ opened: 1000 });
    expect(await readCounters('loyalty-badge')).to.deep.equal({ opened: 1000 });
  });

  it('another tab hears a change', async () => {
    tab = await openTab(db);
    const other = await tab.load<typeof import('../src/core/counters.js')>('/src/core/counters.ts');
    const heard = new Promise((resolve) => other.onCountersChange(resolve));
    await increment('review-showcase', 'p1', 'interacted');
    expect(await heard).to.include({ widget: 'review-showcase', instance: 'p1', name: 'interacted', count: 1 });
  });

  it('this tab hears its own change', async () => {
    const heard = new Promise((resolve) => onCountersChange(resolve));
    await increment('account-prompt', 'o', 'converted');
    expect(await heard).to.include({ name: 'converted', count: 1 });
  });
});
