/**
 * `POST /demo-api/spin-outcome`: the demo store decides a spin of `<retain-spin-wheel outcome-src>`, as a
 * store's backend would: it knows its own odds (by slice name), draws on the server and issues a fresh,
 * single-use code for the prize, valid 48 hours. The wheel sends `{ instance, slices: [{ index, name, label,
 * type }] }` and lands on the slice answered: `{ slice, code, expiresAt }`.
 *
 * Codes live in this server's memory only. To see the wheel keep the spin when the store fails, add
 * `?fail=1` to the page's `outcome-src` (503), or `?slow=1` (answers after 12 s: past the wheel's timeout).
 */
import { randomInt } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { DemoRoute } from './plugin.ts';

/** The demo store's odds, by the `name` of the wheel's slices; a slice it does not know is not drawn. */
const ODDS: Record<string, number> = { ten: 3, ship: 2, tin: 1, none: 4 };
const PREFIX: Record<string, string> = { ten: 'KB10', ship: 'KBSHIP', tin: 'KBTIN' };
const VALID_MS = 48 * 3_600_000;
const BODY_LIMIT = 16 * 1024;
const issued = new Set<string>();

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > BODY_LIMIT) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(text));
    req.on('error', reject);
  });
}

function freshCode(prefix: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  let code: string;
  do code = `${prefix}-${Array.from({ length: 6 }, () => alphabet[randomInt(alphabet.length)]).join('')}`;
  while (issued.has(code));
  issued.add(code);
  return code;
}

const route: DemoRoute = {
  path: '/demo-api/spin-outcome',
  async handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://demo.local');
    const send = (status: number, body: unknown) => {
      res.statusCode = status;
      res.setHeader('content-type', 'application/json');
      res.setHeader('cache-control', 'no-store');
      res.end(JSON.stringify(body));
    };
    if (req.method !== 'POST') return send(405, { error: 'POST only' });
    let slices: { index: number; name: string | null; type: string }[];
    try {
      slices = (JSON.parse(await readBody(req)) as { slices: typeof slices }).slices;
      if (!Array.isArray(slices)) throw new Error('no slices');
    } catch {
      return send(400, { error: 'expected { slices: [...] }' });
    }
    if (url.searchParams.has('fail')) return send(503, { error: 'the demo store is failing on purpose' });
    if (url.searchParams.has('slow')) await new Promise((resolve) => setTimeout(resolve, 12_000));
    const known = slices.filter((slice) => slice.name !== null && ODDS[slice.name] > 0);
    if (!known.length) return send(422, { error: `no slice named ${Object.keys(ODDS).join(', ')}` });
    const total = known.reduce((sum, slice) => sum + ODDS[slice.name!], 0);
    let point = randomInt(total);
    const chosen = known.find((slice) => (point -= ODDS[slice.name!]) < 0)!;
    if (chosen.type === 'none') return send(200, { slice: chosen.name });
    send(200, { slice: chosen.name, code: freshCode(PREFIX[chosen.name!] ?? 'KB'), expiresAt: Date.now() + VALID_MS });
  },
};

export default route;
