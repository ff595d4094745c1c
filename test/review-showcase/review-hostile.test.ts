/**
 * A corpus of hostile reviews must render inert: no script runs, no unsafe URL reaches the DOM, markup
 * shows as text, and odd text (long words, bidi overrides, Zalgo, emoji) stays tidy inside its card.
 * Inline JSON is tested in an iframe, parsed by the real HTML parser as a store's page would be.
 */
import { aTimeout, expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { waitUntil } from '../support/wait.js';

/** Opening a fresh database can take seconds on a loaded CI machine; that is not the failure under test. */
const SLOW_MACHINE_MS = 15_000;

declare global {
  interface Window {
    pwned?: unknown[];
  }
}

const LONG_WORD = 'x'.repeat(10_000);
const INJECTIONS = [
  '<script>parent.pwned.push("script")</script>',
  '<img src=x onerror="parent.pwned.push(\'img\')">',
  '"><svg onload="parent.pwned.push(\'svg\')">',
  "'; parent.pwned.push('quote'); '",
  '</script><script>parent.pwned.push("breakout")</script>',
  '<a href="javascript:parent.pwned.push(\'link\')">click</a>',
  '${parent.pwned.push("template")}',
  '<iframe srcdoc="<script>parent.pwned.push(\'iframe\')</script>"></iframe>',
  '<style>*{display:none}</style>',
];

/** The hostile corpus: every field a stranger fills, attacked. */
function corpus() {
  return {
    product: {
      id: 'hostile',
      name: '<b>Product</b>',
      url: 'javascript:parent.pwned.push("product")',
      schemaId: 'https://shop.example/hostile#product',
    },
    all: 'javascript:parent.pwned.push("all")',
    aggregate: { average: 3, count: 500 },
    reviews: [
      ...INJECTIONS.map((payload, i) => ({
        id: `inj${i}`,
        rating: 3,
        title: payload,
        body: `Body ${payload}`,
        author: { name: payload, location: payload },
        reply: { body: payload, author: payload },
        media: [
          { url: 'javascript:parent.pwned.push("media")', alt: payload },
          { url: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="parent.pwned.push(1)"/>', alt: 'data' },
          { url: ' JAVASCRIPT:parent.pwned.push(2)', alt: 'spaced' },
          { url: 'http://evil.example/x.png', alt: 'plain http' },
          { url: '/demo/data/photos/leaves.svg', alt: payload, thumb: 'vbscript:msgbox' },
        ],
        language: '"><script>parent.pwned.push("lang")</script>',
        date: payload,
      })),
      { id: 'long', rating: 2, title: LONG_WORD, body: `${LONG_WORD} ${'word '.repeat(2000)}`, author: { name: LONG_WORD } },
      {
        id: 'bidi',
        rating: 1,
        title: 'Nice \u202Egnp.exe\u202C tea',
        body: 'Mixed עברית and English \u2067isolated\u2069 text',
        author: { name: '\u202Enimda' },
      },
      {
        id: 'zalgo',
        rating: 4,
        title: `Z${'\u0336\u0337\u0338\u0315\u0316\u0317\u0318\u0319'.repeat(30)}algo`,
        body: '😀👍🏽👨‍👩‍👧‍👦🇭🇺 e\u0301 ﷽',
        author: { name: 'مريم' },
      },
    ],
  };
}

const root = (el: Element) => el.shadowRoot!;

/** Everything the shadow root holds that could run or navigate, as findings (empty: inert). */
function unsafe(shadow: ShadowRoot): string[] {
  const findings: string[] = [];
  for (const el of shadow.querySelectorAll('*')) {
    if (['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'STYLE'].includes(el.tagName) && !el.closest('template'))
      findings.push(`element ${el.tagName}`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) findings.push(`handler ${attr.name} on ${el.tagName}`);
      if (['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href'].includes(attr.name)) {
        const url = new URL(attr.value, el.ownerDocument.baseURI);
        const ok = url.protocol === 'https:' || url.origin === el.ownerDocument.defaultView!.location.origin;
        if (!ok) findings.push(`${attr.name}=${attr.value} on ${el.tagName}`);
      }
    }
  }
  return findings;
}

describe('review showcase: hostile reviews render inert', () => {
  let consoleWatch: ConsoleWatch;
  beforeEach(() => {
    window.pwned = [];
    freshDatabase({ openTimeoutMs: SLOW_MACHINE_MS });
    consoleWatch = watchConsole();
  });
  afterEach(async () => {
    document.querySelectorAll('script[data-retain-review-showcase]').forEach((s) => s.remove());
    consoleWatch.stop();
    await deleteDatabases();
  });

  it('given as data: markup shows as text, no handler or unsafe URL reaches the DOM, nothing runs', async () => {
    const el = await fixture<RetainReviewShowcase>(
      html`<retain-review-showcase page-size="20" style="width: 600px" .data=${corpus()}></retain-review-showcase>`,
    );
    await el.updateComplete;
    const shadow = root(el);
    expect(shadow.querySelectorAll('article')).to.have.length(INJECTIONS.length + 3);
    for (const [i, payload] of INJECTIONS.entries()) {
      const card = shadow.querySelector(`article[data-id="inj${i}"]`)!;
      expect(card.querySelector('h3')!.textContent).to.equal(payload);
      expect(card.querySelector('.body')!.textContent).to.equal(`Body ${payload}`);
      expect(card.querySelector('.meta bdi')!.textContent).to.equal(payload);
      // Only the one https:/same-origin photo of five is kept, with the hostile alt as plain text.
      const imgs = [...card.querySelectorAll('img')];
      expect(imgs.map((img) => [img.getAttribute('src'), img.alt])).to.deep.equal([
        [`${location.origin}/demo/data/photos/leaves.svg`, payload],
      ]);
      expect(card.querySelector('h3')!.hasAttribute('lang')).to.equal(false);
    }
    expect(unsafe(shadow)).to.deep.equal([]);
    // "See all" for a partial list would be a link: the unsafe one is dropped.
    expect(shadow.querySelector('a')).to.equal(null);
    // Open every photo: the lightbox only ever shows the safe URL.
    for (const button of shadow.querySelectorAll<HTMLButtonElement>('.photos button')) {
      button.click();
      await el.updateComplete;
      expect(unsafe(shadow)).to.deep.equal([]);
      // Its `close` event comes a task later, and closes the lightbox: waited for, so that it cannot close the next photo.
      const dialog = shadow.querySelector('dialog')!;
      const closed = oneEvent(dialog, 'close');
      dialog.close();
      await closed;
      await el.updateComplete;
    }
    await aTimeout(50);
    expect(window.pwned).to.deep.equal([]);
    // JSON-LD carries the text, escaped so it cannot close its script element.
    const ld = document.querySelector('script[data-retain-review-showcase]')!;
    expect(ld.textContent).not.to.include('</');
    expect(JSON.parse(ld.textContent!).review[4].name).to.equal(INJECTIONS[4]);
    expect(JSON.parse(ld.textContent!)).not.to.have.property('url');
  });

  it('long words, bidi overrides, Zalgo and emoji stay tidy inside their cards', async () => {
    const el = await fixture<RetainReviewShowcase>(
      html`<retain-review-showcase page-size="20" style="display: block; width: 600px" .data=${corpus()}></retain-review-showcase>`,
    );
    await el.updateComplete;
    const shadow = root(el);
    const host = el.getBoundingClientRect();
    for (const id of ['long', 'bidi', 'zalgo']) {
      const card = shadow.querySelector<HTMLElement>(`article[data-id="${id}"]`)!;
      const box = card.getBoundingClientRect();
      expect(box.left, id).to.be.at.least(host.left - 1);
      expect(box.right, id).to.be.at.most(host.right + 1);
      expect(card.scrollWidth, id).to.be.at.most(card.clientWidth + 1);
    }
    // The 10,000-character body is clamped to a few lines, with "read more".
    const long = shadow.querySelector<HTMLElement>('article[data-id="long"]')!;
    expect(long.getBoundingClientRect().height).to.be.lessThan(600);
    expect(long.querySelector('.body')!.classList.contains('clamp')).to.equal(true);
    expect(long.querySelector('[aria-expanded="false"]')!.textContent).to.equal('Read more');
    // Overrides are gone; text direction is isolated per field.
    const bidi = shadow.querySelector('article[data-id="bidi"]')!;
    expect(bidi.textContent).not.to.match(/[\u202A-\u202E\u2066-\u2069]/);
    expect(bidi.querySelector('h3')!.textContent).to.equal('Nice gnp.exe tea');
    expect(bidi.querySelector('h3')!.getAttribute('dir')).to.equal('auto');
    expect(bidi.querySelector('.meta bdi')!.textContent).to.equal('nimda');
    const zalgo = shadow.querySelector('article[data-id="zalgo"]')!;
    expect([...zalgo.querySelector('h3')!.textContent!.normalize('NFD')].filter((c) => /\p{M}/u.test(c)).length).to.equal(4);
    expect(zalgo.querySelector('.body')!.textContent).to.equal('😀👍🏽👨‍👩‍👧‍👦🇭🇺 e\u0301 ﷽');
    expect(getComputedStyle(zalgo).overflow).to.equal('hidden');
    await expect(el).to.be.accessible();
  });
});

describe('review showcase: inline JSON in a real page', () => {
  let frame: HTMLIFrameElement | undefined;
  let db: string;
  beforeEach(() => {
    window.pwned = [];
    db = freshDatabase({ openTimeoutMs: SLOW_MACHINE_MS }).name;
  });
  afterEach(async () => {
    frame?.remove();
    frame = undefined;
    await deleteDatabases();
  });

  /** Loads a store page (HTML source, parsed by the browser) with the widget; returns its window once it upgraded. */
  async function storePage(body: string): Promise<{ win: Window & { warnings: string[] }; el: RetainReviewShowcase }> {
    frame = document.createElement('iframe');
    frame.style.cssText = 'width: 700px; height: 500px';
    // An about:srcdoc frame has no base of its own for module specifiers in WebKit: absolute URLs.
    const origin = location.origin;
    frame.srcdoc = `<!doctype html><html lang="en"><head>
      <script>
        window.warnings = [];
        console.warn = (...args) => {
          const text = args.map(String).join(' ');
          if (!/Lit is in dev mode/.test(text)) window.warnings.push(text);
        };
      </script>
      <script type="module">
        import { useDatabase } from '${origin}/src/core/storage.ts';
        useDatabase(${JSON.stringify(db)}, { openTimeoutMs: ${SLOW_MACHINE_MS} });
        await import('${origin}/src/review-showcase/review-showcase.ts');
      </script>
    </head><body>${body}</body></html>`;
    document.body.append(frame);
    const win = () => frame!.contentWindow as Window & { warnings: string[] };
    await waitUntil(() => win().customElements?.get('retain-review-showcase'), 'the widget loads in the page', { timeout: 8000 });
    const el = win().document.querySelector('retain-review-showcase') as RetainReviewShowcase;
    await el.updateComplete;
    return { win: win(), el };
  }

  it('"</script>" escaped as "<\\/script>" in the JSON shows as text and runs nothing', async () => {
    const data = {
      product: { id: 'p', name: 'P' },
      reviews: [
        {
          id: 'a',
          rating: 5,
          author: 'X',
          title: '</script><script>parent.pwned.push("title")</script>',
          body: '</SCRIPT ><img src=x onerror="parent.pwned.push(\'body\')">',
        },
      ],
    };
    // What a store's template must do: JSON-encode, then escape "</" (JSON allows "\/").
    const json = JSON.stringify(data).replace(/<\//g, '<\\/');
    const { win, el } = await storePage(
      `<retain-review-showcase><script type="application/json">${json}</script></retain-review-showcase>`,
    );
    const card = el.shadowRoot!.querySelector('article')!;
    expect(card.querySelector('h3')!.textContent).to.equal(data.reviews[0].title);
    expect(card.querySelector('.body')!.textContent).to.equal(data.reviews[0].body);
    expect(unsafe(el.shadowRoot!)).to.deep.equal([]);
    await aTimeout(100);
    expect(window.pwned).to.deep.equal([]);
    expect(win.warnings).to.deep.equal([]);
  });

  it('an un-escaped "</script>" ends the JSON early: one warning, the error state, and the widget runs and shows none of it', async () => {
    const body =
      '<retain-review-showcase><script type="application/json">{"product":{"id":"p"},"reviews":[{"id":"a","rating":5,"author":"X","body":"</script><b id="leak">leaked markup</b>"}]}</script></retain-review-showcase>';
    const { win, el } = await storePage(body);
    expect(win.warnings).to.have.length(1);
    expect(win.warnings[0]).to.match(/data=.* is not valid JSON/);
    expect(win.warnings[0]).to.include('<\\/script>');
    expect(el.shadowRoot!.querySelector('.note')!.textContent).to.equal('Reviews could not be loaded.');
    expect(el.shadowRoot!.querySelector('article')).to.equal(null);
    // What the parser made of the rest is light DOM of the element: not slotted, not rendered.
    const leak = win.document.getElementById('leak')!;
    expect(leak.closest('retain-review-showcase')).to.equal(el);
    expect(leak.getClientRects().length).to.equal(0);
    await aTimeout(100);
    expect(window.pwned).to.deep.equal([]);
  });
});
