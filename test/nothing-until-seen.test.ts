/**
 * Nothing until seen (DESIGN.md): a widget's code loads and its first render happens when its element
 * comes near the viewport; a popup wheel draws no wheel until it opens; IndexedDB opens only after a
 * frame has drawn the widget, and the in-memory store behind it loads only when it fails; no widget
 * renders more than twice while the page loads, and widgets whose code came together draw their first
 * renders a frame apart. Each page is a fresh tab running the loader, as a store's page does.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { RetainSpinWheel } from '../src/spin-wheel/spin-wheel.js';
import { watchConsole, type ConsoleWatch } from './support/console-guard.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { openTab, type Tab } from './support/tabs.js';
import { fetchedFrom, settle } from './support/tab-loads.js';
import { waitUntil } from './support/wait.js';

const SLICES =
  '<retain-slice code="TEN">10% off</retain-slice><retain-slice code="SHIP">Free shipping</retain-slice><retain-slice type="none">Next time</retain-slice>';
const REVIEWS = JSON.stringify({
  product: { id: 'tea', name: 'Tea' },
  reviews: [1, 2, 3, 4, 5].map((n) => ({ id: `r${n}`, rating: 5, body: `Lovely ${n}`, author: `A${n}`, date: '2026-01-0' + n })),
});

const rendered = (el: Element | null) => (el?.shadowRoot?.childElementCount ?? 0) > 0;

describe('nothing until seen', () => {
  let tab: Tab;
  let console: ConsoleWatch;
  beforeEach(async () => {
    console = watchConsole();
    tab = await openTab(freshDatabase().name);
  });
  afterEach(async () => {
    tab.close();
    await deleteDatabases();
    console.stop();
  });

  it('loads no code for a widget far below the fold, and loads and renders it when it is scrolled near', async () => {
    const doc = tab.window.document;
    doc.body.innerHTML = `<retain-loyalty-badge points="120"></retain-loyalty-badge>
      <div id="spacer" style="height: 400vh"></div>
      <retain-spin-wheel id="below">${SLICES}</retain-spin-wheel>`;
    await tab.load('/src/retainkit.ts');
    // The badge on screen loads and renders: the loader is working.
    await tab.window.customElements.whenDefined('retain-loyalty-badge');
    await waitUntil(() => rendered(doc.querySelector('retain-loyalty-badge')), 'the badge on screen renders');
    await settle(tab.window);
    expect(tab.window.customElements.get('retain-spin-wheel')).to.equal(undefined);
    expect(fetchedFrom(tab.window, 'spin-wheel')).to.deep.equal([]);

    doc.getElementById('below')!.scrollIntoView();
    await tab.window.customElements.whenDefined('retain-spin-wheel');
    await waitUntil(() => doc.getElementById('below')!.shadowRoot?.querySelector('.wheel'), 'the wheel renders once near');
    expect(fetchedFrom(tab.window, 'spin-wheel').length).to.be.greaterThan(0);
  });

  it('does not render a second element of a loaded widget until it is scrolled near', async () => {
    const doc = tab.window.document;
    doc.body.innerHTML = `<retain-loyalty-badge id="top" points="120"></retain-loyalty-badge>
      <div style="height: 400vh"></div>
      <retain-loyalty-badge id="bottom" points="50"></retain-loyalty-badge>`;
    await tab.load('/src/retainkit.ts');
    // Its modules load first, unbundled from the dev server: slow on a loaded machine.
    await waitUntil(() => rendered(doc.getElementById('top')), 'the badge on screen renders', { timeout: 15_000 });
    await settle(tab.window);
    expect(rendered(doc.getElementById('bottom'))).to.equal(false);

    doc.getElementById('bottom')!.scrollIntoView();
    await waitUntil(() => rendered(doc.getElementById('bottom')), 'the badge renders once near');
    expect(doc.getElementById('bottom')!.shadowRoot!.textContent).to.contain('50');
  });

  const WIDGETS = {
    'retain-loyalty-badge': '<retain-loyalty-badge></retain-loyalty-badge>',
    'retain-spin-wheel': `<retain-spin-wheel>${SLICES}</retain-spin-wheel>`,
    'retain-review-showcase': `<retain-review-showcase><script type="application/json">${REVIEWS}</script></retain-review-showcase>`,
    'retain-account-prompt': '<retain-account-prompt order-id="N-1"></retain-account-prompt>',
    'retain-next-order-offer': '<retain-next-order-offer order-id="N-1" codes="NEXT-1"></retain-next-order-offer>',
    'retain-survey': '<retain-survey order-id="N-1"></retain-survey>',
    'retain-referral': '<retain-referral link="https://store.example/?ref=ANNA10" friend-gets="10%"></retain-referral>',
  };
  type Tag = keyof typeof WIDGETS;
  const TAGS = Object.keys(WIDGETS) as Tag[];

  /** Resolves once the widget has read what the device remembers (its public promise of that). */
  async function readState(el: Element): Promise<void> {
    const widget = el as unknown as {
      loaded?: Promise<void>;
      decision?: Promise<boolean>;
      ready?: Promise<boolean>;
      updateComplete: Promise<boolean>;
    };
    await widget.updateComplete;
    await (widget.loaded ?? widget.decision ?? widget.ready);
  }

  /**
   * Watches `tag`'s first element in the tab frame by frame: `drawn` turns true once a frame's callbacks
   * have seen it rendered (that frame then draws it), and `inFrameCallback` is true while any animation-frame
   * callback of the tab runs. The loop's callback is registered a frame ahead, so it runs before any the
   * widget registers for the same frame. (Not "in the task after that frame": a message posted then can lose
   * to the widget's own, as WebKit need not keep the order of messages across channels.)
   */
  function watchFirstFrame(win: Window, tag: string): { drawn: boolean; inFrameCallback: boolean; stop(): void } {
    const request = win.requestAnimationFrame.bind(win);
    const state = {
      drawn: false,
      inFrameCallback: false,
      stop: () => void (win.requestAnimationFrame = request),
    };
    win.requestAnimationFrame = (callback) =>
      request((time) => {
        state.inFrameCallback = true;
        try {
          callback(time);
        } finally {
          state.inFrameCallback = false;
        }
      });
    const frame = () => {
      if (rendered(win.document.querySelector(tag))) state.drawn = true;
      else request(frame);
    };
    request(frame);
    return state;
  }

  for (const tag of TAGS) {
    it(`<${tag}> opens IndexedDB only after a frame has drawn it`, async () => {
      const win = tab.window;
      const doc = win.document;
      let drawnAtOpen: boolean | undefined;
      const frames = watchFirstFrame(win, tag);
      const open = win.indexedDB.open.bind(win.indexedDB);
      win.indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
        drawnAtOpen ??= frames.drawn && !frames.inFrameCallback;
        return open(...args);
      };
      doc.body.innerHTML = WIDGETS[tag];
      await tab.load('/src/retainkit.ts');
      await win.customElements.whenDefined(tag);
      // In stages, each with its own limit, so that a run that stops says where (and whether the tab was
      // hidden, where no frame is drawn): the first render, its frame, then the read of what the device
      // remembers (a visit, a cooldown, orders, a showing), whose modules load unbundled on a busy machine.
      const where = (stage: string) => `${stage} (the tab is ${doc.visibilityState})`;
      await waitUntil(() => rendered(doc.querySelector(tag)), where('the widget renders'));
      await waitUntil(() => frames.drawn, where('a frame draws it'));
      await waitUntil(() => drawnAtOpen !== undefined, where('IndexedDB is opened'));
      frames.stop();
      expect(drawnAtOpen, 'a frame had drawn it, and no frame callback was running, when IndexedDB was opened').to.equal(true);
    });
  }

  it('loads the in-memory store only when IndexedDB fails', async () => {
    const win = tab.window;
    const doc = win.document;
    doc.body.innerHTML = '<retain-loyalty-badge id="works"></retain-loyalty-badge>';
    await tab.load('/src/retainkit.ts');
    await win.customElements.whenDefined('retain-loyalty-badge');
    await readState(doc.getElementById('works')!);
    // The badge has read and written the device's state through IndexedDB: no in-memory store was fetched.
    const { storage } = await tab.load<typeof import('../src/core/storage.js')>('/src/core/storage.ts');
    await storage().get('state', 'nothing-until-seen/probe');
    expect(storage().mode).to.equal('indexeddb');
    expect(fetchedFrom(win, 'core').filter((path) => path.includes('memory-storage'))).to.deep.equal([]);

    // IndexedDB refuses to open (a private mode, a sandbox): the kit fetches its in-memory store and goes on.
    const { useDatabase } = await tab.load<typeof import('../src/core/storage.js')>('/src/core/storage.ts');
    win.indexedDB.open = () => {
      throw new DOMException('refused by the test', 'InvalidStateError');
    };
    const refused = useDatabase('nothing-until-seen-refused');
    await refused.put('state', 'kept', 'nothing-until-seen/probe');
    expect(await refused.get('state', 'nothing-until-seen/probe')).to.equal('kept');
    expect(refused.mode).to.equal('memory');
    expect(fetchedFrom(win, 'core').filter((path) => path.includes('memory-storage'))).to.have.length(1);
  });

  it('renders each widget at most twice while the page loads', async () => {
    const win = tab.window;
    const doc = win.document;
    // All seven, one above the other: one pushed far below by those rendering above it before its code came would
    // wait to be scrolled near (that is tested above), so each is asked for at once.
    doc.body.innerHTML = Object.values(WIDGETS)
      .map((widget) => widget.replace(/^<([\w-]+)/, '<$1 loading="eager"'))
      .join('');
    const renders = new Map<string, number>();
    await tab.load('/src/retainkit.ts');
    // Each class is counted from its definition on; its elements' first render waits at least a frame for
    // the viewport check, so none is missed.
    await Promise.all(
      TAGS.map(async (tag) => {
        await win.customElements.whenDefined(tag);
        const proto = win.customElements.get(tag)!.prototype as { update(changed: unknown): void };
        const update = proto.update;
        proto.update = function (this: Element, changed: unknown) {
          renders.set(this.localName, (renders.get(this.localName) ?? 0) + 1);
          update.call(this, changed);
        };
      }),
    );
    // Every widget's modules, unbundled from the dev server: slow on a loaded machine (as pages.ts's whenRendered).
    await waitUntil(() => TAGS.every((tag) => renders.get(tag)), 'every widget renders', { timeout: 15_000 });
    await Promise.all(TAGS.map((tag) => readState(doc.querySelector(tag)!)));
    await settle(win);
    for (const tag of TAGS) expect(renders.get(tag), `${tag} renders`).to.be.within(1, 2);
  });

  it('draws the first renders of widgets whose code came together a frame apart, not all in one frame', async () => {
    const win = tab.window;
    const doc = win.document;
    const ids = ['a', 'b', 'c', 'd'];
    doc.body.innerHTML = ids.map((id) => `<retain-loyalty-badge id="${id}" points="120"></retain-loyalty-badge>`).join('');
    // The frames the tab has begun, counted from the start of each frame's callbacks.
    let frames = 0;
    let counting = true;
    const tick = () => {
      frames++;
      if (counting) win.requestAnimationFrame(tick);
    };
    win.requestAnimationFrame(tick);
    const firstRenderIn = new Map<string, number>();
    await tab.load('/src/retainkit.ts');
    await win.customElements.whenDefined('retain-loyalty-badge');
    // Their first renders wait at least a frame for the viewport check: none is missed.
    const proto = win.customElements.get('retain-loyalty-badge')!.prototype as { update(changed: unknown): void };
    const update = proto.update;
    proto.update = function (this: Element, changed: unknown) {
      if (!firstRenderIn.has(this.id)) firstRenderIn.set(this.id, frames);
      update.call(this, changed);
    };
    await waitUntil(() => firstRenderIn.size === ids.length, `all four render (the tab is ${doc.visibilityState})`, { timeout: 15_000 });
    counting = false;
    const inFrames = ids.map((id) => firstRenderIn.get(id));
    expect(new Set(inFrames).size, `the frames of their first renders: ${inFrames.join(', ')}`).to.equal(ids.length);
  });

  it('renders a popup wheel at most twice while the page loads, its launcher in the first render', async () => {
    const win = tab.window;
    const doc = win.document;
    doc.body.innerHTML = `<retain-spin-wheel mode="popup" launcher>${SLICES}</retain-spin-wheel>`;
    const drawn: boolean[] = [];
    await tab.load('/src/retainkit.ts');
    await win.customElements.whenDefined('retain-spin-wheel');
    const proto = win.customElements.get('retain-spin-wheel')!.prototype as { update(changed: unknown): void };
    const update = proto.update;
    proto.update = function (this: Element, changed: unknown) {
      update.call(this, changed);
      drawn.push(!!this.shadowRoot?.querySelector('[part~=launcher]'));
    };
    const wheel = doc.querySelector('retain-spin-wheel')!;
    await waitUntil(() => drawn.length, 'the wheel renders', { timeout: 15_000 });
    await readState(wheel);
    await settle(win);
    // Not an empty render first and the launcher once the popup's code came, nor again for its own reflected attributes.
    expect(drawn[0], 'the launcher in the first render').to.equal(true);
    expect(drawn.length, 'renders').to.be.within(1, 2);
  });
});

