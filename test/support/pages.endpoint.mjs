// Whole store pages for tests that need one: the loader pasted by a script tag, as a store does, the page's
// own stylesheet, and, when asked, a strict Content-Security-Policy sent as an HTTP header (a policy in a
// <meta> tag cannot say everything a header can, and a store's server sends one this way).
//
//   GET /test-api/page?body=NAME        the page whose body is test/support/pages/NAME.html
//       &css=NAME                       adds the stylesheet test/support/pages/NAME.css (a storefront theme)
//       &style=NAME                     adds test/support/pages/NAME.css inline, in a <style> (a theme's critical CSS,
//                                       applied before any script runs; not under a strict policy)
//       &csp=strict                     script-src 'self'; style-src 'self'; Trusted Types for scripts, with the
//                                       policies lit-html and retainkit allowed (what docs/csp.md asks a store to allow)
//       &csp=lit-only                   the same, with only lit-html allowed
//       &csp=no-policies                the same, with no policy allowed (trusted-types 'none')
//       &db=NAME                        the IndexedDB database the page's kit uses (a test's fresh one)
//
// The page runs test/support/pages/probe.ts before the loader: it records what the page reports (policy
// violations, errors, console warnings) for the test to read.
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const STRICT = "script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
const POLICIES = {
  strict: `${STRICT}; trusted-types lit-html retainkit`,
  'lit-only': `${STRICT}; trusted-types lit-html`,
  'no-policies': `${STRICT}; trusted-types 'none'`,
};
const NAME = /^[a-z0-9-]+$/;

export default async function pages(ctx, next) {
  if (ctx.path !== '/test-api/page') return next();
  const { body = '', css = '', style = '', csp = '' } = ctx.query;
  if (!NAME.test(body) || (css && !NAME.test(css)) || (style && !NAME.test(style)) || (csp && !POLICIES[csp])) {
    ctx.status = 400;
    ctx.body = 'body, css, style or csp is not one of the pages';
    return;
  }
  const content = await readFile(join(here, `${body}.html`), 'utf8');
  const inline = style ? `<style>\n${await readFile(join(here, `${style}.css`), 'utf8')}</style>` : '';
  if (csp) ctx.set('Content-Security-Policy', POLICIES[csp]);
  ctx.set('Cache-Control', 'no-store');
  ctx.type = 'text/html';
  ctx.body = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>retainkit test page: ${body}</title>
    <link rel="stylesheet" href="/test/support/pages/page.css" />
    ${css ? `<link rel="stylesheet" href="/test/support/pages/${css}.css" />` : ''}
    ${inline}
    <script type="module" src="/test/support/pages/probe.ts"></script>
    <script type="module" src="/src/retainkit.ts"></script>
  </head>
  <body>
${content}
  </body>
</html>
`;
}
