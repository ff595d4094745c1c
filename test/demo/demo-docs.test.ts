/**
 * The demo's "How it works" pages: docs/ rendered to HTML by the demo's docs route (demo/server/docs-page.mjs, which
 * test/support/demo-pages.endpoint.mjs serves as the dev server does). A store owner following a footer link gets
 * a readable page, never Markdown as text, never a doc's HTML as elements, never a file outside docs/ but the few
 * the docs link to.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../support/wait.js';

let frame: HTMLIFrameElement;

beforeEach(() => {
  frame = document.createElement('iframe');
  frame.title = 'docs page';
  Object.assign(frame.style, { position: 'fixed', inset: '0', width: '100vw', height: '100vh', border: '0' });
  document.body.append(frame);
});

afterEach(() => frame.remove());

/** A docs page in the frame, as a browser shows it (under the page's own CSP). */
async function open(path: string): Promise<Document> {
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  await loaded;
  return frame.contentDocument!;
}

/** A page as text and parsed, without showing it. */
async function get(path: string): Promise<{ response: Response; doc: Document }> {
  const response = await fetch(path);
  const doc = new DOMParser().parseFromString(await response.text(), 'text/html');
  return { response, doc };
}

/** The "How it works" links of the demo's footer, as absolute addresses. */
async function footerDocs(): Promise<URL[]> {
  const { doc } = await get('/demo/');
  const links = [...doc.querySelectorAll<HTMLAnchorElement>('.footer-docs a')];
  return links.map((a) => new URL(a.getAttribute('href')!, new URL('/demo/', location.href)));
}

