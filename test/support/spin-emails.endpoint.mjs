// Stand-in for a store's mailing-list endpoint (`email-endpoint` of <retain-spin-wheel>): keeps what it
// received per `key` (each test uses its own), so that a test can check the email and its consent arrived.
//
//   POST /test-api/spin-emails?key=K            JSON → 204; with &fail=1 → 500
//   GET  /test-api/spin-emails/received?key=K   → [{ contentType, body }] in the order received
import { readJson } from './endpoints.mjs';

const received = new Map();

export default async function spinEmails(ctx, next) {
  if (!ctx.path.startsWith('/test-api/spin-emails')) return next();
  const key = ctx.query.key ?? 'default';
  if (ctx.method === 'GET' && ctx.path === '/test-api/spin-emails/received') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(received.get(key) ?? []);
    return;
  }
  if (ctx.method !== 'POST' || ctx.path !== '/test-api/spin-emails') return next();
  const body = await readJson(ctx.req);
  if (!received.has(key)) received.set(key, []);
  received.get(key).push({ contentType: (ctx.get('content-type') || '').split(';')[0].trim(), body });
  ctx.status = ctx.query.fail ? 500 : 204;
}
