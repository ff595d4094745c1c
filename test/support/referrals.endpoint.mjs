// Stand-in for a store's referral endpoint (`referral-src` of <retain-referral>), with what every stand-in
// endpoint does (`standInEndpoint` in endpoints.mjs: the bodies received per key, &fail=N, &hang=1, &hold=1 and
// POST /test-api/referral/release?key=K, &empty=1, GET /test-api/referral/received?key=K).
//
//   POST /test-api/referral?key=K               answers { link: 'https://store.example/r/<key>', code: 'ANNA10' }
//        &code-only=1                           answers { code: 'ANNA10%' } (no link: the page's link-pattern makes it)
//        &refuse=1                              refuses: { link: null, code: null }
//        &bad=1                                 answers a javascript: link (an answer the widget cannot use)
import { json, standInEndpoint } from './endpoints.mjs';

export default standInEndpoint('/test-api/referral', (ctx, body, key) => {
  if (ctx.query.refuse) return json(ctx, 200, { link: null, code: null });
  if (ctx.query.bad) return json(ctx, 200, { link: 'javascript:alert(1)', code: 'ANNA10' });
  if (ctx.query['code-only']) return json(ctx, 200, { code: 'ANNA10%' });
  json(ctx, 200, { link: `https://store.example/r/${key}`, code: 'ANNA10' });
});
