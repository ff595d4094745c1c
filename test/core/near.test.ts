/**
 * core/near.ts's `watchSeen`, the "seen" count and event every widget uses. It watches only while its host is in
 * the page and rendered and what it shows is wanted; a host moved in the page is watched again; once the host is
 * taken out it never calls back, though the browser may still deliver entries it queued before `disconnect()` (the
 * spec leaves them queued). A stand-in IntersectionObserver delivers entries here, also to observers already
 * disconnected, as a loaded machine does at random.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { ReactiveElement } from 'lit';
import { watchSeen } from '../../src/core/near.js';

type Callback = (entries: Pick<IntersectionObserverEntry, 'isIntersecting'>[]) => void;

/** A host whose "seen" is wanted while `wanted` is true; `seen` counts its calls and ends the want. */
class SeenHost extends ReactiveElement {
  static override properties = { wanted: { type: Boolean } };
  wanted = true;
  seen = 0;
  constructor() {
    super();
    watchSeen(
      this,
      () => this.wanted,
      () => {
        this.seen++;
        this.wanted = false;
      },
    );
  }
}
customElements.define('near-test-seen-host', SeenHost);

const real = globalThis.IntersectionObserver;
/** Every stand-in observer made, with the elements it was asked to watch. */
let observers: { callback: Callback; observed: Element[]; disconnected: boolean }[] = [];

beforeEach(() => {
  observers = [];
  globalThis.IntersectionObserver = class {
    private readonly made: (typeof observers)[number];
    constructor(callback: Callback) {
      this.made = { callback, observed: [], disconnected: false };
      observers.push(this.made);
    }
    observe(element: Element): void {
      this.made.observed.push(element);
    }
    disconnect(): void {
      this.made.disconnected = true;
    }
  } as unknown as typeof IntersectionObserver;
});
afterEach(() => (globalThis.IntersectionObserver = real));

/** Delivers an entry to every observer made so far, disconnected or not (one may have been queued before). */
function deliver(isIntersecting: boolean): void {
  for (const { callback } of observers) callback([{ isIntersecting }]);
}
const watching = () => observers.filter((observer) => !observer.disconnected).length;

describe('watchSeen', () => {
  it('watches once the host has rendered, and calls back once, when it is first half in view', async () => {
    const host = document.createElement('near-test-seen-host') as SeenHost;
    expect(watching(), 'watched before it was in the page').to.equal(0);
    document.body.append(host);
    await host.updateComplete;
    expect(watching()).to.equal(1);
    expect(observers[0].observed).to.deep.equal([host]);
    deliver(false);
    expect(host.seen).to.equal(0);
    deliver(true);
    deliver(true);
    expect(host.seen).to.equal(1);
    expect(watching(), 'watched after it was seen').to.equal(0);
    host.remove();
  });

  it('never calls back once the host is taken out, even for an entry the browser queued before', async () => {
    const host = await fixture<SeenHost>(html`<near-test-seen-host></near-test-seen-host>`);
    host.remove();
    deliver(true);
    expect(host.seen, 'seen after it was taken out').to.equal(0);
  });

  it('watches a host moved in the page again, and counts it once', async () => {
    const host = await fixture<SeenHost>(html`<near-test-seen-host></near-test-seen-host>`);
    const parent = host.parentElement!;
    host.remove();
    parent.append(host);
    expect(watching(), 'not watched again after the move').to.equal(1);
    deliver(true);
    expect(host.seen).to.equal(1);
    host.remove();
    parent.append(host);
    deliver(true);
    expect(host.seen, 'seen again after a second move').to.equal(1);
  });

  it('watches only while wanted, asked again after each update', async () => {
    const host = await fixture<SeenHost>(html`<near-test-seen-host .wanted=${false}></near-test-seen-host>`);
    expect(watching()).to.equal(0);
    host.wanted = true;
    await host.updateComplete;
    expect(watching()).to.equal(1);
    host.wanted = false;
    deliver(true);
    expect(host.seen, 'seen while no longer wanted').to.equal(0);
    await host.updateComplete;
    expect(watching(), 'still watched once not wanted').to.equal(0);
  });
});
