/**
 * The demo storefront's server side, as Vite dev-server middleware: endpoints that stand in for the
 * store's backend (event collection, account creation, spin outcomes). Every `demo/server/*.route.ts`
 * default-exports a `DemoRoute`; this plugin mounts them all, so each feature adds a file, not an edit.
 */
import { readdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

export interface DemoRoute {
  /** Path prefix, such as `/demo-api/events`. */
  path: string;
  handle(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void | Promise<void>;
}

const here = dirname(fileURLToPath(import.meta.url));

export function demoServer(): Plugin {
  return {
    name: 'retainkit-demo-server',
    async configureServer(server) {
      const files = readdirSync(here).filter((name) => name.endsWith('.route.ts'));
      for (const file of files.sort()) {
        const { default: route } = (await server.ssrLoadModule(join(here, file))) as { default: DemoRoute };
        server.middlewares.use(route.path, (req, res, next) => {
          Promise.resolve(route.handle(req, res, next)).catch(next);
        });
      }
    },
  };
}
