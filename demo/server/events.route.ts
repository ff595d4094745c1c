/**
 * `/demo-api/events`: the demo store's event collector, the receiving end of
 * `<retain-forward to="endpoint" url="/demo-api/events">`.
 *
 *   POST /demo-api/events         a batch `{ sentAt, dropped?, events: [{ id, name, cancelled, detail }] }`
 *                                 (sent as text/plain by fetch or sendBeacon; the body is JSON): 204, or
 *                                 503 with Retry-After while "down"
 *   GET  /demo-api/events         { down, batches, duplicates, events: the last 200, newest first }
 *   POST /demo-api/events/state   JSON { down: boolean }: simulate an outage, to watch events wait and retry
 *   DELETE /demo-api/events       forget everything
 *
 * Like a real receiver it drops a duplicate by its event id (and counts it).
 */
import type { IncomingMessage } from 'node:http';
import type { DemoRoute } from './plugin.ts';

interface ReceivedEvent {
  id: string;
  name: string;
  cancelled?: boolean;
  detail: Record<string, unknown>;
  receivedAt: number;
}

const LIMIT = 200;
const state = { down: false, batches: 0, duplicates: 0, events: [] as ReceivedEvent[], seen: new Set<string>() };

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 1_000_000) throw new Error('batch too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const route: DemoRoute = {
  path: '/demo-api/events',
  async handle(req, res) {
    const path = (req.url ?? '/').split('?')[0];
    const json = (status: number, body?: unknown): void => {
      res.statusCode = status;
      if (body !== undefined) res.setHeader('content-type', 'application/json');
      res.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (req.method === 'GET' && path === '/') {
      const { down, batches, duplicates, events } = state;
      return json(200, { down, batches, duplicates, events });
    }
    if (req.method === 'DELETE' && path === '/') {
      Object.assign(state, { batches: 0, duplicates: 0, events: [], seen: new Set() });
      return json(204);
    }
    if (req.method !== 'POST') return json(405);
    const text = await readBody(req);
    if (path === '/state') {
      state.down = !!(JSON.parse(text || '{}') as { down?: boolean }).down;
      return json(204);
    }
    if (path !== '/') return json(404);
    if (state.down) {
      res.setHeader('retry-after', '5');
      return json(503);
    }
    let batch: { events?: Omit<ReceivedEvent, 'receivedAt'>[] };
    try {
      batch = JSON.parse(text) as typeof batch;
    } catch {
      return json(400, { error: 'the body is not JSON' });
    }
    if (!Array.isArray(batch.events)) return json(400, { error: 'no events array' });
    state.batches++;
    const receivedAt = Date.now();
    for (const event of batch.events) {
      if (typeof event?.id !== 'string') continue;
      if (state.seen.has(event.id)) {
        state.duplicates++;
        continue;
      }
      state.seen.add(event.id);
      state.events.unshift({ ...event, receivedAt });
    }
    state.events.length = Math.min(state.events.length, LIMIT);
    return json(204);
  },
};

export default route;
