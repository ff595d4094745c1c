/**
 * A page of docs/ as the demo serves it ("How it works" in the shop's footer): the Markdown rendered to HTML in a
 * small page with the shop's stylesheet, a link back to the shop and a strict Content-Security-Policy. Plain
 * JavaScript so that Node runs it as is: the dev server's route (docs.route.ts) and the demo's browser tests
 * (test/support/demo-pages.endpoint.mjs) serve docs with this one function.
 *
 * markdown-it renders (CommonMark with GitHub's tables, well kept, used by VS Code), with raw HTML off: a doc's
 * `<script>` or `<img onerror>` is shown as text, never made an element. markdown-it-anchor gives each heading the
 * id GitHub gives it (github-slugger), so `#anchor` and `page.md#anchor` links written for GitHub work here too.
 */
import { readFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { slug } from 'github-slugger';
import MarkdownIt from 'markdown-it';
import anchor from 'markdown-it-anchor';

/** One page name, no path: nothing outside the docs folder can be asked for. */
const PAGE = /^\/([\w-]+)\.md$/;
/**
 * The files outside docs/ that the docs link to (the contributing guide, the integrations' READMEs and their
 * screenshots), served under /docs/project/ so that those links work on the demo too. A list, not a path: nothing
 * else of the project can be asked for.
 */
const PROJECT_FILE = /^(README\.md|CONTRIBUTING\.md|CHANGELOG\.md|integrations\/(gtm|shopify|wordpress)\/(README\.md|docs\/[\w-]+\.png))$/;
const PROJECT = '/project/';
/** A paragraph that is only an HTML comment: the generated tables' markers, which are no text for a reader. */
const COMMENT = /^<!--[\s\S]*-->$/;

/** A table column's alignment as markdown-it writes it (an inline style, which the page's CSP refuses). */
const ALIGN = /^text-align:(left|center|right)$/;

/** Scripts none; styles from the demo's own files only (the page has no inline style); nothing else loads. */
export const DOCS_CSP =
  "default-src 'none'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false }).use(anchor, {
  slugify: (text) => slug(text),
});

/** Escapes text for an HTML text node or a quoted attribute. */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Where the demo serves a file of the project (a path from the project's root), below /docs; null when it does not.
 *
 * @param {string} file such as `docs/survey.md` or `integrations/shopify/README.md`
 */
function servedAt(file) {
  if (/^docs\/[\w-]+\.md$/.test(file)) return `/docs/${file.slice(5)}`;
  return PROJECT_FILE.test(file) ? `/docs${PROJECT}${file}` : null;
}

/**
 * A link or image written for the repository (relative to the file it is in, as GitHub reads it), made relative to
 * the page the demo serves that file at; kept as written when it is absolute, an anchor, or to a file not served.
 *
 * @param {string} target the link's href or the image's src
 * @param {string} file the file the link is in, from the project's root
 */
function servedTarget(target, file) {
  if (/^([a-z][a-z\d+.-]*:|\/|#)/i.test(target)) return target;
  const [path, hash = ''] = target.split(/(?=#)/);
  const to = servedAt(posix.normalize(posix.join(posix.dirname(file), path)));
  const from = servedAt(file);
  return to && from ? `${posix.relative(posix.dirname(from), to)}${hash}` : target;
}

/**
 * @param {string} source a doc's Markdown
 * @param {string} [file] the doc's path from the project's root, which its relative links are written from
 * @returns {{ title: string, body: string }} the first heading's text, and the doc as HTML
 */
export function renderDoc(source, file = 'docs/page.md') {
  const tokens = markdown.parse(source, {});
  const hidden = new Set();
  tokens.forEach((token, i) => {
    const inline = tokens[i + 1];
    if (token.type === 'paragraph_open' && inline?.type === 'inline' && COMMENT.test(inline.content.trim())) {
      for (const at of [i, i + 1, i + 2]) hidden.add(at);
    }
  });
  const shown = tokens.filter((_token, i) => !hidden.has(i));
  for (const token of shown.flatMap((token) => token.children ?? [])) {
    const attribute = token.type === 'link_open' ? 'href' : token.type === 'image' ? 'src' : null;
    if (attribute) token.attrSet(attribute, servedTarget(token.attrGet(attribute), file));
  }
  for (const token of shown) {
    const align = ALIGN.exec(token.attrGet('style') ?? '')?.[1];
    if (!align) continue;
    token.attrs = token.attrs.filter(([name]) => name !== 'style');
    token.attrJoin('class', `align-${align}`);
  }
  const heading = tokens.findIndex((token) => token.type === 'heading_open' && token.tag === 'h1');
  const title = heading >= 0 ? tokens[heading + 1].children.map((child) => child.content).join('') : 'retainkit';
  return { title, body: markdown.renderer.render(shown, markdown.options, {}) };
}

/**
 * @param {string} title the page's title, as text
 * @param {string} body the doc as HTML
 * @param {string} [root] the site's root relative to the page (`../` for /docs/survey.md)
 * @returns {string} the whole page
 */
export function docsPageHtml(title, body, root = '../') {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <title>${escapeHtml(title)} (how it works, Kettlebloom Tea)</title>
    <link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='16' fill='%232f5d46'/%3E%3Cpath d='M16 6C24 11 24 21 16 26 8 21 8 11 16 6Z' fill='%23dfe9c8'/%3E%3C/svg%3E" />
    <link rel="stylesheet" href="${root}demo/shop.css" />
    <link rel="stylesheet" href="${root}demo/docs.css" />
  </head>
  <body class="docs-page">
    <header class="docs-header">
      <a class="docs-back" href="${root}demo/">← Back to the Kettlebloom shop</a>
    </header>
    <main class="docs-body">
${body}    </main>
  </body>
</html>
`;
}

/**
 * The answer to `GET /docs<path>`: a page of docs/, or under /project/ one of the few files outside it that the
 * docs link to (a page, or an image in one).
 *
 * @param {string} path the request's path below /docs, such as `/survey.md` (as sent: still percent-encoded)
 * @param {string} dir the docs folder
 * @returns {Promise<{ status: number, headers: Record<string, string>, body: string | Buffer }>}
 */
export async function docsResponse(path, dir) {
  const name = PAGE.exec(path)?.[1];
  const file = name
    ? `docs/${name}.md`
    : path.startsWith(PROJECT) && PROJECT_FILE.test(path.slice(PROJECT.length))
      ? path.slice(PROJECT.length)
      : null;
  const project = posix.dirname(dir);
  const content = file ? await readFile(posix.join(project, file)).catch(() => null) : null;
  if (content === null) {
    return { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'No such page in docs/.\n' };
  }
  if (file.endsWith('.png')) return { status: 200, headers: { 'content-type': 'image/png' }, body: content };
  const { title, body } = renderDoc(content.toString('utf8'), file);
  // The site's root from the page: `../` from /docs/survey.md, `../../../../` from an integration's README.
  const siteRoot = `${posix.relative(posix.dirname(servedAt(file)), '/')}/`;
  return {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': DOCS_CSP },
    body: docsPageHtml(title, body, siteRoot),
  };
}
