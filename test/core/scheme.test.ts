/**
 * The widgets' light and dark looks follow the page (src/core/scheme.ts), in all four widgets: dark only
 * where the page is dark, whatever the operating system prefers, unless `scheme` pins one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../src/account-prompt/account-prompt.js';
import '../../src/loyalty-badge/loyalty-badge.js';
import '../../src/review-showcase/review-showcase.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainAccountPrompt } from '../../src/account-prompt/account-prompt.js';
import type { RetainLoyaltyBadge } from '../../src/loyalty-badge/loyalty-badge.js';
import type { Scheme } from '../../src/core/scheme.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

/** Whether a computed colour is dark (relative luminance under one half). */
function isDark(colour: string): boolean {
  const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((c) => Number(c) / 255);
  const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b) < 0.5;
}

const inside = (el: Element, selector: string) => el.shadowRoot!.querySelector<HTMLElement>(selector);

interface Widget {
  name: string;
  mount(scheme?: string): Promise<HTMLElement>;
  /** Whether the widget shows its dark looks. */
  dark(el: HTMLElement): boolean;
}

let orders = 0;

const WIDGETS: Widget[] = [
  {
    name: 'spin wheel',
    async mount(scheme) {
      const el = await fixture<HTMLElement>(
        html`<retain-spin-wheel scheme=${ifDefined(scheme)}
          ><retain-slice code="A">A</retain-slice><retain-slice code="B">B</retain-slice></retain-spin-wheel
        >`,
      );
      await waitUntil(() => inside(el, '.hub'), 'the wheel did not render');
      return el;
    },
    dark: (el) => isDark(getComputedStyle(inside(el, '.hub')!).backgroundColor),
  },
  {
    name: 'loyalty panel',
    async mount(scheme) {
      const el = await fixture<RetainLoyaltyBadge>(
        html`<retain-loyalty-badge scheme=${ifDefined(scheme)} points="10" open></retain-loyalty-badge>`,
      );
      await el.loaded;
      await waitUntil(() => inside(el, '[part="points"]'), 'the panel did not open');
      return el;
    },
    dark: (el) => isDark(getComputedStyle(inside(el, '.panel')!).backgroundColor),
  },
  {
    name: 'review stars',
    async mount(scheme) {
      const data = {
        product: { id: 'mug', name: 'Mug' },
        reviews: [{ id: 'r1', rating: 5, title: 'Good', body: 'Good mug', author: { name: 'Ann' }, date: '2026-01-01T00:00:00Z' }],
      };
      const el = await fixture<HTMLElement>(
        html`<retain-review-showcase scheme=${ifDefined(scheme)} .data=${data}></retain-review-showcase>`,
      );
      await waitUntil(() => inside(el, '.summary .stars > span'), 'the showcase did not render');
      return el;
    },
    // Light stars on a dark page, dark ones on a light page.
    dark: (el) => !isDark(getComputedStyle(inside(el, '.summary .stars > span')!).color),
  },
  {
    name: 'account prompt (slide-in)',
    async mount(scheme) {
      const el = await fixture<RetainAccountPrompt>(
        html`<retain-account-prompt scheme=${ifDefined(scheme)} order-id=${`S-${++orders}`} variant="slide-in"></retain-account-prompt>`,
      );
      expect(await el.decision).to.equal(true);
      await el.updateComplete;
      return el;
    },
    dark: (el) => isDark(getComputedStyle(inside(el, '[part~="base"]')!).backgroundColor),
  },
];

describe('light and dark looks follow the page', () => {
  let warnings: ConsoleWatch;
  /** A plain element of the page on the system colours: dark exactly when the page is. */
  let canvas: HTMLElement;
  const pageIsDark = () => isDark(getComputedStyle(canvas).backgroundColor);

  beforeEach(() => {
    freshDatabase();
    warnings = watchConsole();
    canvas = document.createElement('div');
    canvas.style.background = 'Canvas';
    document.body.append(canvas);
  });
  afterEach(async () => {
    canvas.remove();
    document.documentElement.style.colorScheme = '';
    await emulateMedia({ colorScheme: 'light' });
    warnings.stop();
    await deleteDatabases();
  });

  // The page's color-scheme (none: a page that never said), and the system's preference.
  const pages: [page: string, system: 'light' | 'dark'][] = [
    ['', 'dark'],
    ['light', 'dark'],
    ['dark', 'light'],
    ['light dark', 'dark'],
    ['light dark', 'light'],
  ];
  for (const widget of WIDGETS) {
    it(`${widget.name}: dark only where the page is dark, whatever the system prefers`, async () => {
      for (const [page, system] of pages) {
        await emulateMedia({ colorScheme: system });
        document.documentElement.style.colorScheme = page;
        const el = await widget.mount();
        expect(widget.dark(el), `color-scheme "${page}" on a ${system} system`).to.equal(pageIsDark());
        el.remove();
      }
      // The page says it in a meta element instead.
      document.documentElement.style.colorScheme = '';
      const meta = Object.assign(document.createElement('meta'), { name: 'color-scheme', content: 'dark' });
      document.head.append(meta);
      try {
        const el = await widget.mount();
        expect(pageIsDark(), '<meta name="color-scheme" content="dark">').to.equal(true);
        expect(widget.dark(el), '<meta name="color-scheme" content="dark">').to.equal(true);
        el.remove();
      } finally {
        meta.remove();
      }
      // Outside Chromium, emulated media reach scripts only, so a system's dark is proved there alone.
      document.documentElement.style.colorScheme = 'dark';
      expect(pageIsDark(), 'a dark page is dark in every engine').to.equal(true);
    });

    it(`${widget.name}: scheme pins light or dark, from the attribute or the property`, async () => {
      document.documentElement.style.colorScheme = 'dark';
      const light = await widget.mount('light');
      expect(widget.dark(light), 'scheme="light" on a dark page').to.equal(false);
      light.remove();
      document.documentElement.style.colorScheme = 'light';
      const dark = await widget.mount('dark');
      expect(widget.dark(dark), 'scheme="dark" on a light page').to.equal(true);
      const set = (await widget.mount()) as HTMLElement & { scheme?: Scheme; updateComplete: Promise<unknown> };
      expect(widget.dark(set)).to.equal(false);
      set.scheme = 'dark';
      await set.updateComplete;
      expect(set.getAttribute('scheme'), 'reflected, for the styles').to.equal('dark');
      expect(widget.dark(set), 'el.scheme = "dark"').to.equal(true);
      expect(warnings.take()).to.deep.equal([]);
    });
  }

  it('a bad scheme: one warning, and the widget follows the page', async () => {
    document.documentElement.style.colorScheme = 'dark';
    const el = await WIDGETS[1].mount('dusk');
    expect(WIDGETS[1].dark(el)).to.equal(true);
    const said = warnings.take();
    expect(said).to.have.length(1);
    expect(said[0]).to.contain('scheme="dusk" is not one of light, dark, auto; using "auto" instead');
  });
});
