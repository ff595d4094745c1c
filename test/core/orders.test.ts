import { expect } from '@open-wc/testing';
import { listOrders, onOrderRecorded, recordOrder } from '../../src/core/orders.js';
import { testSetup } from '../support/test-setup.js';

describe('orders', () => {
  const kit = testSetup();

  it('records an order once, however often it is recorded', async () => {
    expect(await recordOrder({ orderId: ' A-1 ', total: 59.9, currency: 'eur' })).to.equal(true);
    expect(await recordOrder({ orderId: 'A-1', total: 59.9, currency: 'EUR' })).to.equal(false);
    const orders = await listOrders();
    expect(orders).to.have.length(1);
    expect(orders[0]).to.include({ orderId: 'A-1', total: 59.9, currency: 'EUR' });
    expect(orders[0].recordedAt).to.be.a('number');
  });

  it('refuses an order without an id, with a bad total or a bad currency', async () => {
    const bad = [
      { orderId: '', total: 1, currency: 'EUR' },
      { orderId: 'A', total: -1, currency: 'EUR' },
      { orderId: 'A', total: NaN, currency: 'EUR' },
      { orderId: 'A', total: '5' as unknown as number, currency: 'EUR' },
      { orderId: 'A', total: 1, currency: 'euro' },
      { orderId: 'A', total: 1, currency: undefined as unknown as string },
    ];
    for (const order of bad) {
      let caught: unknown;
      try {
        await recordOrder(order);
      } catch (error) {
        caught = error;
      }
      expect(caught, JSON.stringify(order)).to.be.instanceOf(Error);
    }
    expect(await listOrders()).to.deep.equal([]);
  });

  it('two tabs recording the same order at once record it once', async () => {
    const tab = await kit.openTab();
    const other = await tab.load<typeof import('../../src/core/orders.js')>('/src/core/orders.ts');
    const order = { orderId: 'race', total: 10, currency: 'HUF' };
    const results = await Promise.all([recordOrder(order), other.recordOrder(order), recordOrder(order), other.recordOrder(order)]);
    expect(results.filter(Boolean)).to.have.length(1);
    expect(await listOrders()).to.have.length(1);
  });

  it('this tab and the others hear of a new order, and only of a new one', async () => {
    const tab = await kit.openTab();
    const other = await tab.load<typeof import('../../src/core/orders.js')>('/src/core/orders.ts');
    const heardHere: string[] = [];
    const stop = onOrderRecorded((order) => heardHere.push(order.orderId));
    const heardThere = new Promise<{ orderId: string }>((resolve) => other.onOrderRecorded(resolve));
    await recordOrder({ orderId: 'B-2', total: 5, currency: 'UAH' });
    await recordOrder({ orderId: 'B-2', total: 5, currency: 'UAH' });
    expect(heardHere).to.deep.equal(['B-2']);
    expect(await heardThere).to.include({ orderId: 'B-2', total: 5, currency: 'UAH' });
    stop();
    await recordOrder({ orderId: 'C-3', total: 5, currency: 'UAH' });
    expect(heardHere).to.deep.equal(['B-2']);
  });
});
