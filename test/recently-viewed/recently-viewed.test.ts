/**
 * `<retain-recently-viewed>` and `<retain-product>` through their public surface: attributes and the page's
 * JSON-LD in; the strip, its events and counters, and the `state` row in IndexedDB out. Whole pages (strict
 * CSP, a 320 px phone, nothing until seen) are in recently-viewed-page.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/recently-viewed/product.js';
import '../../src/recently-viewed/recently-viewed.js';
import type { RetainRecentlyViewed } from '../../src/recently-viewed/recently-viewed.js';
import { VIEWS_KEY, type ViewedProduct } from '../../src/recently-viewed/viewed.js';
import { readCounters } from '../../src/core/counters.js';
import { forward, setConsent } from '../../src/core/delivery.js';
import type { KitEventRecord } from '../../src/core/events.js';
import { storage } from '../../src/core/storage.js';
import { dumpDatabase, withoutIndexedDB } from '../support/database.js';
import { waitUntil } from '../support/wait.js';
import { testSetup } from '../support/test-setup.js';

const DAY = 86_400_000;
type Strip = RetainRecentlyViewed;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
const cards = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~=card]')];
const names = (el: Element) => cards(el).map((card) => text(card.querySelector('[part~=name]')));
const focused = (el: Element) => el.shadowRoot!.activeElement;
const absolute = (path: string) => new URL(path, location.href).href;
const stored = async () => ((await storage().get('state', VIEWS_KEY)) as { products: ViewedProduct[] } | undefined)?.products;
const price = (el: Element) => $(el, '[part~=price]')!.textContent!.trim();
const euro = (lang: string, amount: number) => new Intl.NumberFormat(lang, { style: 'currency', currency: 'EUR' }).format(amount);

/** A product page's `<retain-product>`: added, its view recorded (it waits for idle), removed. */
async function view(attributes: Record<string, string>, doc = document): Promise<boolean | null> {
  const el = doc.createElement('retain-product');
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  doc.body.append(el);
  const recorded = await el.recorded;
  el.remove();
  return recorded;
}

const OOLONG = {
  id: 'oolong-100',
  name: 'Milk Oolong',
  url: '/teas/milk-oolong',
  image: '/demo/data/photos/tin-open.svg',
  price: '18.50',
  currency: 'EUR',
};
const SENCHA = { id: 'sencha-50', name: 'Sencha Kabuse', url: '/teas/sencha', price: '9.90', currency: 'EUR' };
const PUERH = { id: 'puerh-100', name: 'Ripe Pu-erh', url: '/teas/puerh' };

async function mount(template: ReturnType<typeof html>): Promise<Strip> {
  const root = await fixture<HTMLElement>(template);
  const el = (root.localName === 'retain-recently-viewed' ? root : root.querySelector('retain-recently-viewed')) as Strip;
  await el.updateComplete;
  await el.loaded;
  await el.updateComplete;
  return el;
}

