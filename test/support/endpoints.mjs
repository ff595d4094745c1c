// Test endpoints for web-test-runner: every `test/support/*.endpoint.mjs` default-exports a Koa
// middleware `(ctx, next) => …` (a stand-in for a store's backend: event collection, spin outcomes,
// account creation). They are mounted on the test server, so tests fetch them on the same origin.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));

export async function loadEndpoints() {
  const files = readdirSync(here)
    .filter((name) => name.endsWith('.endpoint.mjs'))
    .sort();
  const modules = await Promise.all(files.map((name) => import(pathToFileURL(join(here, name)).href)));
  return modules.map((module) => module.default);
}

/** A request's body as text, for the endpoints (an error ends it with what arrived so far). */
export async function readBody(req) {
  return (await readBytes(req)).toString('utf8');
}

/** A request's body parsed as JSON; a body that does not parse as `{ unparsable: text }`. */
export async function readJson(req) {
  const text = await readBody(req);
  try {
    return JSON.parse(text);
  } catch {
    return { unparsable: text };
  }
}

/** A request's body as bytes, for an endpoint that looks at them (gzip) before decoding. */
export function readBytes(req) {
  return new Promise((resolve) => {
    const chunks = [];
    const done = () => resolve(Buffer.concat(chunks));
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', done);
    req.on('error', done);
  });
}

/** Answers `body` as JSON with `status`. */
export function json(ctx, status, body) {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.body = JSON.stringify(body);
}

/**
 * Waits while the request is open: until the client gives up (closes it), `hold` is handed the release and
 * calls it, or 20 s pass.
 */
export function whileOpen(ctx, hold) {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 20_000);
    const release = () => {
      clearTimeout(timer);
      resolve();
    };
    hold?.(release);
    ctx.res.on('close', release);
  });
}

/**
 * A stand-in for a store's JSON endpoint at `path` that hands something out (a next-order code, a referral
 * link). Keeps the bodies it received per `key` (each test its own, so engines tested side by side never read
 * each other's); an unparsable body is kept as null.
 *
 *   POST path?key=K             `answer(ctx, body, key)` answers
 *        &fail=N                the first N requests of this key answer 500
 *        &hang=1                answers 504 only when the client gives up (or after 20 s)
 *        &hold=1                answers only once POST path/release?key=K is called (or when the client gives
 *                               up, or after 20 s)
 *        &empty=1               refuses: 204 without a body
 *   POST path/release?key=K     lets the held requests of K answer
 *   GET  path/received?key=K    → the bodies received, in order
 */
export function standInEndpoint(path, answer) {
  const received = new Map();
  const failures = new Map();
  const held = new Map();
  return async (ctx, next) => {
    if (!ctx.path.startsWith(path)) return next();
    const key = ctx.query.key ?? 'default';
    if (ctx.method === 'GET' && ctx.path === `${path}/received`) return json(ctx, 200, received.get(key) ?? []);
    if (ctx.method === 'POST' && ctx.path === `${path}/release`) {
      for (const release of held.get(key) ?? []) release();
      held.delete(key);
      return json(ctx, 200, { released: true });
    }
    if (ctx.method !== 'POST' || ctx.path !== path) return next();
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
      await whileOpen(ctx);
      ctx.status = 504;
      return;
    }
    if (ctx.query.hold) await whileOpen(ctx, (release) => held.set(key, [...(held.get(key) ?? []), release]));
    if (ctx.query.empty) {
      ctx.status = 204;
      return;
    }
    return answer(ctx, body, key);
  };
}
