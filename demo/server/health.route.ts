/** `GET /demo-api/health`: tells that the demo's backend stand-in is mounted. */
import type { DemoRoute } from './plugin.ts';

const route: DemoRoute = {
  path: '/demo-api/health',
  handle(_req, res) {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ ok: true }));
  },
};

export default route;