describe('<retain-recently-viewed>', () => {
  const kit = testSetup();
  const { named } = kit;
  /** The clock before a test moves it (the setup puts it back after each test). */
  const realNow = Date.now;

  describe('showing', () => {
    it('shows the viewed products as a labelled region with a list of links, most recent first, the page’s own product left out', async () => {
      for (const product of [PUERH, OOLONG, SENCHA]) expect(await view(product)).to.equal(true);
      await view(OOLONG); // viewed again: first, and once
      const el = await mount(html`<div>
        <retain-product id="sencha-50" name="Sencha Kabuse"></retain-product>
        <retain-recently-viewed></retain-recently-viewed>
      </div>`);
      const region = $(el, 'section')!;
      const heading = $(el, '#heading')!;
      expect(region.getAttribute('aria-labelledby')).to.equal('heading');
      expect([heading.getAttribute('role'), heading.getAttribute('aria-level'), text(heading)]).to.deep.equal([
        'heading',
        '2',
        'Recently viewed',
      ]);
      expect(region.querySelectorAll('ul > li > a[part~=card]')).to.have.length(2);
      expect(names(el), 'the current product left out').to.deep.equal(['Milk Oolong', 'Ripe Pu-erh']);
      expect(cards(el).map((card) => card.href)).to.deep.equal([absolute('/teas/milk-oolong'), absolute('/teas/puerh')]);
      expect(price(el)).to.equal(euro('en', 18.5));
      expect(cards(el)[1].querySelector('[part~=price]'), 'no price given, none shown').to.equal(null);
      const image = cards(el)[0].querySelector<HTMLImageElement>('[part~=image]')!;
      expect([image.src, image.alt]).to.deep.equal([absolute('/demo/data/photos/tin-open.svg'), '']);
      expect(text(cards(el)[0]), 'the link’s name').to.equal(`Milk Oolong ${euro('en', 18.5)}`);
      await waitUntil(() => named('retain-recently-viewed-shown').length === 1, 'the strip is seen');
      expect(named('retain-recently-viewed-shown')[0].detail).to.include({ widget: 'recently-viewed', instance: 'default' });
      expect(named('retain-recently-viewed-shown')[0].detail).to.deep.include({
        productIds: ['oolong-100', 'puerh-100'],
        counters: { seen: 1 },
      });
      await expect(el).to.be.accessible();
    });

    it('moved in the page before it was seen, it is still counted and announced once it comes into view', async () => {
      await view(OOLONG);
      // Below the fold (drawn a screen ahead, not seen), then moved, as a framework rendering the page again does.
      // An instance of its own: an earlier test's strip may still be counting "seen" for the default one.
      const el = await mount(
        html`<div style="padding-top: 130vh"><retain-recently-viewed instance="moved"></retain-recently-viewed></div>`,
      );
      try {
        expect(names(el)).to.deep.equal(['Milk Oolong']);
        const root = el.parentElement!;
        el.remove();
        root.append(el);
        await new Promise(requestAnimationFrame);
        el.scrollIntoView();
        await waitUntil(() => named('retain-recently-viewed-shown').length === 1, 'the strip is seen');
        expect(named('retain-recently-viewed-shown')[0].detail).to.deep.include({ productIds: ['oolong-100'], counters: { seen: 1 } });
      } finally {
        window.scrollTo(0, 0);
      }
    });

    it('takes no space with nothing to show, and is axe-clean', async () => {
      await view(SENCHA);
      const el = await mount(
        html`<div><retain-product id="sencha-50" name="Sencha Kabuse"></retain-product><retain-recently-viewed></retain-recently-viewed></div>`,
      );
      expect(el.hidden).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expect(el.parentElement!).to.be.accessible();
      expect(kit.records, 'nothing seen, nothing announced').to.deep.equal([]);
    });

    it('is used by keyboard alone: Tab through the cards to "Clear", which says what it did and keeps focus', async () => {
      const handed: KitEventRecord[] = [];
      forward((record) => void handed.push(record), { name: 'recently-viewed' });
      for (const product of [PUERH, SENCHA, OOLONG]) await view(product);
      const root = await fixture<HTMLElement>(html`<div>
        <button id="before">before</button>
        <retain-recently-viewed heading="You looked at"></retain-recently-viewed>
        <button id="after">after</button>
      </div>`);
      const el = root.querySelector('retain-recently-viewed')!;
      await el.loaded;
      expect(text($(el, '#heading'))).to.equal('You looked at');
      root.querySelector<HTMLButtonElement>('#before')!.focus();
      for (const card of cards(el)) {
        await sendKeys({ press: 'Tab' });
        expect(focused(el), text(card)).to.equal(card);
      }
      await sendKeys({ press: 'Tab' });
      const clear = $<HTMLButtonElement>(el, '[part~=clear-button]')!;
      expect(focused(el)).to.equal(clear);
      expect(text(clear)).to.equal('Clear');
      await expect(el).to.be.accessible();

      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === $(el, '[part~=status]'), 'focus moves to what "Clear" did');
      const status = $(el, '[part~=status]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(text(status)).to.equal('Your recently viewed products were cleared from this device.');
      expect(cards(el)).to.have.length(0);
      expect($(el, '[part~=clear-button]')).to.equal(null);
      expect(el.hidden, 'the confirmation stays in view').to.equal(false);
      await expect(el).to.be.accessible();
      expect(await stored(), 'forgotten on the device').to.equal(undefined);
      await waitUntil(() => named('retain-recently-viewed-cleared').length === 1, 'the clearing is announced');
      expect(named('retain-recently-viewed-cleared')[0].detail).to.deep.include({ cleared: 3, counters: { cleared: 1 } });
      await waitUntil(
        () => ['retain-recently-viewed-shown', 'retain-recently-viewed-cleared'].every((name) => handed.some((r) => r.name === name)),
        'both forwarded',
      );

      // A fresh page shows nothing: the list is gone, not only hidden.
      const again = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      expect(again.hidden).to.equal(true);
    });

    it('announces a followed card with its product and position, then counts it', async () => {
      for (const product of [PUERH, OOLONG]) await view(product);
      const el = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      const stay = (event: Event) => event.preventDefault();
      document.addEventListener('click', stay);
      try {
        cards(el)[0].click();
        cards(el)[1].click();
      } finally {
        document.removeEventListener('click', stay);
      }
      const clicked = named('retain-recently-viewed-product-clicked').map((r) => r.detail);
      expect(clicked).to.have.length(2);
      expect(clicked[0]).to.include({
        productId: 'oolong-100',
        name: 'Milk Oolong',
        url: absolute('/teas/milk-oolong'),
        position: 1,
        price: 18.5,
        currency: 'EUR',
      });
      expect(clicked[1]).to.include({ productId: 'puerh-100', position: 2 });
      expect(clicked[1]).to.not.have.property('price');
      await waitUntil(async () => (await readCounters('recently-viewed', 'default')).clicked === 2, 'both counted');
    });

    it('fires no event when code changes its properties', async () => {
      await view(OOLONG);
      const el = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      await waitUntil(() => named('retain-recently-viewed-shown').length === 1);
      el.heading = 'Seen lately';
      await view(SENCHA);
      el.max = '1';
      await el.updateComplete;
      await el.loaded;
      expect(text($(el, '#heading'))).to.equal('Seen lately');
      expect(names(el), 'read again with the new max').to.deep.equal(['Sencha Kabuse']);
      expect(kit.records.map((r) => r.name)).to.deep.equal(['retain-recently-viewed-shown']);
    });
  });

  describe('keeping', () => {
    it('keeps one entry per product, at most `max` of them (12 by default), most recent first', async () => {
      const base = realNow();
      const ids = Array.from({ length: 14 }, (_, i) => `tea-${i}`);
      for (const [i, id] of ids.entries()) {
        Date.now = () => base + i * 1000;
        await view({ id, name: `Tea ${i}` });
      }
      Date.now = () => base + 20_000;
      const byDefault = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      expect(names(byDefault)).to.deep.equal(
        ids
          .slice(2)
          .reverse()
          .map((id) => `Tea ${id.slice(4)}`),
      );
      byDefault.remove();

      const three = await mount(html`<retain-recently-viewed max="3"></retain-recently-viewed>`);
      expect(names(three)).to.deep.equal(['Tea 13', 'Tea 12', 'Tea 11']);
      expect(
        (await stored())!.map((p) => p.id),
        'the device keeps no more than the strip shows',
      ).to.deep.equal(['tea-13', 'tea-12', 'tea-11']);
    });

    it('leaves out and forgets what was viewed longer ago than `max-age` (30 days by default)', async () => {
      const now = realNow();
      for (const [ago, product] of [
        [40 * DAY, { id: 'old', name: 'Forty days ago' }],
        [10 * DAY, { id: 'ten', name: 'Ten days ago' }],
        [1 * DAY, { id: 'one', name: 'Yesterday' }],
      ] as const) {
        Date.now = () => now - ago;
        await view(product);
      }
      Date.now = realNow;
      const month = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      expect(names(month)).to.deep.equal(['Yesterday', 'Ten days ago']);
      expect((await stored())!.map((p) => p.id)).to.deep.equal(['one', 'ten']);
      month.remove();
      const week = await mount(html`<retain-recently-viewed max-age="7d"></retain-recently-viewed>`);
      expect(names(week)).to.deep.equal(['Yesterday']);
      expect((await stored())!.map((p) => p.id)).to.deep.equal(['one']);
    });

    it('stores nothing about the shopper: only the product’s public fields and the time of the view', async () => {
      await view(OOLONG);
      const [row] = (await stored())!;
      expect(row).to.have.keys(['id', 'name', 'url', 'image', 'price', 'currency', 'viewedAt']);
      expect(row).to.include({ id: 'oolong-100', name: 'Milk Oolong', url: absolute('/teas/milk-oolong'), price: 18.5, currency: 'EUR' });
    });
  });

  describe('the page’s product', () => {
    let script: HTMLScriptElement | undefined;
    afterEach(() => script?.remove());

    function jsonLd(value: unknown): void {
      script = document.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = JSON.stringify(value);
      document.head.append(script);
    }

    it('reads the page’s schema.org Product JSON-LD (in @graph, its Offer’s price), records it at idle and leaves it out', async () => {
      await view(OOLONG);
      jsonLd({
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'WebPage', name: 'Sencha Kabuse | Kettlebloom' },
          {
            '@type': ['Product'],
            '@id': 'https://kettlebloom.example/teas/sencha#product',
            sku: 'sencha-50',
            name: 'Sencha Kabuse',
            url: '/teas/sencha',
            image: [{ '@type': 'ImageObject', url: '/demo/data/photos/leaves.svg' }],
            offers: [{ '@type': 'Offer', price: '9.90', priceCurrency: 'eur' }],
          },
        ],
      });
      const el = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      expect(names(el), 'the page’s product left out').to.deep.equal(['Milk Oolong']);
      const sencha = (await stored())!.find((p) => p.id === 'sencha-50');
      expect(sencha).to.deep.include({
        name: 'Sencha Kabuse',
        url: absolute('/teas/sencha'),
        image: absolute('/demo/data/photos/leaves.svg'),
        price: 9.9,
        currency: 'EUR',
      });
    });

    it('<retain-product> without an id records the JSON-LD product; without either it warns once', async () => {
      jsonLd({
        '@context': 'https://schema.org',
        '@type': 'Product',
        name: 'Ripe Pu-erh',
        productID: 'puerh-100',
        offers: { '@type': 'AggregateOffer', lowPrice: 12, priceCurrency: 'EUR' },
      });
      expect(await view({})).to.equal(true);
      expect((await stored())![0]).to.deep.include({ id: 'puerh-100', name: 'Ripe Pu-erh', url: location.href.split('#')[0], price: 12 });
      script!.remove();
      expect(await view({})).to.equal(false);
      expect(kit.warnings.take()).to.satisfy((said: string[]) => said.length === 1 && said[0].includes('no schema.org Product JSON-LD'));
    });

    it('drops a bad link or image of a product with one warning each, and records the product', async () => {
      expect(
        await view({
          id: 'odd',
          name: 'Odd tea',
          url: 'javascript:alert(1)',
          image: 'data:image/svg+xml,<svg/>',
          price: 'free',
          currency: 'EUR',
        }),
      ).to.equal(true);
      jsonLd({ '@type': 'Product', sku: 'shady', name: 'Shady tea', url: 'http://elsewhere.example/tea', image: 'javascript:alert(2)' });
      expect(await view({})).to.equal(true);
      const said = kit.warnings.take();
      expect(said).to.have.length(5);
      for (const part of [
        'url="javascript:alert(1)"',
        'image="data:image/svg+xml',
        'price="free" is not a number',
        'Product url="http://elsewhere.example/tea"',
        'Product image="javascript:alert(2)"',
      ])
        expect(
          said.filter((w) => w.includes(part)),
          part,
        ).to.have.length(1);
      const [shady, odd] = (await stored())!;
      expect(odd).to.deep.equal({ id: 'odd', name: 'Odd tea', url: location.href.split('#')[0], viewedAt: odd.viewedAt });
      expect(shady).to.deep.equal({ id: 'shady', name: 'Shady tea', url: location.href.split('#')[0], viewedAt: shady.viewedAt });

      // The device's row is the shopper's own and anyone can edit it: a link written there is checked again.
      await storage().put(
        'state',
        { products: [{ id: 'evil', name: 'Evil', url: 'javascript:alert(3)', viewedAt: Date.now() }, odd] },
        VIEWS_KEY,
      );
      const el = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      expect(names(el)).to.deep.equal(['Odd tea']);
      expect(kit.warnings.take(), 'a second reading warns no more').to.deep.equal([]);
    });
  });

  describe('robustness', () => {
    it('bad attributes warn once each and fall back safely', async () => {
      await view(OOLONG);
      const el = await mount(
        html`<retain-recently-viewed max="lots" max-age="forever" heading-level="9" scheme="purple"></retain-recently-viewed>`,
      );
      el.requestUpdate();
      await el.updateComplete;
      const said = kit.warnings.take();
      for (const part of ['max="lots"', 'max-age="forever"', 'heading-level="9"', 'scheme="purple"'])
        expect(
          said.filter((w) => w.includes(part)),
          part,
        ).to.have.length(1);
      expect(said).to.have.length(4);
      expect(said.find((w) => w.includes('max-age'))).to.contain('using "30d" instead');
      expect($(el, '#heading')!.getAttribute('aria-level')).to.equal('2');
      expect(names(el)).to.deep.equal(['Milk Oolong']);
    });

    it('a <retain-product> without a name records nothing, with one warning', async () => {
      expect(await view({ id: 'nameless' })).to.equal(false);
      expect(kit.warnings.take()).to.satisfy((said: string[]) => said.length === 1 && said[0].includes('name="" is missing'));
      expect(await stored()).to.equal(undefined);
    });

    it('works without IndexedDB: views kept in memory for the page, one warning', async () => {
      await withoutIndexedDB(async () => {
        await view(OOLONG);
        const el = await mount(
          html`<div><retain-product id="sencha-50" name="Sencha Kabuse"></retain-product><retain-recently-viewed></retain-recently-viewed></div>`,
        );
        expect(names(el)).to.deep.equal(['Milk Oolong']);
        $<HTMLButtonElement>(el, '[part~=clear-button]')!.click();
        await waitUntil(() => text($(el, '[part~=status]')).length > 0, 'cleared');
        await el.parentElement!.querySelector('retain-product')!.recorded;
        const said = kit.warnings.take();
        expect(said).to.have.length(1);
        expect(said[0]).to.contain('IndexedDB is unavailable');
      });
    });

    it('honours consent: under denied nothing reaches IndexedDB, and the page still shows what it viewed', async () => {
      setConsent('denied');
      try {
        await view(OOLONG);
        const el = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
        expect(names(el)).to.deep.equal(['Milk Oolong']);
        await waitUntil(() => named('retain-recently-viewed-shown').length === 1, 'seen');
        const device = await dumpDatabase(kit.db);
        expect(device).to.not.contain('Milk Oolong').and.not.contain('recently-viewed');
      } finally {
        setConsent(undefined);
      }
    });

    it('two tabs: a view recorded in one shows in the other’s strip, and "Clear" there empties this one', async () => {
      const tab = await kit.openTab();
      await tab.load('/src/recently-viewed/recently-viewed.ts');
      await tab.load('/src/recently-viewed/product.ts');
      const there = tab.window.document.createElement('retain-recently-viewed') as Strip;
      tab.window.document.body.append(there);
      await there.loaded;
      expect(there.hidden, 'nothing viewed yet').to.equal(true);

      await view(OOLONG);
      await waitUntil(() => names(there).join() === 'Milk Oolong', 'the other tab shows the view');
      const later = tab.window.document.createElement('retain-recently-viewed') as Strip;
      tab.window.document.body.append(later);
      await later.loaded;
      expect(names(later), 'and its next strip').to.deep.equal(['Milk Oolong']);

      const here = await mount(html`<retain-recently-viewed></retain-recently-viewed>`);
      expect(await view(SENCHA, tab.window.document)).to.equal(true);
      await waitUntil(() => names(here).join() === 'Sencha Kabuse,Milk Oolong', 'a view in the other tab shows here');
      $<HTMLButtonElement>(there, '[part~=clear-button]')!.click();
      await waitUntil(() => names(here).length === 0, 'cleared there, gone here');
    });
  });

  describe('languages and looks', () => {
    it('speaks Russian, Ukrainian and Hungarian, prices through Intl', async () => {
      const expected: Record<string, [string, string, string]> = {
        ru: ['Вы недавно смотрели', 'Очистить', 'Недавно просмотренные товары удалены с этого устройства.'],
        uk: ['Ви нещодавно переглядали', 'Очистити', 'Нещодавно переглянуті товари видалено з цього пристрою.'],
        hu: ['Nemrég megnézted', 'Törlés', 'Törölted erről az eszközről a nemrég megnézett termékeidet.'],
      };
      for (const [lang, [heading, clear, cleared]] of Object.entries(expected)) {
        await view(OOLONG);
        const el = await mount(html`<retain-recently-viewed lang=${lang}></retain-recently-viewed>`);
        expect(text($(el, '#heading'))).to.equal(heading);
        expect($(el, '[part~=base]')!.lang).to.equal(lang);
        expect(price(el)).to.equal(euro(lang, 18.5));
        expect(text($(el, '[part~=clear-button]'))).to.equal(clear);
        $<HTMLButtonElement>(el, '[part~=clear-button]')!.click();
        await waitUntil(() => text($(el, '[part~=status]')) === cleared, `${lang}: cleared`);
        el.remove();
      }
    });

    it('is axe-clean on a dark page, its accent lighter there', async () => {
      await view(OOLONG);
      const el = await mount(
        html`<div style="color-scheme: dark; background: #15171c; color: #e8e8ea; padding: 1rem"><retain-recently-viewed></retain-recently-viewed></div>`,
      );
      if (CSS.supports('color', 'light-dark(#000, #fff)')) {
        expect(getComputedStyle($(el, '[part~=clear-button]')!).color).to.equal('rgb(157, 184, 255)');
      }
      await expect(el).to.be.accessible();
    });
  });
});
