// A store's account-creation endpoint, for the account prompt's tests. Keeps what it received per `key`
// (each test uses its own), so a test can check the body that arrived.
//
//   POST /test-api/accounts?key=K            form (application/x-www-form-urlencoded) → 200 HTML page;
//                                            JSON → 201 {"ok":true}
//        &fail=N                             the first N requests of this key answer 500 {"message": …}
//        &message=TEXT                       the message of those failures (default none)
//   GET  /test-api/accounts/received?key=K   → [{ contentType, body }] in the order received
import { readBody } from './endpoints.mjs';

const received = new Map();
const failures = new Map();

export default async function accounts(ctx, next) {
  if (!ctx.path.startsWith('/test-api/accounts')) return next();
  const key = ctx.query.key ?? 'default';
  if (ctx.method === 'GET' && ctx.path === '/test-api/accounts/received') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(received.get(key) ?? []);
    return;
  }
  if (ctx.method !== 'POST' || ctx.path !== '/test-api/accounts') return next();
  const raw = await readBody(ctx.req);
  const contentType = (ctx.get('content-type') || '').split(';')[0].trim();
  const body = contentType === 'application/json' ? JSON.parse(raw) : Object.fromEntries(new URLSearchParams(raw));
  if (!received.has(key)) received.set(key, []);
  received.get(key).push({ contentType, body });

  const failed = failures.get(key) ?? 0;
  if (failed < Number(ctx.query.fail ?? 0)) {
    failures.set(key, failed + 1);
    ctx.status = 500;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(ctx.query.message ? { message: ctx.query.message } : { error: 'failed on purpose' });
    return;
  }
  if (contentType === 'application/json') {
    ctx.status = 201;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ ok: true });
  } else {
    ctx.status = 200;
    ctx.type = 'text/html';
    ctx.body = '<!doctype html><title>Account created</title><p id="result">Account created</p>';
  }
}