describe('demo: the docs pages ("How it works")', () => {
  it('renders a widget’s page as HTML: its heading, its tables, the shop’s looks, a way back, a strict CSP', async () => {
    const { response } = await get('/docs/survey.md');
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/^text\/html/);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp, 'no script may run').to.contain("default-src 'none'");
    expect(csp).to.contain("style-src 'self'").and.not.contain('unsafe');

    const doc = await open('/docs/survey.md');
    const heading = doc.querySelector('main h1');
    expect(heading?.textContent).to.equal('Survey: <retain-survey>');
    expect(doc.title).to.contain('Survey: <retain-survey>');
    const table = doc.querySelector('main table');
    expect(table, 'the API tables render as tables').to.exist;
    expect(table!.querySelectorAll('th').length).to.be.at.least(2);
    expect(table!.querySelectorAll('tbody tr').length).to.be.at.least(1);
    expect(doc.body.textContent, 'no Markdown left as text').not.to.match(/^\s*\|\s*-{3,}|^#+ |<!--/m);
    expect(doc.querySelector('[style]'), 'no inline style (the CSP refuses it)').to.equal(null);
    expect(doc.querySelector('script')).to.equal(null);
    // The stylesheets loaded under the page's CSP: the shop's font, the docs' table borders.
    const view = frame.contentWindow!;
    await waitUntil(() => view.getComputedStyle(table!).borderCollapse === 'collapse', 'docs.css did not apply');
    expect(view.getComputedStyle(doc.body).fontFamily).to.contain('system-ui');
    const back = doc.querySelector<HTMLAnchorElement>('a.docs-back')!;
    expect(new URL(back.href).pathname, 'a link back to the shop').to.equal('/demo/');
  });

  it('serves every page the shop’s footer links to, and the docs pages and anchors those pages link to', async () => {
    const pages = await footerDocs();
    expect(pages.length, 'the footer links to the widgets’ pages').to.be.at.least(10);
    const checked = new Map<string, Document>();
    async function page(url: URL): Promise<Document> {
      if (!checked.has(url.pathname)) {
        const { response, doc } = await get(url.pathname);
        expect(response.status, url.pathname).to.equal(200);
        expect(doc.querySelector('main h1'), `${url.pathname} has a heading`).to.exist;
        checked.set(url.pathname, doc);
      }
      return checked.get(url.pathname)!;
    }
    let anchors = 0;
    for (const url of pages) {
      const doc = await page(url);
      for (const link of doc.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
        const target = new URL(link.getAttribute('href')!, url);
        if (target.origin !== location.origin || !target.pathname.startsWith('/docs/')) continue;
        const linked = await page(target);
        if (!target.hash) continue;
        anchors++;
        const id = decodeURIComponent(target.hash.slice(1));
        expect(linked.getElementById(id), `${url.pathname} links to ${target.pathname}${target.hash}, which has no such heading`).to.exist;
      }
    }
    expect(anchors, 'the widgets’ pages link to headings (#reference, forward.md#standard-names)').to.be.at.least(5);
  });

  it('opens the files outside docs/ that the docs link to (the contributing guide, an integration’s README), with their images and their links back', async () => {
    const develop = await open('/docs/develop.md');
    const contributing = [...develop.querySelectorAll<HTMLAnchorElement>('main a[href]')].find((a) => a.textContent === 'CONTRIBUTING.md');
    expect(contributing, 'develop.md links to CONTRIBUTING.md').to.exist;
    const guide = await open(contributing!.href);
    expect(guide.querySelector('main h1')?.textContent, contributing!.href).to.match(/contribut/i);
    const back = [...guide.querySelectorAll<HTMLAnchorElement>('main a[href]')].find((a) => a.getAttribute('href')!.includes('develop.md'));
    expect(new URL(back!.href).pathname, 'the guide’s link to docs/develop.md').to.equal('/docs/develop.md');
    expect(new URL(guide.querySelector<HTMLAnchorElement>('a.docs-back')!.href).pathname, 'a link back to the shop').to.equal('/demo/');

    const install = await open('/docs/install.md');
    const shopify = [...install.querySelectorAll<HTMLAnchorElement>('main a[href]')].find((a) =>
      a.getAttribute('href')!.includes('integrations/shopify'),
    );
    const readme = await open(shopify!.href);
    expect(readme.querySelector('main h1')?.textContent, shopify!.href).to.match(/shopify/i);
    const view = frame.contentWindow!;
    await waitUntil(() => view.getComputedStyle(readme.body).fontFamily.includes('system-ui'), 'the shop’s stylesheet did not apply');
    const image = readme.querySelector<HTMLImageElement>('main img');
    expect(image, 'the README’s screenshot').to.exist;
    await waitUntil(() => image!.complete, 'the screenshot did not load');
    expect(image!.naturalWidth, 'the screenshot loaded').to.be.above(0);
    for (const link of readme.querySelectorAll<HTMLAnchorElement>('main a[href]')) {
      const target = new URL(link.href);
      if (target.origin !== location.origin) continue;
      expect((await fetch(target.pathname)).status, `${link.getAttribute('href')} from the Shopify README`).to.equal(200);
    }
  });

  it('shows a doc’s raw HTML as text: no script, image or frame of it in the page', async () => {
    const doc = await open('/test-docs/raw-html.md');
    const main = doc.querySelector('main')!;
    expect(main.querySelector('h1')?.textContent).to.equal('A doc with raw HTML in it');
    expect(doc.querySelectorAll('script, img, iframe')).to.have.length(0);
    expect(main.textContent).to.contain('<script>window.docScriptRan = true;</script>');
    expect(main.textContent).to.contain('<img src="x" onerror="window.docScriptRan = true">');
    expect((frame.contentWindow as Window & { docScriptRan?: boolean }).docScriptRan).to.equal(undefined);
    expect(main.textContent, 'the generated tables’ markers are not shown').not.to.contain('api:start');
    expect(main.querySelector('table td code')?.textContent).to.equal('lang');
  });

  it('answers 404 to unknown pages and to anything outside docs/ but the files the docs link to', async () => {
    const paths = [
      '/docs/no-such-widget.md',
      '/docs/..%2Fpackage.json',
      '/docs/..%2FREADME.md',
      '/docs/%2e%2e%2fREADME.md',
      '/docs/..%5CREADME.md',
      '/docs/survey.md/extra',
      '/docs/survey',
      '/docs/',
      '/docs/project/package.json',
      '/docs/project/src/retainkit.ts',
      '/docs/project/integrations/shopify/shopify.extension.toml',
      '/docs/project/..%2Fpackage.json',
      '/docs/project/docs/..%2F..%2FREADME.md',
    ];
    for (const path of paths) {
      const response = await fetch(path);
      expect(response.status, path).to.equal(404);
      expect(await response.text(), path).not.to.contain('"name": "retainkit"');
    }
  });
});
