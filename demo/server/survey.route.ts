/**
 * `POST /demo-api/survey`: where the demo's `<retain-survey action>` sends its answers: the score, then again with
 * the comment, both with the same `answerId` (a store upserts by it). Kept in this server's memory only (the last
 * 100), and printed to the dev server's console, so that a developer trying the demo sees what a store receives.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody } from './body.ts';
import type { DemoRoute } from './plugin.ts';

const KEPT = 100;
const answers = new Map<string, Record<string, unknown>>();

const route: DemoRoute = {
  path: '/demo-api/survey',
  async handle(req: IncomingMessage, res: ServerResponse, next) {
    if (req.method !== 'POST') return next();
    let answer: Record<string, unknown>;
    try {
      answer = JSON.parse(await readBody(req)) as Record<string, unknown>;
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const id = String(answer.answerId ?? '');
    if (!id || typeof answer.score !== 'number') {
      res.statusCode = 422;
      res.end();
      return;
    }
    answers.delete(id);
    answers.set(id, { ...answers.get(id), ...answer });
    if (answers.size > KEPT) answers.delete(answers.keys().next().value!);
    console.log(
      `[demo survey] order ${String(answer.orderId)}: ${answer.score}/${String(answer.max)}${answer.comment ? ' with a comment' : ''}`,
    );
    res.statusCode = 204;
    res.end();
  },
};

export default route;
