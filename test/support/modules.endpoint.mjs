// Stand-in for a chunk of the kit on a flaky connection: a module that fails to load the first N times.
//
//   GET /test-api/module.js?key=K&fail=N   the first N requests of this key answer 503; then a module
//                                          `export const loaded = <request number>`
//   GET /test-api/module/requests?key=K    → how many requests this key has had
const requests = new Map();

export default async function flakyModule(ctx, next) {
  const key = ctx.query.key ?? 'default';
  if (ctx.path === '/test-api/module/requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(requests.get(key) ?? 0);
    return;
  }
  if (ctx.path !== '/test-api/module.js') return next();
  const count = (requests.get(key) ?? 0) + 1;
  requests.set(key, count);
  ctx.set('Cache-Control', 'no-store');
  if (count <= Number(ctx.query.fail ?? 0)) {
    ctx.status = 503;
    ctx.body = 'failed on purpose';
    return;
  }
  ctx.type = 'text/javascript';
  ctx.body = `export const loaded = ${count};`;
}
