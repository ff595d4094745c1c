// Stand-in for a store's survey endpoint (`action` of <retain-survey>). Keeps what it received per `key`.
//
//   POST /test-api/survey?key=K             → 204; the JSON body is kept
//        &fail=N                            the first N requests of this key answer 500
//   GET  /test-api/survey/received?key=K    → [{ contentType, body }] in the order received
import { readBody } from './endpoints.mjs';

const received = new Map();
const failures = new Map();

export default async function survey(ctx, next) {
  if (!ctx.path.startsWith('/test-api/survey')) return next();
  const key = ctx.query.key ?? 'default';
  if (ctx.method === 'GET' && ctx.path === '/test-api/survey/received') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(received.get(key) ?? []);
    return;
  }
  if (ctx.method !== 'POST' || ctx.path !== '/test-api/survey') return next();
  const raw = await readBody(ctx.req);
  const failed = failures.get(key) ?? 0;
  if (failed < Number(ctx.query.fail ?? 0)) {
    failures.set(key, failed + 1);
    ctx.status = 500;
    return;
  }
  if (!received.has(key)) received.set(key, []);
  received.get(key).push({ contentType: (ctx.get('content-type') || '').split(';')[0].trim(), body: JSON.parse(raw) });
  ctx.status = 204;
}
