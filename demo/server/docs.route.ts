/**
 * `GET /docs/<page>.md`: the pages of docs/ that the demo's footer links to ("How it works"), rendered to HTML in a
 * small page of the shop (docs-page.mjs), and under /docs/project/ the few files outside docs/ that they link to.
 * Anything else under /docs is a 404.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsResponse } from './docs-page.mjs';
import type { DemoRoute } from './plugin.ts';

const docs = join(dirname(fileURLToPath(import.meta.url)), '../../docs');

const route: DemoRoute = {
  path: '/docs',
  async handle(req, res) {
    // Mounted at /docs: req.url is the rest, as sent (still percent-encoded).
    const { status, headers, body } = await docsResponse(new URL(req.url ?? '/', 'http://demo').pathname, docs);
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    res.end(body);
  },
};

export default route;
