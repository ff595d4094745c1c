// Stand-in for a store's spin-outcome endpoint (`outcome-src` of <retain-spin-wheel>).
//
// POST /test-api/spin-outcome?slice=2            answers { slice: 2, code: 'STORE-…', expiresAt }
// POST /test-api/spin-outcome?name=ship          answers the slice by name instead of index
// POST /test-api/spin-outcome?mode=hang          never answers (until the client gives up, or 20 s)
// POST /test-api/spin-outcome?mode=error         answers 500
// POST /test-api/spin-outcome?mode=bad           answers malformed JSON
// POST /test-api/spin-outcome?mode=nocode        answers a prize slice without a code
// POST /test-api/spin-outcome?expires=1e300      answers that `expiresAt` (a number) instead of an hour from now;
//                                                `expires=2026-06-30`: that text
// GET  /test-api/spin-outcome/last?key=K         the body of the last POST with that `key` (what the wheel sent;
//                                                keyed, so engines tested side by side never read each other's)
import { readJson, whileOpen } from './endpoints.mjs';
let issued = 0;
const last = new Map();

export default async function spinOutcome(ctx, next) {
  if (ctx.path === '/test-api/spin-outcome/last') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(last.get(ctx.query.key ?? '') ?? null);
    return;
  }
  if (ctx.path !== '/test-api/spin-outcome' || ctx.method !== 'POST') return next();
  const body = await readJson(ctx.req);
  last.set(ctx.query.key ?? '', body);
  const mode = ctx.query.mode ?? 'ok';
  if (mode === 'hang') {
    await whileOpen(ctx);
    ctx.status = 504;
    return;
  }
  ctx.type = 'application/json';
  if (mode === 'error') {
    ctx.status = 500;
    ctx.body = JSON.stringify({ error: 'out of prizes' });
    return;
  }
  if (mode === 'bad') {
    ctx.body = '{"slice": 1, "code": ';
    return;
  }
  const slice = ctx.query.name ?? Number(ctx.query.slice ?? 0);
  issued += 1;
  const code = mode === 'nocode' ? undefined : `STORE-${issued}-${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  // A number as a number (`1e300` too), anything else as the text the store would write (`2026-06-30`).
  const expires = ctx.query.expires;
  const expiresAt = expires === undefined ? Date.now() + 3_600_000 : Number.isNaN(Number(expires)) ? expires : Number(expires);
  ctx.body = JSON.stringify({ slice, code, expiresAt });
}
