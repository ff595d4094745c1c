import { expect } from '@open-wc/testing';
import { addDestination, outboxStats, stopDelivery } from '../src/core/delivery.js';
import { endpoint } from '../src/core/destinations.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { watchConsole, type ConsoleWatch } from './support/console-guard.js';
import { emitEvent, newSink, readSink, until } from './delivery-helpers.js';

describe('delivery to an endpoint', () => {
  let warnings: ConsoleWatch;
  beforeEach(() => {
    freshDatabase();
    warnings = watchConsole();
  });
  afterEach(async () => {
    stopDelivery();
    warnings.stop();
    await deleteDatabases();
  });

  it('posts a batch of events with their ids', async () => {
    const url = newSink();
    addDestination(endpoint(new URL(url, location.href).href, 'test', { wait: 0 }));
    const ids = [emitEvent('retain-spin-end').id, emitEvent('retain-prize-won').id];
    const sink = await until(async () => {
      const s = await readSink(url);
      return s.received.length >= 2 && s;
    }, 'the batch');
    expect(sink.received.map((e) => e.id)).to.have.members(ids);
    await until(async () => (await outboxStats()).queued === 0, 'an empty outbox');
  });
});
