import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { onKitEvent, type KitEventRecord } from '../../src/core/events.js';
import { listOrders, recordOrder } from '../../src/core/orders.js';
import '../../src/order/order.js';
import type { RetainOrder } from '../../src/order/order.js';
import { RetainOrderRecordedEvent } from '../../src/order/order.events.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('<retain-order>', () => {
  let warnings: ConsoleWatch;
  let events: RetainOrderRecordedEvent[];
  const listener = (event: RetainOrderRecordedEvent) => events.push(event);
  beforeEach(() => {
    freshDatabase();
    warnings = watchConsole();
    events = [];
    document.addEventListener('retain-order-recorded', listener);
  });
  afterEach(async () => {
    document.removeEventListener('retain-order-recorded', listener);
    await deleteDatabases();
    warnings.stop();
  });

  it('records the order and fires retain-order-recorded once, with its detail', async () => {
    const before = Date.now();
    const el = await fixture<RetainOrder>(
      html`<retain-order instance="thanks" order-id="1001" total="59.90" currency="eur"></retain-order>`,
    );
    expect(await el.recorded).to.equal(true);
    expect(el.hidden).to.equal(true);
    expect(events).to.have.length(1);
    const [event] = events;
    expect(event).to.be.instanceOf(RetainOrderRecordedEvent);
    expect(event.type).to.equal('retain-order-recorded');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail).to.include({ widget: 'order', instance: 'thanks', orderId: '1001', total: 59.9, currency: 'EUR' });
    expect(event.detail.id).to.match(UUID);
    expect(event.detail.timestamp).to.be.within(before, Date.now());
    expect(await listOrders()).to.have.length(1);
  });

  it('a reload of the page (a second element for the same order) records nothing and fires nothing', async () => {
    const first = await fixture<RetainOrder>(html`<retain-order order-id="1002" total="10"></retain-order>`);
    await first.recorded;
    const again = await fixture<RetainOrder>(html`<retain-order order-id="1002" total="10"></retain-order>`);
    expect(await again.recorded).to.equal(false);
    expect(events).to.have.length(1);
    expect(events[0].detail.instance).to.equal('default');
  });

  it('announces the order when the account prompt beside it recorded it a moment before, once a page', async () => {
    // The account prompt records the order too (recordOrder, as here), and may come first: the page's first
    // recording on this device is still announced, by the first <retain-order> and by no other.
    expect(await recordOrder({ orderId: '1010', total: 20, currency: 'EUR' })).to.equal(true);
    const el = await fixture<RetainOrder>(html`<retain-order order-id="1010" total="20" currency="EUR"></retain-order>`);
    expect(await el.recorded).to.equal(true);
    expect(events.map((event) => event.detail.orderId)).to.deep.equal(['1010']);
    const again = await fixture<RetainOrder>(html`<retain-order order-id="1010" total="20" currency="EUR"></retain-order>`);
    expect(await again.recorded).to.equal(false);
    expect(events).to.have.length(1);
    expect(await listOrders()).to.have.length(1);
  });

  it('one IndexedDB transaction records an order however many of the page ask for it', async () => {
    const transaction = IDBDatabase.prototype.transaction;
    let writes = 0;
    IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
      if (String(args[0]) === 'orders' && args[1] === 'readwrite') writes++;
      return transaction.apply(this, args);
    } as IDBDatabase['transaction'];
    try {
      const order = { orderId: '1011', total: 7, currency: 'USD' };
      // The account prompt and <retain-order> at once, then the store's own call.
      const [el, prompt] = await Promise.all([
        fixture<RetainOrder>(html`<retain-order order-id="1011" total="7"></retain-order>`).then((el) => el.recorded),
        recordOrder(order),
      ]);
      // Whichever recorded it, the element announces it: the page recorded the order first.
      expect(el).to.equal(true);
      expect(typeof prompt).to.equal('boolean');
      expect(await recordOrder(order)).to.equal(false);
      expect(writes).to.equal(1);
    } finally {
      IDBDatabase.prototype.transaction = transaction;
    }
    expect(events).to.have.length(1);
  });

  it('hands the event to the delivery path', async () => {
    const records: KitEventRecord[] = [];
    const stop = onKitEvent((record) => records.push(record));
    const el = await fixture<RetainOrder>(html`<retain-order id="confirmation" order-id="1003" total="5" currency="HUF"></retain-order>`);
    await el.recorded;
    stop();
    expect(records.map((r) => r.name)).to.deep.equal(['retain-order-recorded']);
    expect(records[0].detail).to.include({ widget: 'order', instance: 'confirmation', orderId: '1003', total: 5, currency: 'HUF' });
  });

  it('a bad currency: one warning, and the order is recorded in USD', async () => {
    const el = await fixture<RetainOrder>(html`<retain-order order-id="1004" total="20" currency="euros"></retain-order>`);
    expect(await el.recorded).to.equal(true);
    expect(warnings.take()).to.deep.equal([
      'retainkit: <retain-order> currency="euros" is not an ISO 4217 currency code such as EUR; using "USD" instead. <retain-order>',
    ]);
    expect(events[0].detail.currency).to.equal('USD');
    expect((await listOrders())[0].currency).to.equal('USD');
  });

  it('a bad or missing total: one warning, nothing recorded, no event', async () => {
    const bad = await fixture<RetainOrder>(html`<retain-order order-id="1005" total="59,90"></retain-order>`);
    const negative = await fixture<RetainOrder>(html`<retain-order order-id="1006" total="-3"></retain-order>`);
    const missing = await fixture<RetainOrder>(html`<retain-order order-id="1007"></retain-order>`);
    expect(await Promise.all([bad.recorded, negative.recorded, missing.recorded])).to.deep.equal([null, null, null]);
    expect(warnings.take()).to.deep.equal([
      'retainkit: <retain-order> total="59,90" is not a number; nothing was recorded. <retain-order>',
      'retainkit: <retain-order> total="-3" is below the minimum 0; nothing was recorded. <retain-order>',
      'retainkit: <retain-order> total="" is required; nothing was recorded. <retain-order>',
    ]);
    expect(events).to.have.length(0);
    expect(await listOrders()).to.deep.equal([]);
  });

  it('a missing order-id: one warning, nothing recorded', async () => {
    const el = await fixture<RetainOrder>(html`<retain-order total="5"></retain-order>`);
    expect(await el.recorded).to.equal(null);
    expect(warnings.take()).to.deep.equal(['retainkit: <retain-order> order-id="" is required; nothing was recorded. <retain-order>']);
  });

  it('records once with all attributes when a script creates it, appends it and then sets them', async () => {
    const el = document.createElement('retain-order');
    document.body.append(el);
    el.setAttribute('order-id', '1008');
    el.setAttribute('total', '12.5');
    el.setAttribute('currency', 'UAH');
    const event = await oneEvent(el, 'retain-order-recorded');
    expect(event.detail).to.include({ orderId: '1008', total: 12.5, currency: 'UAH' });
    expect(await el.recorded).to.equal(true);
    el.remove();
    expect(events).to.have.length(1);
  });

  it('works when storage does not (in memory, one storage warning)', async () => {
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB');
    Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
    try {
      freshDatabase();
      const el = await fixture<RetainOrder>(html`<retain-order order-id="1009" total="1"></retain-order>`);
      expect(await el.recorded).to.equal(true);
    } finally {
      if (own) Object.defineProperty(window, 'indexedDB', own);
      else Reflect.deleteProperty(window, 'indexedDB');
    }
    expect(events).to.have.length(1);
    expect(warnings.take()).to.have.length(1);
  });
});
