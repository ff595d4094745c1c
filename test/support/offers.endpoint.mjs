// Stand-in for a store's next-order offer endpoint (`offer-src` of <retain-next-order-offer>), with what every
// stand-in endpoint does (`standInEndpoint` in endpoints.mjs: the bodies received per key, &fail=N, &hang=1,
// &hold=1, &empty=1, GET /test-api/next-offer/received?key=K).
//
//   POST /test-api/next-offer?key=K               answers { code: 'STORE-<order>', expiresAt: now + 3 days, minimum: 25 },
//                                                 the same code for the same order id (as a store's should)
//        &expires=MS                              expiresAt = now + MS instead
//        &refuse=1                                refuses: { code: null }
//        &bad=1                                   answers a code with spaces (an answer the offer cannot use)
import { json, standInEndpoint } from './endpoints.mjs';

export default standInEndpoint('/test-api/next-offer', (ctx, body) => {
  if (ctx.query.refuse) return json(ctx, 200, { code: null });
  if (ctx.query.bad) return json(ctx, 200, { code: 'NOT A CODE' });
  const expires = Number(ctx.query.expires ?? 3 * 86_400_000);
  json(ctx, 200, { code: `STORE-${body?.orderId}`, expiresAt: Date.now() + expires, minimum: 25 });
});
