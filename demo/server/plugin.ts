/**
 * The demo storefront's server side, as Vite dev-server middleware: endpoints that stand in for the
 * store's backend (event collection, account creation, spin outcomes). Each endpoint lives in its own
 * file beside this one and is mounted here.
 */
import type { Connect, Plugin } from 'vite';

export type DemoRoute = (req: Connect.IncomingMessage, res: import('node:http').ServerResponse, next: Connect.NextFunction) => void;

/** Routes by path prefix; the widget and delivery work add theirs here. */
const routes: Record<string, DemoRoute> = {};

export function demoServer(): Plugin {
  return {
    name: 'retainkit-demo-server',
    configureServer(server) {
      for (const [path, route] of Object.entries(routes)) server.middlewares.use(path, route);
    },
    configurePreviewServer(server) {
      for (const [path, route] of Object.entries(routes)) server.middlewares.use(path, route);
    },
  };
}
