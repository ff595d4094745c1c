// A store's event collector, for the delivery tests: `/test-api/events/<sink>`, one sink per test.
//
//   POST /test-api/events/<sink>         a batch (fetch or sendBeacon): answered with the sink's status;
//                                        on 2xx its events are recorded
//   GET  /test-api/events/<sink>         { received: [event…], requests: [{ bytes, type, status, at, batch, ids }…] }
//   POST /test-api/events/<sink>/state   JSON { status?, fail?, failStatus?, retryAfter?, delay?, delayed? }:
//                                        answer the next `fail` requests with `failStatus` (default 503), then
//                                        `status` (default 200); non-2xx answers carry Retry-After when given;
//                                        with `delay` (ms), a batch is recorded as it arrives but answered later:
//                                        the next `delayed` requests (default: every one), the rest at once
const sinks = new Map();

function sink(name) {
  if (!sinks.has(name))
    sinks.set(name, {
      status: 200,
      fail: 0,
      failStatus: 503,
      retryAfter: undefined,
      delay: 0,
      delayed: Infinity,
      received: [],
      requests: [],
    });
  return sinks.get(name);
}

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export default async function eventsEndpoint(ctx, next) {
  const match = /^\/test-api\/events\/([\w-]+)(\/state)?$/.exec(ctx.path);
  if (!match) return next();
  const s = sink(match[1]);
  if (ctx.method === 'GET' && !match[2]) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ received: s.received, requests: s.requests });
    return;
  }
  if (ctx.method !== 'POST') {
    ctx.status = 405;
    return;
  }
  const body = await readBody(ctx.req);
  if (match[2]) {
    const state = JSON.parse(body.toString('utf8') || '{}');
    s.status = state.status ?? 200;
    s.retryAfter = state.retryAfter;
    s.fail = state.fail ?? 0;
    s.failStatus = state.failStatus ?? 503;
    s.delay = state.delay ?? 0;
    s.delayed = state.delayed ?? Infinity;
    ctx.status = 204;
    return;
  }
  let status = s.status;
  if (s.fail > 0) {
    s.fail -= 1;
    status = s.failStatus;
  }
  // What each request carried, for a test to say which requests a repeated event came in.
  let batch;
  try {
    batch = JSON.parse(body.toString('utf8'));
  } catch {
    batch = undefined;
  }
  s.requests.push({
    bytes: body.length,
    type: ctx.get('content-type'),
    status,
    at: Date.now(),
    batch: batch?.batch,
    ids: batch?.events?.map((event) => event.id) ?? [],
  });
  ctx.set('access-control-allow-origin', '*');
  if (status >= 200 && status < 300) {
    s.received.push(...batch.events);
  } else if (s.retryAfter !== undefined) {
    ctx.set('retry-after', String(s.retryAfter));
  }
  if (s.delay && s.delayed > 0) {
    s.delayed -= 1;
    await new Promise((resolve) => setTimeout(resolve, s.delay));
  }
  ctx.status = status;
  ctx.body = '';
}
