// Stand-in for a connection that drops one of the kit's own files, on a module graph of the test's own.
//
//   GET  /test-api/fresh/<key>/<path>           what the test server serves at /<path>, under a path of its own: the
//                                               kit's modules that no other test has loaded (Chromium keeps a module,
//                                               loaded or failed, for the test files after too: the page is shared)
//   POST /test-api/fresh/<key>/cut?path=<p>     from now on, under <key>, paths that start with <p> answer 503
const cut = new Set();

export default async function unreachable(ctx, next) {
  const match = /^\/test-api\/fresh\/(\w+)(\/.*)$/.exec(ctx.path);
  if (!match) return next();
  const [, key, path] = match;
  if (path === '/cut') {
    cut.add(`${key}${ctx.query.path}`);
    ctx.status = 204;
    return;
  }
  if ([...cut].some((prefix) => `${key}${path}`.startsWith(prefix))) {
    ctx.set('Cache-Control', 'no-store');
    ctx.status = 503;
    ctx.body = 'unreachable on purpose';
    return;
  }
  ctx.url = ctx.querystring ? `${path}?${ctx.querystring}` : path;
  return next();
}
