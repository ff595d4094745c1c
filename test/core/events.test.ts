import { expect, fixture, html } from '@open-wc/testing';
import { emit, makeDetail, onKitEvent, RetainEvent, type KitEventRecord, type RetainDetail } from '../../src/core/events.js';
import { RetainElement } from '../../src/core/element.js';
import { defineElement } from '../../src/core/define.js';
import { uniqueId } from '../../src/core/ids.js';
import { readCounters } from '../../src/core/counters.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface ProbeDetail extends RetainDetail {
  prize: string;
  email?: string;
}
class RetainProbeEvent extends RetainEvent<ProbeDetail> {
  constructor(detail: ProbeDetail, cancelable = false) {
    super('retain-probe', detail, { cancelable, personal: ['email'] });
  }
}
// Not declared on GlobalEventHandlersEventMap: that map lists the kit's own events (src/core/naming.ts).

class RetainProbe extends RetainElement {
  static override widget = 'probe';
  fire(prize: string) {
    return this.countAndEmit('converted', new RetainProbeEvent(this.detail<ProbeDetail>({ prize })));
  }
}
defineElement('retain-probe', RetainProbe);
defineElement('retain-probe', class extends HTMLElement {}); // a second definition is harmless

describe('events', () => {
  let warnings: ConsoleWatch;
  beforeEach(() => {
    freshDatabase();
    warnings = watchConsole();
  });
  afterEach(async () => {
    await deleteDatabases();
    warnings.stop();
  });

  it('ids are v4 UUIDs, unique, also without crypto.randomUUID (plain http)', () => {
    const ids = new Set(Array.from({ length: 1000 }, uniqueId));
    expect(ids.size).to.equal(1000);
    for (const id of ids) expect(id).to.match(UUID_V4);
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const fallback = new Set(Array.from({ length: 1000 }, uniqueId));
      expect(fallback.size).to.equal(1000);
      for (const id of fallback) expect(id).to.match(UUID_V4);
    } finally {
      Reflect.deleteProperty(crypto, 'randomUUID');
    }
    expect(crypto.randomUUID).to.be.a('function');
  });

  it('a detail carries id, widget, instance and timestamp; a retry keeps its id and time', () => {
    const before = Date.now();
    const detail = makeDetail<ProbeDetail>('spin-wheel', 'a', { prize: '10%' });
    expect(detail).to.include({ widget: 'spin-wheel', instance: 'a', prize: '10%' });
    expect(detail.id).to.match(UUID_V4);
    expect(detail.timestamp).to.be.within(before, Date.now());
    const retried = makeDetail<ProbeDetail>('spin-wheel', 'a', { prize: '10%', id: detail.id, timestamp: 5 });
    expect(retried).to.include({ id: detail.id, timestamp: 5 });
    // The widget and instance are the kit's to say.
    expect(makeDetail<ProbeDetail>('spin-wheel', 'a', { prize: 'x', widget: 'other' } as never).widget).to.equal('spin-wheel');
  });

  it('events bubble out of shadow roots', async () => {
    const host = await fixture(html`<div></div>`);
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    const heard: string[] = [];
    const listener = (event: Event) => heard.push((event as RetainProbeEvent).detail.prize);
    document.addEventListener('retain-probe', listener);
    emit(inner, new RetainProbeEvent(makeDetail<ProbeDetail>('probe', 'x', { prize: 'free shipping' })));
    document.removeEventListener('retain-probe', listener);
    expect(heard).to.deep.equal(['free shipping']);
  });

  it('emit: returns false when a cancelable event is cancelled; delivery gets a record without personal data', () => {
    const records: KitEventRecord[] = [];
    const stop = onKitEvent((record) => records.push(record));
    const target = document.createElement('div');
    target.addEventListener('retain-probe', (event) => event.preventDefault());
    const detail = makeDetail<ProbeDetail>('probe', 'x', { prize: 'p', email: 'shopper@example.com' });
    const event = new RetainProbeEvent(detail, true);
    expect(emit(target, event)).to.equal(false);
    expect(emit(target, new RetainProbeEvent(makeDetail<ProbeDetail>('probe', 'x', { prize: 'q' })))).to.equal(true);
    stop();
    expect(event.detail.email).to.equal('shopper@example.com'); // listeners on the page still see it
    expect(records).to.have.length(2);
    expect(records[0]).to.deep.include({ name: 'retain-probe', cancelled: true });
    expect(records[0].detail).to.deep.equal({ id: detail.id, timestamp: detail.timestamp, widget: 'probe', instance: 'x', prize: 'p' });
    expect(records[1].cancelled).to.equal(false);
  });

  it('onKitEvent replays recent events to a late subscriber, and a throwing subscriber breaks nothing', () => {
    const target = document.createElement('div');
    const detail = makeDetail<ProbeDetail>('probe', 'replay', { prize: 'early' });
    emit(target, new RetainProbeEvent(detail));
    const replayed: KitEventRecord[] = [];
    const stopReplay = onKitEvent((record) => replayed.push(record), { replay: true });
    expect(replayed.some((record) => record.detail.id === detail.id)).to.equal(true);
    const stopBroken = onKitEvent(() => {
      throw new Error('forwarder bug');
    });
    const original = console.error;
    const errors: unknown[] = [];
    console.error = (...args: unknown[]) => errors.push(args);
    try {
      expect(emit(target, new RetainProbeEvent(makeDetail<ProbeDetail>('probe', 'x', { prize: 'late' })))).to.equal(true);
    } finally {
      console.error = original;
      stopReplay();
      stopBroken();
    }
    expect(errors).to.have.length(1);
    expect(replayed.at(-1)!.detail.prize).to.equal('late');
  });

  it('RetainElement: instance from its attribute, else its id, else "default"; countAndEmit counts, then emits once with the counters', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div>
      <retain-probe instance="summer" id="p1"></retain-probe><retain-probe id="p2"></retain-probe><retain-probe></retain-probe>
    </div>`);
    const [summer, byId, plain] = [...wrapper.querySelectorAll('retain-probe')] as RetainProbe[];
    expect([summer.instanceName, byId.instanceName, plain.instanceName]).to.deep.equal(['summer', 'p2', 'default']);
    const heard: RetainProbeEvent[] = [];
    wrapper.addEventListener('retain-probe', (event) => heard.push(event as RetainProbeEvent));
    expect(await summer.fire('10%')).to.equal(true);
    await summer.fire('20%');
    expect(heard).to.have.length(2);
    expect(heard[1].detail).to.include({ widget: 'probe', instance: 'summer', prize: '20%' });
    expect(heard[1].detail.counters).to.deep.equal({ converted: 2 });
    expect(await readCounters('probe', 'summer')).to.deep.equal({ converted: 2 });
    // No event on a programmatic property set.
    summer.instance = 'winter';
    await summer.updateComplete;
    expect(heard).to.have.length(2);
  });
});
