/**
 * Markup the demo pages share, kept once in demo/partials/. A page line such as
 *
 *     <!-- include: head.html title="Your cart: Kettlebloom Tea" title-key="doc.cart" script="./cart.ts" -->
 *
 * is replaced by that partial, each of its lines indented as the marker is (partials are written at column 0),
 * and each `{{name}}` in it replaced by the marker's `name="…"`, as written (no escaping: the pages' authors
 * write both). Plain JavaScript so that Node runs it as is: the Vite plugin, the benchmark and the CI check
 * all expand pages with this one function.
 *
 * Anything doubtful throws instead of serving a half-built page: a missing partial, a placeholder with no
 * parameter, a parameter the partial does not use, a marker not alone on its line.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const MARKER = /^([ \t]*)<!--[ \t]*include:[ \t]*([\w.-]+)((?:[ \t]+[\w-]+="[^"]*")*)[ \t]*-->[ \t]*$/gm;
const PARAMETER = /([\w-]+)="([^"]*)"/g;
const PLACEHOLDER = /\{\{([\w-]+)\}\}/g;

/**
 * @param {string} html a page with `<!-- include: name.html key="value" -->` lines
 * @param {string} dir the folder holding the partials
 * @returns {string} the page with every marker replaced by its partial
 */
export function expandPartials(html, dir) {
  const expanded = html.replace(MARKER, (_marker, indent, name, parameterText) => {
    const file = join(dir, name);
    if (!existsSync(file)) throw new Error(`Partial ${name} not found (no ${file})`);
    const parameters = new Map([...parameterText.matchAll(PARAMETER)].map(([, key, value]) => [key, value]));
    const unused = new Set(parameters.keys());
    const body = readFileSync(file, 'utf8')
      .replace(/\n$/, '')
      .replace(PLACEHOLDER, (_placeholder, key) => {
        if (!parameters.has(key)) throw new Error(`Partial ${name} needs ${key}="…" in its include marker`);
        unused.delete(key);
        return parameters.get(key);
      });
    const [extra] = unused;
    if (extra) throw new Error(`Partial ${name} has no {{${extra}}}: ${extra}="…" in its include marker is a mistake`);
    return body
      .split('\n')
      .map((line) => (line ? indent + line : line))
      .join('\n');
  });
  const stray = /<!--[ \t]*include:.*/.exec(expanded);
  if (stray) throw new Error(`Include marker not understood (it must stand alone on its line): ${stray[0].trim()}`);
  return expanded;
}
