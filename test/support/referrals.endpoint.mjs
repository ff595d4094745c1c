// Stand-in for a store's referral endpoint (`referral-src` of <retain-referral>). What it received is kept per
// `key` (each test its own, so engines tested side by side never read each other's).
//
//   POST /test-api/referral?key=K               answers { link: 'https://store.example/r/<key>', code: 'ANNA10' }
//        &code-only=1                           answers { code: 'ANNA 10%' } (no link: the page's link-pattern makes it)
//        &refuse=1                              refuses: { link: null, code: null }
//        &empty=1                               refuses: 204 without a body
//        &fail=N                                the first N requests of this key answer 500
//        &hold=1                                answers only once POST /test-api/referral/release?key=K is called
//                                               (or when the client gives up, or after 20 s)
//        &bad=1                                 answers a javascript: link (an answer the widget cannot use)
//   POST /test-api/referral/release?key=K       lets the held requests of K answer
//   GET  /test-api/referral/received?key=K      → the bodies received, in order
import { readBody } from './endpoints.mjs';

const received = new Map();
const failures = new Map();
const held = new Map();

function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

export default async function referral(ctx, next) {
  if (!ctx.path.startsWith('/test-api/referral')) return next();
  const key = ctx.query.key ?? 'default';
  if (ctx.method === 'GET' && ctx.path === '/test-api/referral/received') return json(ctx, 200, received.get(key) ?? []);
  if (ctx.method === 'POST' && ctx.path === '/test-api/referral/release') {
    for (const release of held.get(key) ?? []) release();
    held.delete(key);
    return json(ctx, 200, { released: true });
  }
  if (ctx.method !== 'POST' || ctx.path !== '/test-api/referral') return next();
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
  if (ctx.query.hold) {
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, 20_000);
      const release = () => {
        clearTimeout(timer);
        resolve();
      };
      held.set(key, [...(held.get(key) ?? []), release]);
      ctx.res.on('close', release);
    });
  }
  if (ctx.query.empty) {
    ctx.status = 204;
    return;
  }
  if (ctx.query.refuse) return json(ctx, 200, { link: null, code: null });
  if (ctx.query.bad) return json(ctx, 200, { link: 'javascript:alert(1)', code: 'ANNA10' });
  if (ctx.query['code-only']) return json(ctx, 200, { code: 'ANNA10%' });
  json(ctx, 200, { link: `https://store.example/r/${key}`, code: 'ANNA10' });
}
