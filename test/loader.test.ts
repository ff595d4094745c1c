import { expect } from '@open-wc/testing';
import type { KitEventRecord } from '../src/core/events.js';
import type { RetainOrder } from '../src/order/order.js';
import { VERSION } from '../src/version.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { rendered } from './support/pages.js';
import { openTab, type Tab } from './support/tabs.js';
import { waitUntil } from './support/wait.js';

/** Everything a tab reports as going wrong: uncaught errors, rejections, console errors. */
function watchTabErrors(win: Window): string[] {
  const errors: string[] = [];
  win.addEventListener('error', (event) => errors.push(`error: ${event.message}`));
  win.addEventListener('unhandledrejection', (event) => errors.push(`rejection: ${String(event.reason)}`));
  const console = (win as unknown as { console: Console }).console;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map(String).join(' ')}`);
    original(...args);
  };
  return errors;
}

/** Module URLs the tab has fetched. */
function fetched(win: Window): string[] {
  return win.performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname);
}

describe('loader (src/retainkit.ts in a fresh tab)', () => {
  let tab: Tab;
  let errors: string[];
  beforeEach(async () => {
    tab = await openTab(freshDatabase().name);
    errors = watchTabErrors(tab.window);
  });
  afterEach(async () => {
    tab.close();
    await deleteDatabases();
  });

  it('starts with nothing but itself, and defines an element added after load, with its code loaded on demand', async () => {
    expect(tab.window.retainkit).to.equal(undefined);
    await tab.load('/src/retainkit.ts');
    const api = tab.window.retainkit!;
    expect(api.version).to.equal(VERSION);
    const widgetCode = /^\/src\/(api|order|spin-wheel|loyalty-badge|review-showcase|account-prompt|forward)[/.]/;
    expect(fetched(tab.window).filter((path) => widgetCode.test(path))).to.deep.equal([]);
    expect(tab.window.customElements.get('retain-order')).to.equal(undefined);

    // Added later, nested in a container, as a store's script or a SPA would.
    const doc = tab.window.document;
    const container = doc.createElement('section');
    container.innerHTML = '<p><retain-order order-id="L-1" total="9.5" currency="EUR"></retain-order></p>';
    doc.body.append(container);
    await tab.window.customElements.whenDefined('retain-order');
    expect(tab.window.customElements.get('retain-order')).to.be.a('function');
    const order = doc.querySelector('retain-order') as RetainOrder;
    expect(await order.recorded).to.equal(true);
    expect(fetched(tab.window).some((path) => path.startsWith('/src/order/order'))).to.equal(true);
    expect(fetched(tab.window).some((path) => path.startsWith('/src/spin-wheel/'))).to.equal(false);
    expect(errors).to.deep.equal([]);
  });

  it('defines an element that is on the page when it loads', async () => {
    tab.window.document.body.innerHTML = '<retain-order order-id="L-2" total="1"></retain-order>';
    await tab.load('/src/retainkit.ts');
    await tab.window.customElements.whenDefined('retain-order');
    expect(await (tab.window.document.querySelector('retain-order') as RetainOrder).recorded).to.equal(true);
    expect(errors).to.deep.equal([]);
  });

  it('finds the elements in a shadow root the store hands to retainkit.watch: those there and those added later', async () => {
    // A store's own component (a header) that draws its content in its shadow root, where the page's watch does not see.
    const doc = tab.window.document;
    const host = doc.body.appendChild(doc.createElement('store-header'));
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<retain-order order-id="L-4" total="3"></retain-order><retain-loyalty-badge points="120"></retain-loyalty-badge>';
    await tab.load('/src/retainkit.ts');
    await tab.window.retainkit!.watch(shadow);
    await tab.window.customElements.whenDefined('retain-order');
    expect(await (shadow.querySelector('retain-order') as RetainOrder).recorded).to.equal(true);
    // On screen in the shadow root: near, so drawn, with its points.
    const badge = shadow.querySelector('retain-loyalty-badge');
    await waitUntil(() => rendered(badge) && badge!.shadowRoot!.textContent!.includes('120'), 'the badge in the shadow root drawn');

    const later = doc.body.appendChild(doc.createElement('store-footer')).attachShadow({ mode: 'open' });
    await tab.window.retainkit!.watch(later);
    later.innerHTML = '<div><retain-product id="tea-1" name="Sencha" url="/tea-1"></retain-product></div>';
    await tab.window.customElements.whenDefined('retain-product');
    expect(errors).to.deep.equal([]);
  });

  it('says retainkit-ready once its API is there, for a store component that ran first, even after the page loaded', async () => {
    // The component's snippet from docs/install.md, run before the loader, and after the tab's load event (as when a
    // tag manager adds the loader).
    const doc = tab.window.document;
    const shadow = doc.body.appendChild(doc.createElement('store-header')).attachShadow({ mode: 'open' });
    shadow.innerHTML = '<retain-order order-id="L-5" total="4"></retain-order>';
    const loaded = () => tab.window.document.readyState === 'complete';
    await waitUntil(loaded, "the tab's load event");
    const heard: unknown[] = [];
    const watchWidgets = () => {
      heard.push(tab.window.retainkit?.version);
      void tab.window.retainkit?.watch(shadow);
    };
    tab.window.retainkit ? watchWidgets() : tab.window.addEventListener('retainkit-ready', watchWidgets, { once: true });
    await tab.load('/src/retainkit.ts');
    expect(heard).to.deep.equal([VERSION]);
    await tab.window.customElements.whenDefined('retain-order');
    expect(await (shadow.querySelector('retain-order') as RetainOrder).recorded).to.equal(true);
    expect(errors).to.deep.equal([]);
  });

  it('retainkit.watch given no root: one warning each, nothing thrown', async () => {
    await tab.load('/src/retainkit.ts');
    const warnings: string[] = [];
    const console = (tab.window as unknown as { console: Console }).console;
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    await tab.window.retainkit!.watch('store-header' as unknown as ParentNode);
    await tab.window.retainkit!.watch(null as unknown as ParentNode);
    expect(warnings).to.have.length(2);
    expect(warnings[0]).to.match(/^retainkit: watch\(\) takes a shadow root or an element; got "store-header"/);
    expect(errors).to.deep.equal([]);
  });

  it('loaded twice: nothing throws and window.retainkit stays the first copy', async () => {
    await tab.load('/src/retainkit.ts');
    const first = tab.window.retainkit;
    await tab.load('/src/retainkit.ts?v=2');
    // A second module instance, as a second script tag with another URL gives.
    expect(tab.window.performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/src/retainkit.ts?v=2'))).to.equal(
      true,
    );
    expect(tab.window.retainkit).to.equal(first);
    tab.window.document.body.insertAdjacentHTML('beforeend', '<retain-order order-id="L-3" total="2"></retain-order>');
    await tab.window.customElements.whenDefined('retain-order');
    expect(await (tab.window.document.querySelector('retain-order') as RetainOrder).recorded).to.equal(true);
    expect(errors).to.deep.equal([]);
  });

  it('ignores elements that merely share a name with an object property', async () => {
    await tab.load('/src/retainkit.ts');
    const doc = tab.window.document;
    for (const name of ['constructor', 'tostring', 'hasownproperty', 'retain-unknown']) doc.body.append(doc.createElement(name));
    // The observer's callback runs in a microtask; a round trip through the API module lets it run.
    await tab.window.retainkit!.counters();
    expect(errors).to.deep.equal([]);
  });

  it('window.retainkit: on/off hear kit events (recent ones first), counters read the counters', async () => {
    await tab.load('/src/retainkit.ts');
    const api = tab.window.retainkit!;
    const doc = tab.window.document;
    doc.body.insertAdjacentHTML('beforeend', '<retain-order order-id="L-4" total="3" currency="HUF"></retain-order>');
    await tab.window.customElements.whenDefined('retain-order');
    await (doc.querySelector('retain-order') as RetainOrder).recorded;

    const heard: KitEventRecord[] = [];
    const listener = (record: KitEventRecord) => heard.push(record);
    await api.on(listener);
    expect(heard.map((record) => record.name)).to.deep.equal(['retain-order-recorded']);
    expect(heard[0].detail).to.include({ widget: 'order', orderId: 'L-4', total: 3, currency: 'HUF' });
    await api.off(listener);
    doc.body.insertAdjacentHTML('beforeend', '<retain-order order-id="L-5" total="3"></retain-order>');
    await (doc.querySelectorAll('retain-order')[1] as RetainOrder).recorded;
    expect(heard).to.have.length(1);

    const counters = await tab.load<typeof import('../src/core/counters.js')>('/src/core/counters.ts');
    await counters.increment('spin-wheel', 'home', 'seen');
    expect(await api.counters()).to.deep.equal({ 'spin-wheel': { home: { seen: 1 }, '*': { seen: 1 } } });
    expect(await api.counters('spin-wheel', 'home')).to.deep.equal({ seen: 1 });
    expect(errors).to.deep.equal([]);
  });
});
