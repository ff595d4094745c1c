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
