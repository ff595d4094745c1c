// For test/tooling.test.ts: the test runner's own node process.
//
//   POST /test-api/runner/reject   rejects a promise in node that nothing awaits, the way a browser driver's
//                                  or an endpoint's late error does, and answers 204; the run must go on
//                                  (test/support/passed-failed-reporter.mjs logs it and lists it at the end)
export default async function runnerEndpoint(ctx, next) {
  if (ctx.path !== '/test-api/runner/reject' || ctx.method !== 'POST') return next();
  setTimeout(() => Promise.reject(new Error('tooling test: a promise rejected in node with nothing awaiting it')));
  ctx.status = 204;
}
