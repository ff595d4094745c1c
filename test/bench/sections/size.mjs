// 1. Size: the kit's figures come from `npm run size`'s own computation (scripts/size.mjs --json: each file
// compressed on its own; a widget's first load is the loader + its chunk + every chunk it imports); the
// peers are bundled the same way (Vite lib build, ES, rolldown minify) and compressed the same way.
import { readFileSync } from 'node:fs';
import { compressed, row } from '../lib.mjs';
import { PEERS, WIDGETS, peerFiles } from '../setup.mjs';

const KB = 1000;
const kb = (bytes) => Math.round((bytes / KB) * 100) / 100;
const S = 'size';

export async function size({ kit, peersDir }) {
  const rows = [];
  const budgets = kit?.sizes.budgets ?? [];
  const missing = kit ? undefined : { note: 'no build of the kit' };
  const find = (prefix) => budgets.find((b) => b.what.startsWith(prefix)) ?? missing;
  const figure = (budget, name, limit) => {
    if (!budget || !Number.isFinite(budget.brotli))
      return row(S, name, null, 'KB br', { max: limit }, '', budget?.note || 'not in size.mjs output');
    const gzip = Number.isFinite(budget.gzip) ? `gzip ${kb(budget.gzip)} KB` : 'gzip n/a';
    return row(S, name, kb(budget.brotli), 'KB br', { max: limit }, `${gzip}; ${budget.files?.length ?? '?'} file(s)`);
  };
  rows.push(figure(find('loader'), 'loader (dist/retainkit.js)', 3));
  const firstLoads = {};
  for (const widget of WIDGETS) {
    const budget = find(`first load: ${widget}`);
    firstLoads[widget] = budget;
    rows.push(figure(budget, `first load: ${widget}`, 15));
  }
  const whole = find('whole kit');
  rows.push(figure(whole, 'whole kit', 30));

  const peers = {};
  for (const peer of PEERS) {
    const files = peerFiles(peersDir, peer.name);
    const total = files
      .map((f) => compressed(readFileSync(f)))
      .reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    peers[peer.name] = { ...total, files: files.length };
    rows.push(row(S, `peer ${peer.name}`, kb(total.brotli), 'KB br', null, `${peer.what}; gzip ${kb(total.gzip)} KB`));
  }

  // Ratios: the kit's wheel against each peer wheel, and every first load and the whole kit against the floor.
  const ratio = (a, b) => (a && b ? Math.round((a / b) * 100) / 100 : null);
  const wheel = firstLoads['spin-wheel']?.brotli;
  for (const name of ['spin-wheel', 'lucky-canvas']) {
    rows.push(
      row(
        S,
        `ratio: kit spin-wheel first load / ${name}`,
        ratio(wheel, peers[name]?.brotli),
        '×',
        null,
        'brotli; < 1 means the kit is smaller',
      ),
    );
  }
  const floor = peers['lit-idb-floor']?.brotli;
  const lightest = Object.entries(firstLoads)
    .filter(([, b]) => Number.isFinite(b?.brotli))
    .sort((a, b) => a[1].brotli - b[1].brotli)[0];
  if (lightest)
    rows.push(
      row(
        S,
        `ratio: lightest first load (${lightest[0]}) / floor`,
        ratio(lightest[1].brotli, floor),
        '×',
        null,
        'brotli; the floor is Lit + idb alone',
      ),
    );
  rows.push(row(S, 'ratio: whole kit / floor', ratio(whole?.brotli, floor), '×', null, 'brotli'));
  return { rows, raw: { kit: kit?.sizes ?? null, peers } };
}
