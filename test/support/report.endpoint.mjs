// Stand-in for where a store keeps its exports, for <retain-report src="…"> and events-src.
//
// PUT  /test-api/report/file?key=K&name=orders.csv   keeps the body; GET the same URL serves it (text/csv)
// GET  /test-api/report/hang?key=K                   never answers (until the client goes away, or 20 s)
// GET  /test-api/report/requests?key=K               how many requests each path got with that key
import { readBody, whileOpen } from './endpoints.mjs';
const files = new Map();
const requests = new Map();

export default async function reportFiles(ctx, next) {
  if (!ctx.path.startsWith('/test-api/report/')) return next();
  const key = ctx.query.key ?? '';
  if (ctx.path === '/test-api/report/requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(requests.get(key) ?? {});
    return;
  }
  const counted = requests.get(key) ?? {};
  counted[ctx.path] = (counted[ctx.path] ?? 0) + 1;
  requests.set(key, counted);
  if (ctx.path === '/test-api/report/file') {
    const id = `${key}/${ctx.query.name ?? 'orders.csv'}`;
    if (ctx.method === 'PUT') {
      files.set(id, await readBody(ctx.req));
      ctx.status = 204;
      return;
    }
    if (!files.has(id)) {
      ctx.status = 404;
      return;
    }
    ctx.type = 'text/csv';
    ctx.body = files.get(id);
    return;
  }
  if (ctx.path === '/test-api/report/hang') {
    await whileOpen(ctx);
    ctx.status = 504;
    return;
  }
  return next();
}
