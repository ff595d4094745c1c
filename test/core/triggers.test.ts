import { expect, fixture, html } from '@open-wc/testing';
import { openDB } from 'idb';
import {
  clearCooldown,
  cooldownEnds,
  formatTriggers,
  onCooldownChange,
  pageViews,
  parseTriggers,
  startCooldown,
  watchTriggers,
  type Trigger,
} from '../../src/core/triggers.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { openTab, type Tab } from '../support/tabs.js';

type TriggersModule = typeof import('../../src/core/triggers.js');

/** Resolves with the trigger that fired; `fired` says synchronously whether one has. */
function watch(triggers: Trigger[]): { result: Promise<Trigger>; stop: () => void; fired: () => Trigger[] } {
  const seen: Trigger[] = [];
  let resolve!: (trigger: Trigger) => void;
  const result = new Promise<Trigger>((r) => (resolve = r));
  const stop = watchTriggers(triggers, (trigger) => {
    seen.push(trigger);
    resolve(trigger);
  });
  return { result, stop, fired: () => seen };
}

/** Scrolls the page and tells the watchers at once (the browser's own scroll event comes a frame later). */
function scrollPageTo(y: number): void {
  window.scrollTo(0, y);
  window.dispatchEvent(new Event('scroll'));
}

function mouseOut(init: MouseEventInit): void {
  document.body.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, ...init }));
}

