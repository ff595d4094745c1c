/**
 * `GET /docs/<page>.md`: the widgets' pages in docs/, which the demo's footer links to ("How it works"), as plain
 * text, so that a browser shows the Markdown rather than download it. Anything else under /docs is a 404.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoRoute } from './plugin.ts';

const docs = join(dirname(fileURLToPath(import.meta.url)), '../../docs');
/** One page name, no path: nothing outside docs/ can be asked for. */
const PAGE = /^\/([\w-]+)\.md$/;

const route: DemoRoute = {
  path: '/docs',
  async handle(req, res) {
    const name = PAGE.exec(new URL(req.url ?? '/', 'http://demo').pathname)?.[1];
    const text = name ? await readFile(join(docs, `${name}.md`), 'utf8').catch(() => null) : null;
    if (text === null) {
      res.statusCode = 404;
      res.setHeader('content-type', 'text/plain; charset=utf-8');
      res.end('No such page in docs/.\n');
      return;
    }
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(text);
  },
};

export default route;
