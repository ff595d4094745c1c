// The demo storefront for the demo's browser tests (test/demo/demo-pages.test.ts): its pages as the dev server serves
// them, and stand-ins for the demo's backend (demo/server/*.route.ts, which only Vite can load).
//
//   GET  /demo/, /demo/<page>.html   the page with its partials expanded (demo/server/partials.mjs), and first in
//                                    its <head> a test hook: with a `retainkit-test-db=NAME` cookie the kit uses
//                                    the database NAME (as test/support/tab.html does), and `window.demoConsole`
//                                    collects the page's console warnings and errors for the test to check; with a
//                                    `retainkit-test-no-kit=1` cookie the page comes without the kit's script tag: the
//                                    page as a shopper sees it before the kit's code arrives
//   GET  /docs/<page>.md             a page of docs/ as the demo's docs route serves it (demo/server/docs-page.mjs)
//   GET  /test-docs/<page>.md        the same for the pages of test/support/docs/ (a doc with raw HTML in it)
//   POST /demo-api/accounts          → 201 {"ok":true,"linked":false,"invited":true}, as the demo's accounts route
//   POST /demo-api/events            → 204 (the forwarded events are not kept)
//   POST /demo-api/survey            → 204 (the survey's answers are not kept)
//   POST /demo-api/spin-outcome      → the "ten" slice with a fresh KB10-XXXXXX code, valid 48 hours: a spin that
//                                    always wins a code the demo's cart takes
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsResponse } from '../../demo/server/docs-page.mjs';
import { expandPartials } from '../../demo/server/partials.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const demo = join(here, '../../demo');
const DOCS = [
  ['/docs', join(here, '../../docs')],
  ['/test-docs', join(here, 'docs')],
];
const PAGE = /^\/demo\/(?:([\w-]+)\.html)?$/;

const HOOK = `<script type="module">
      import { useDatabase } from '/src/core/storage.ts';
      window.demoConsole = [];
      for (const level of ['warn', 'error']) {
        const original = console[level].bind(console);
        console[level] = (...args) => {
          window.demoConsole.push(\`\${level}: \${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ')}\`);
          original(...args);
        };
      }
      const name = /(?:^|; )retainkit-test-db=([^;]+)/.exec(document.cookie)?.[1];
      if (name) useDatabase(decodeURIComponent(name), { openTimeoutMs: 15000 });
    </script>`;

/** The kit's script tag, as a store pastes it (demo/partials/head.html). */
const KIT_SCRIPT = '<script type="module" src="/src/retainkit.ts"></script>';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function drain(req) {
  return new Promise((resolve) => {
    req.on('data', () => {});
    req.on('end', resolve);
    req.on('error', resolve);
  });
}

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

export default async function demoPages(ctx, next) {
  const docs = ctx.method === 'GET' && DOCS.find(([prefix]) => ctx.path.startsWith(`${prefix}/`));
  if (docs) {
    const { status, headers, body } = await docsResponse(ctx.path.slice(docs[0].length), docs[1]);
    ctx.status = status;
    ctx.set(headers);
    ctx.body = body;
    return;
  }
  const page = PAGE.exec(ctx.path);
  if (page && ctx.method === 'GET') {
    let html;
    try {
      html = readFileSync(join(demo, `${page[1] ?? 'index'}.html`), 'utf8');
    } catch {
      return next();
    }
    ctx.type = 'text/html';
    const body = expandPartials(html, join(demo, 'partials')).replace('<head>', `<head>\n    ${HOOK}`);
    const withoutKit = /(?:^|; )retainkit-test-no-kit=1(?:;|$)/.test(ctx.get('cookie'));
    if (withoutKit && !body.includes(KIT_SCRIPT)) throw new Error(`${ctx.path} has no ${KIT_SCRIPT} to leave out`);
    ctx.body = withoutKit ? body.replace(KIT_SCRIPT, '') : body;
    return;
  }
  if (!ctx.path.startsWith('/demo-api/') || ctx.method !== 'POST') return next();
  await drain(ctx.req);
  if (ctx.path === '/demo-api/accounts') return json(ctx, 201, { ok: true, linked: false, invited: true });
  if (ctx.path === '/demo-api/events' || ctx.path === '/demo-api/survey') {
    ctx.status = 204;
    return;
  }
  if (ctx.path === '/demo-api/spin-outcome') {
    const tail = Array.from({ length: 6 }, () => CODE_ALPHABET[Math.floor(Math.random() * CODE_ALPHABET.length)]).join('');
    return json(ctx, 200, { slice: 'ten', code: `KB10-${tail}`, expiresAt: Date.now() + 48 * 3_600_000 });
  }
  return next();
}
