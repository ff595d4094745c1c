// The real analytics clients from npm, served to the test page, and a local stand-in for their collection
// APIs, so that the forwarding tests see what Segment's and PostHog's own code sends over the wire.
//
//   GET  /test-api/clients/segment.js      @segment/analytics-next, bundled as one ES module ({ AnalyticsBrowser })
//   GET  /test-api/clients/posthog.js      posthog-js, bundled as one ES module ({ posthog })
//   ANY  /test-api/collect/<sink>/…        a client's request: events in the body are recorded for the sink;
//                                          answered 200 `{}` (PostHog's config and flags requests too)
//   GET  /test-api/collected/<sink>        { events: [event…], requests: [path…] }, one sink per test
//
// The clients are CommonJS and ES modules with dependencies of their own: esbuild (which the test runner
// already uses to compile TypeScript) bundles each once per test run.
import { gunzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { readBytes } from './endpoints.mjs';

const CLIENTS = {
  'segment.js': "export { AnalyticsBrowser } from '@segment/analytics-next';",
  'posthog.js': "export { default as posthog } from 'posthog-js';",
};
const bundles = new Map();
const sinks = new Map();

function bundle(file) {
  if (!bundles.has(file)) {
    bundles.set(
      file,
      build({
        stdin: { contents: CLIENTS[file], resolveDir: process.cwd(), loader: 'js' },
        bundle: true,
        format: 'esm',
        platform: 'browser',
        target: 'es2020',
        write: false,
        logLevel: 'silent',
        define: { 'process.env.NODE_ENV': '"production"' },
      }).then((result) => result.outputFiles[0].text),
    );
  }
  return bundles.get(file);
}

/**
 * The events in a client's request body. Segment: one event (`/t`) or `{ batch: [...] }` (`/b`), JSON.
 * PostHog: a JSON array or object, maybe gzipped (by its magic bytes: posthog-js 1.449 says so in no
 * header or parameter) or base64 in a `data` form field.
 */
function eventsOf(body, query, type) {
  if (!body.length) return [];
  let text;
  if (body[0] === 0x1f && body[1] === 0x8b) text = gunzipSync(body).toString('utf8');
  else if ((type ?? '').includes('application/x-www-form-urlencoded')) {
    const data = new URLSearchParams(body.toString('utf8')).get('data') ?? '';
    text = query.compression === 'base64' ? Buffer.from(data, 'base64').toString('utf8') : data;
  } else text = body.toString('utf8');
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return [];
  }
  if (Array.isArray(parsed)) return parsed;
  if (Array.isArray(parsed.batch)) return parsed.batch;
  return parsed.event || parsed.type ? [parsed] : [];
}

export default async function analyticsClients(ctx, next) {
  const client = /^\/test-api\/clients\/([\w.]+)$/.exec(ctx.path);
  if (client && CLIENTS[client[1]]) {
    ctx.type = 'application/javascript';
    ctx.body = await bundle(client[1]);
    return;
  }
  const collected = /^\/test-api\/collected\/([\w-]+)$/.exec(ctx.path);
  if (collected) {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(sinks.get(collected[1]) ?? { events: [], requests: [] });
    return;
  }
  const collect = /^\/test-api\/collect\/([\w-]+)(\/.*)?$/.exec(ctx.path);
  if (!collect) return next();
  if (!sinks.has(collect[1])) sinks.set(collect[1], { events: [], requests: [] });
  const sink = sinks.get(collect[1]);
  const body = await readBytes(ctx.req);
  sink.requests.push(`${ctx.method} ${collect[2] ?? '/'}`);
  sink.events.push(...eventsOf(body, ctx.query, ctx.get('content-type')));
  ctx.set('access-control-allow-origin', '*');
  ctx.type = 'application/json';
  ctx.body = '{}';
}
