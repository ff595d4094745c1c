/**
 * Where consent comes from before `<retain-forward>`'s code has loaded (the loader defines it at idle,
 * after the widgets may have counted): the attribute in the page already holds writes back. This file
 * loads no `<retain-forward>` code on purpose.
 */
import { expect } from '@open-wc/testing';
import { openDB } from 'idb';
import { consent, resetConsent, setConsent } from '../../src/core/consent.js';
import { increment, readCounters } from '../../src/core/counters.js';
import { storage } from '../../src/core/storage.js';
import { until } from './delivery-helpers.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';

describe('consent declared in the page', () => {
  let warnings: ConsoleWatch;
  let name: string;
  let declared: HTMLElement;
  beforeEach(() => {
    name = freshDatabase().name;
    warnings = watchConsole();
    declared = document.body.appendChild(document.createElement('div'));
  });
  afterEach(async () => {
    declared.remove();
    resetConsent();
    warnings.stop();
    await deleteDatabases();
  });

  it('a <retain-forward consent="denied"> not yet defined keeps counters in memory', async () => {
    declared.innerHTML = '<retain-forward to="datalayer" consent="Denied"></retain-forward>';
    expect(customElements.get('retain-forward')).to.equal(undefined);
    expect(consent()).to.equal('denied');
    expect(await increment('spin-wheel', 'home', 'seen')).to.equal(1);
    expect(await increment('spin-wheel', 'home', 'seen')).to.equal(2);
    expect(await readCounters('spin-wheel', 'home')).to.deep.equal({ seen: 2 });
    const db = await openDB(name);
    expect(await db.getAll('counters')).to.deep.equal([]);
    db.close();
  });

  it('a bad value counts as pending, as the element will decide; without the attribute, granted', async () => {
    declared.innerHTML = '<retain-forward to="datalayer" consent="later"></retain-forward>';
    expect(consent()).to.equal('pending');
    declared.innerHTML = '<retain-forward to="datalayer"></retain-forward>';
    expect(consent()).to.equal('granted');
    await increment('review-showcase', 'x', 'voted');
    const db = await openDB(name);
    expect((await db.getAll('counters')).map((row) => row.count)).to.deep.equal([1, 1]);
    db.close();
  });

  it("delivery's bookkeeping is not held for a later grant: a page's stale copy never overwrites another tab's", async () => {
    setConsent('pending');
    await storage().put('state', { lease: { datalayer: ['tab', 1] } }, 'delivery/memo');
    await increment('spin-wheel', 'home', 'seen');
    expect(await storage().get('state', 'delivery/memo')).to.equal(undefined);
    setConsent('granted');
    const db = await openDB(name);
    await until(async () => (await db.getAll('counters')).length, 'the held counters, written');
    expect(await db.get('state', 'delivery/memo')).to.equal(undefined);
    db.close();
  });
});