describe('triggers', () => {
  let warnings: ConsoleWatch;
  let db: string;
  let tab: Tab | undefined;
  const cleanups: (() => void)[] = [];
  beforeEach(() => {
    warnings = watchConsole();
    db = freshDatabase().name;
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    tab?.close();
    tab = undefined;
    await deleteDatabases();
    warnings.stop();
  });

  /** Makes the page 5,000 px tall for one test. */
  function tallPage(): void {
    const spacer = document.createElement('div');
    spacer.style.height = '5000px';
    document.body.append(spacer);
    cleanups.push(() => {
      spacer.remove();
      window.scrollTo(0, 0);
    });
  }

  describe('parseTriggers', () => {
    let el: HTMLElement;
    beforeEach(async () => {
      el = await fixture(html`<retain-test></retain-test>`);
    });

    it('reads every kind of trigger', () => {
      expect(parseTriggers(el, 'trigger', 'delay:10s exit-intent scroll:50% page-views:3 page-views-ever:5', [])).to.deep.equal([
        { kind: 'delay', ms: 10_000 },
        { kind: 'exit-intent' },
        { kind: 'scroll', percent: 50 },
        { kind: 'page-views', count: 3, scope: 'session' },
        { kind: 'page-views', count: 5, scope: 'ever' },
      ]);
      expect(parseTriggers(el, 'trigger', '  Delay:500ms   SCROLL:12.5  page-views-session:2 ', [])).to.deep.equal([
        { kind: 'delay', ms: 500 },
        { kind: 'scroll', percent: 12.5 },
        { kind: 'page-views', count: 2, scope: 'session' },
      ]);
    });

    it('gives the fallback silently when missing or empty', () => {
      const fallback: Trigger[] = [{ kind: 'delay', ms: 5000 }];
      expect(parseTriggers(el, 'trigger', null, fallback)).to.equal(fallback);
      expect(parseTriggers(el, 'trigger', ' ', fallback)).to.equal(fallback);
    });

    it('drops bad tokens with one warning that names them and what is used', () => {
      const raw = 'delay:soon exit-intent scroll:150% page-views:0 delay:30d';
      expect(parseTriggers(el, 'trigger', raw, [])).to.deep.equal([{ kind: 'exit-intent' }]);
      expect(parseTriggers(el, 'trigger', raw, [])).to.deep.equal([{ kind: 'exit-intent' }]);
      expect(warnings.take()).to.deep.equal([
        `retainkit: <retain-test> trigger="${raw}" has "delay:soon", "scroll:150%", "page-views:0", "delay:30d", which are not triggers such as delay:10s, exit-intent, scroll:50%, page-views:3 or page-views-ever:5; using "exit-intent" instead. <retain-test>`,
      ]);
    });

    it('falls back, with one warning, when no token is valid', () => {
      const fallback: Trigger[] = [
        { kind: 'delay', ms: 10_000 },
        { kind: 'scroll', percent: 50 },
      ];
      expect(parseTriggers(el, 'trigger', 'whenever', fallback)).to.equal(fallback);
      expect(warnings.take()[0]).to.include('has "whenever", which is not a trigger').and.include('using "delay:10s scroll:50%" instead.');
    });

    it('formatTriggers spells triggers as the attribute does', () => {
      const text = 'delay:1500ms exit-intent scroll:50% page-views:3 page-views-ever:5';
      expect(formatTriggers(parseTriggers(el, 'trigger', text, []))).to.equal(text);
    });
  });

  describe('watchTriggers', () => {
    it('delay: fires once after the delay, then stops', async () => {
      const watcher = watch([{ kind: 'delay', ms: 50 }, { kind: 'exit-intent' }]);
      expect(await watcher.result).to.deep.equal({ kind: 'delay', ms: 50 });
      mouseOut({ clientY: 0 }); // a later trigger finds nothing listening
      expect(watcher.fired()).to.have.length(1);
    });

    it('stop() cancels timers and listeners', async () => {
      const stopped = watch([{ kind: 'delay', ms: 10 }, { kind: 'exit-intent' }]);
      stopped.stop();
      const later = watch([{ kind: 'delay', ms: 60 }]);
      await later.result;
      mouseOut({ clientY: 0 });
      expect(stopped.fired()).to.deep.equal([]);
    });

    it('exit intent on desktop: the pointer leaves the page toward the top', async () => {
      const watcher = watch([{ kind: 'exit-intent' }]);
      mouseOut({ clientY: 400 }); // left through the bottom or a side
      mouseOut({ clientY: 2, relatedTarget: document.documentElement }); // moved onto another element
      expect(watcher.fired()).to.deep.equal([]);
      mouseOut({ clientY: 3 });
      expect(await watcher.result).to.deep.equal({ kind: 'exit-intent' });
    });

    describe('exit intent on touch: a fast scroll up after scrolling down', () => {
      beforeEach(() => {
        tallPage();
      });
      const touch = () => document.body.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'touch', bubbles: true }));

      it('fires on ≥ 100 px up within 300 ms', async () => {
        const watcher = watch([{ kind: 'exit-intent' }]);
        touch();
        scrollPageTo(800);
        scrollPageTo(760); // a small correction
        expect(watcher.fired()).to.deep.equal([]);
        scrollPageTo(690);
        expect(await watcher.result).to.deep.equal({ kind: 'exit-intent' });
      });

      it('not on a slow scroll up', () => {
        let now = 1000;
        const realNow = performance.now;
        performance.now = () => now;
        cleanups.push(() => (performance.now = realNow));
        const watcher = watch([{ kind: 'exit-intent' }]);
        touch();
        scrollPageTo(800);
        now += 350;
        scrollPageTo(650);
        now += 350;
        scrollPageTo(500);
        expect(watcher.fired()).to.deep.equal([]);
        watcher.stop();
      });

      it('not before the shopper has scrolled down some', () => {
        const watcher = watch([{ kind: 'exit-intent' }]);
        touch();
        scrollPageTo(150);
        scrollPageTo(0);
        expect(watcher.fired()).to.deep.equal([]);
        watcher.stop();
      });

      it('not on a desktop (no touch seen, fine pointer)', () => {
        const watcher = watch([{ kind: 'exit-intent' }]);
        document.body.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', bubbles: true }));
        scrollPageTo(800);
        scrollPageTo(500);
        expect(watcher.fired()).to.deep.equal([]);
        watcher.stop();
      });
    });

    it('scroll depth: fires once the share of the scrollable height is reached', async () => {
      tallPage();
      const scrollable = document.documentElement.scrollHeight - window.innerHeight;
      const watcher = watch([{ kind: 'scroll', percent: 50 }]);
      scrollPageTo(Math.floor(scrollable * 0.4));
      await Promise.resolve();
      expect(watcher.fired()).to.deep.equal([]);
      scrollPageTo(Math.ceil(scrollable * 0.55));
      expect(await watcher.result).to.deep.equal({ kind: 'scroll', percent: 50 });
    });

    it('scroll depth: a depth already reached, or a page too short to scroll, fires (never synchronously)', async () => {
      const watcher = watch([{ kind: 'scroll', percent: 90 }]);
      expect(watcher.fired()).to.deep.equal([]);
      expect(await watcher.result).to.deep.equal({ kind: 'scroll', percent: 90 });
    });

    it('starting to watch lays nothing out: the scroll position and depth are first read after a frame', async () => {
      // Reading a scroll position or height lays out a page that changed since its last frame (as a page does
      // at load): the reads are counted until a frame has been drawn.
      const reads: string[] = [];
      const spy = (target: object, name: string) => {
        const own = Object.getOwnPropertyDescriptor(target, name);
        let proto: object | null = target;
        let found: PropertyDescriptor | undefined;
        while (proto && !(found = Object.getOwnPropertyDescriptor(proto, name))) proto = Object.getPrototypeOf(proto);
        Object.defineProperty(target, name, {
          configurable: true,
          get() {
            reads.push(name);
            return found!.get ? found!.get.call(this) : found!.value;
          },
        });
        cleanups.push(() => (own ? Object.defineProperty(target, name, own) : delete (target as Record<string, unknown>)[name]));
      };
      spy(window, 'scrollY');
      spy(Element.prototype, 'scrollHeight');
      let drawn = false;
      requestAnimationFrame(() => (drawn = true));
      const watcher = watch([{ kind: 'exit-intent' }, { kind: 'scroll', percent: 90 }]);
      cleanups.push(watcher.stop);
      await Promise.resolve();
      await Promise.resolve();
      expect(drawn, 'no frame yet').to.equal(false);
      expect(reads, 'reads before a frame').to.deep.equal([]);
      // Read after the frame: this page is too short to scroll, so 90 % is reached.
      expect(await watcher.result).to.deep.equal({ kind: 'scroll', percent: 90 });
      expect(drawn).to.equal(true);
      expect(reads).to.include('scrollHeight');
    });

    it('page views: fires when this page brings the count to N', async () => {
      const once = watch([{ kind: 'page-views', count: 1, scope: 'session' }]);
      expect(await once.result).to.deep.equal({ kind: 'page-views', count: 1, scope: 'session' });
      // A second view is needed for page-views:2: the delay wins.
      const twice = watch([
        { kind: 'page-views', count: 2, scope: 'ever' },
        { kind: 'delay', ms: 100 },
      ]);
      expect(await twice.result).to.deep.equal({ kind: 'delay', ms: 100 });
    });

    it('page views: a second page of the session reaches page-views:2', async () => {
      await pageViews();
      tab = await openTab(db);
      tab.window.sessionStorage.setItem('retainkit:session', sessionStorage.getItem('retainkit:session')!);
      const other = await tab.load<TriggersModule>('/src/core/triggers.ts');
      const fired = await new Promise<Trigger>((resolve) =>
        other.watchTriggers([{ kind: 'page-views', count: 2, scope: 'session' }], resolve),
      );
      expect(fired).to.deep.equal({ kind: 'page-views', count: 2, scope: 'session' });
    });
  });

  describe('pageViews', () => {
    it('counts this page once, per session and ever', async () => {
      expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
      expect(await Promise.all([pageViews(), pageViews()])).to.deep.equal([
        { session: 1, ever: 1 },
        { session: 1, ever: 1 },
      ]);
    });

    it('tells a page of the same session from a page of a new session', async () => {
      await pageViews();
      const session = sessionStorage.getItem('retainkit:session')!;
      expect(session).to.be.a('string').and.not.empty;

      tab = await openTab(db);
      tab.window.sessionStorage.setItem('retainkit:session', session);
      const sameSession = await tab.load<TriggersModule>('/src/core/triggers.ts');
      expect(await sameSession.pageViews()).to.deep.equal({ session: 2, ever: 2 });
      tab.close();

      tab = await openTab(db);
      tab.window.sessionStorage.removeItem('retainkit:session');
      const newSession = await tab.load<TriggersModule>('/src/core/triggers.ts');
      expect(await newSession.pageViews()).to.deep.equal({ session: 1, ever: 3 });
      // This page reads the figures as they are now.
      expect(await pageViews()).to.deep.equal({ session: 2, ever: 3 });
    });

    it('keeps the session in memory when sessionStorage is unavailable', async () => {
      const own = Object.getOwnPropertyDescriptor(window, 'sessionStorage');
      Object.defineProperty(window, 'sessionStorage', {
        configurable: true,
        get() {
          throw new DOMException('The document is sandboxed', 'SecurityError');
        },
      });
      cleanups.push(() => (own ? Object.defineProperty(window, 'sessionStorage', own) : Reflect.deleteProperty(window, 'sessionStorage')));
      expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
      expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
    });

    it('survives a tampered row', async () => {
      const { storage } = await import('../../src/core/storage.js');
      await storage().put('state', { ever: 'lots', sessions: { x: null } }, 'triggers/page-views');
      expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
    });
  });

  describe('cooldowns', () => {
    it('starts once, reports its end, and clears', async () => {
      const before = Date.now();
      expect(await cooldownEnds('spin-wheel/a/spin')).to.equal(null);
      expect(await startCooldown('spin-wheel/a/spin', 30 * 86_400_000)).to.equal(true);
      const endsAt = await cooldownEnds('spin-wheel/a/spin');
      expect(endsAt).to.be.within(before + 30 * 86_400_000, Date.now() + 30 * 86_400_000);
      expect(await startCooldown('spin-wheel/a/spin', 1000)).to.equal(false);
      expect(await cooldownEnds('spin-wheel/a/spin')).to.equal(endsAt);
      expect(await cooldownEnds('spin-wheel/b/spin')).to.equal(null);
      await clearCooldown('spin-wheel/a/spin');
      expect(await cooldownEnds('spin-wheel/a/spin')).to.equal(null);
      expect(await startCooldown('spin-wheel/a/spin', 1000)).to.equal(true);
    });

    it('ends by itself when its time has passed', async () => {
      expect(await startCooldown('k', 60_000)).to.equal(true);
      const realNow = Date.now;
      const later = realNow() + 61_000;
      Date.now = () => later;
      cleanups.push(() => (Date.now = realNow));
      expect(await cooldownEnds('k')).to.equal(null);
      expect(await startCooldown('k', 60_000)).to.equal(true);
      expect(await cooldownEnds('k')).to.equal(later + 60_000);
    });

    it('is kept in IndexedDB (state store)', async () => {
      await startCooldown('account-prompt/o/snooze', 5000);
      const raw = await openDB(db);
      const row = (await raw.get('state', 'cooldown/account-prompt/o/snooze')) as { endsAt: number };
      raw.close();
      expect(row.endsAt).to.equal(await cooldownEnds('account-prompt/o/snooze'));
    });

    it('refuses a negative or non-number duration', async () => {
      for (const ms of [-1, NaN, Infinity]) {
        let caught: unknown;
        try {
          await startCooldown('k', ms);
        } catch (error) {
          caught = error;
        }
        expect(caught).to.be.instanceOf(RangeError);
      }
    });

    it('is atomic across tabs: of 40 concurrent starts in two tabs, one wins', async () => {
      tab = await openTab(db);
      const other = await tab.load<TriggersModule>('/src/core/triggers.ts');
      const starts = Array.from({ length: 20 }, () => [startCooldown('race', 60_000), other.startCooldown('race', 60_000)]).flat();
      const results = await Promise.all(starts);
      expect(results.filter(Boolean)).to.have.length(1);
      expect(await other.cooldownEnds('race')).to.equal(await cooldownEnds('race'));
    });

    it('this tab and the others hear a cooldown start and clear', async () => {
      tab = await openTab(db);
      const other = await tab.load<TriggersModule>('/src/core/triggers.ts');
      const here: [string, number | null][] = [];
      const stop = onCooldownChange((key, endsAt) => here.push([key, endsAt]));
      cleanups.push(stop);
      const there: [string, number | null][] = [];
      const heardTwice = new Promise<void>((resolve) =>
        other.onCooldownChange((key, endsAt) => {
          there.push([key, endsAt]);
          if (there.length === 2) resolve();
        }),
      );
      await startCooldown('spin-wheel/x/spin', 1000);
      const endsAt = (await cooldownEnds('spin-wheel/x/spin'))!;
      await startCooldown('spin-wheel/x/spin', 1000); // already active: no news
      await clearCooldown('spin-wheel/x/spin');
      await clearCooldown('spin-wheel/x/spin'); // nothing to clear: no news
      await heardTwice;
      const expected = [
        ['spin-wheel/x/spin', endsAt],
        ['spin-wheel/x/spin', null],
      ];
      expect(here).to.deep.equal(expected);
      expect(there).to.deep.equal(expected);
    });

    it('works in memory when IndexedDB is missing', async () => {
      const own = Object.getOwnPropertyDescriptor(window, 'indexedDB');
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      cleanups.push(() => (own ? Object.defineProperty(window, 'indexedDB', own) : Reflect.deleteProperty(window, 'indexedDB')));
      freshDatabase();
      expect(await startCooldown('k', 1000)).to.equal(true);
      expect(await startCooldown('k', 1000)).to.equal(false);
      expect(await pageViews()).to.deep.equal({ session: 1, ever: 1 });
      expect(warnings.take()).to.have.length(1);
    });
  });
});
