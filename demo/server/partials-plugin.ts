/**
 * The demo pages' shared markup (demo/partials/, see partials.mjs), expanded as Vite serves each page. It runs
 * before Vite's own HTML handling, so the scripts a partial brings are served like those written in the page.
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { expandPartials } from './partials.mjs';

// Both end in a slash, so that `startsWith` means "inside".
const demo = fileURLToPath(new URL('../', import.meta.url));
const partials = fileURLToPath(new URL('../partials/', import.meta.url));

export function demoPartials(): Plugin {
  return {
    name: 'retainkit-demo-partials',
    transformIndexHtml: {
      order: 'pre',
      handler: (html, { filename }) => (filename.startsWith(demo) ? expandPartials(html, partials) : html),
    },
    // Vite reloads only the page whose own file changed; every page includes the partials.
    hotUpdate({ file }) {
      if (this.environment.name !== 'client' || !file.startsWith(partials)) return;
      this.environment.hot.send({ type: 'full-reload' });
      return [];
    },
  };
}
