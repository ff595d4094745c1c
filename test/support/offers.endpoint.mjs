// Stand-in for a store's next-order offer endpoint (`offer-src` of <retain-next-order-offer>). What it received is
// kept per `key` (each test its own, so engines tested side by side never read each other's).
//
//   POST /test-api/next-offer?key=K               answers { code: 'STORE-<order>', expiresAt: now + 3 days, minimum: 25 },
//                                                 the same code for the same order id (as a store's should)
//        &expires=MS                              expiresAt = now + MS instead
//        &refuse=1                                refuses: { code: null }
//        &empty=1                                 refuses: 204 without a body
//        &fail=N                                  the first N requests of this key answer 500
//        &hang=1                                  answers only when the client gives up (or after 20 s)
//        &bad=1                                   answers a code with spaces (an answer the offer cannot use)
//   GET  /test-api/next-offer/received?key=K      → the bodies received, in order
import { readBody } from './endpoints.mjs';

const received = new Map();
const failures = new Map();

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

export default async function nextOffer(ctx, next) {
  if (!ctx.path.startsWith('/test-api/next-offer')) return next();
  const key = ctx.query.key ?? 'default';
  if (ctx.method === 'GET' && ctx.path === '/test-api/next-offer/received') return json(ctx, 200, received.get(key) ?? []);
  if (ctx.method !== 'POST' || ctx.path !== '/test-api/next-offer') return next();
  let body;
  try {
    body = JSON.parse(await readBody(ctx.req));
  } catch {
    body = null;
  }
  if (!received.has(key)) received.set(key, []);
  received.get(key).push(body);
  const failed = failures.get(key) ?? 0;
  if (failed < Number(ctx.query.fail ?? 0)) {
    failures.set(key, failed + 1);
    return json(ctx, 500, { error: 'failed on purpose' });
  }
  if (ctx.query.hang) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      ctx.res.on('close', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    ctx.status = 504;
    return;
  }
  if (ctx.query.empty) {
    ctx.status = 204;
    return;
  }
  if (ctx.query.refuse) return json(ctx, 200, { code: null });
  if (ctx.query.bad) return json(ctx, 200, { code: 'NOT A CODE' });
  const expires = Number(ctx.query.expires ?? 3 * 86_400_000);
  json(ctx, 200, { code: `STORE-${body?.orderId}`, expiresAt: Date.now() + expires, minimum: 25 });
}