describe('nothing until seen: a popup wheel', () => {
  let console: ConsoleWatch;
  beforeEach(() => {
    console = watchConsole();
    freshDatabase();
  });
  afterEach(async () => {
    await deleteDatabases();
    console.stop();
  });

  it('renders its launcher but no wheel until it opens; the open dialog is named at once and draws its wheel after', async () => {
    const el = await fixture<RetainSpinWheel>(html`<retain-spin-wheel mode="popup" launcher>
      <retain-slice code="TEN">10% off</retain-slice><retain-slice code="SHIP">Free shipping</retain-slice>
    </retain-spin-wheel>`);
    await import('../src/spin-wheel/spin-wheel.js');
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=launcher]'), 'the launcher');
    const launcher = el.shadowRoot!.querySelector<HTMLButtonElement>('[part~=launcher]')!;
    const dialog = el.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!;
    expect(el.shadowRoot!.querySelector('.wheel')).to.equal(null);
    expect(el.shadowRoot!.querySelector('[part~=spin-button]')).to.equal(null);

    // Reaching for the launcher loads a spin's code, and draws nothing: the wheel is drawn when it opens.
    launcher.focus();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.wheel')).to.equal(null);

    launcher.click();
    await waitUntil(() => dialog.open, 'the dialog opens');
    // Named by its heading from the moment it opens, focus in it.
    expect(el.shadowRoot!.getElementById(dialog.getAttribute('aria-labelledby')!)!.textContent!.trim()).to.not.equal('');
    expect(dialog.contains(el.shadowRoot!.activeElement)).to.equal(true);
    await waitUntil(() => el.shadowRoot!.querySelector('[part~=wheel] path'), 'the wheel is drawn into the open dialog');
    await waitUntil(() => el.shadowRoot!.activeElement?.matches('[part~=spin-button]'), 'focus moves to the spin button');
    el.hide();
  });
});
