/** Reading a demo endpoint's request body, refusing one larger than a demo ever needs. */
import type { IncomingMessage } from 'node:http';

const BODY_LIMIT = 16 * 1024;

/** The request's body as text; rejects past 16 KB. */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
