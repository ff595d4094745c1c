// 2b. Order load: the page-load row (page-load.mjs) for the order page's widgets. The demo's thank-you page
// (setup.mjs, orderPages: the summary of an order placed just now, then <retain-order>, the account prompt,
// the next-order offer, the survey and the referral, with the header's offer reminder and loyalty badge)
// measured exactly as the product page is: loads without the kit, with its floor (the widgets above the fold
// drawn by plain custom elements from a snapshot of what the kit drew) and with the kit, in turning order;
// the kit's and the floor's additions at load and on the settled page; the kit's longest task; layout shift.
// Its rows say, besides, which widgets are above the fold at the bench's viewport and which below.
import { row } from '../lib.mjs';
import { pageLoad } from './page-load.mjs';

const S = 'order load';

/** The fold row: where each drawing widget was in the kit's first load, and which settling waited for. */
function foldRow(snapshot, runsOf) {
  const { placed, viewport } = snapshot;
  const above = placed.filter((w) => w.above);
  const below = placed.filter((w) => !w.above);
  const settled = runsOf.map((r) => r.with.settled);
  const waited = new Set(settled.flatMap((s) => s.waited));
  const far = [...new Set(settled.flatMap((s) => s.far))];
  const where = (w) => `${w.name} (${w.top} px)`;
  return row(
    S,
    'order widgets above / below the fold',
    `${above.length} / ${below.length}`,
    'widgets',
    null,
    `at ${viewport.width} × ${viewport.height}, top from the page's top; above: ${above.map(where).join(', ') || 'none'}; below: ${below.map(where).join(', ') || 'none'}; settled on (within a viewport below): ${
      below
        .filter((w) => waited.has(w.name))
        .map((w) => w.name)
        .join(', ') || 'none'
    }${far.length ? `; not waited for (far below): ${far.join(', ')}` : ''}; <retain-order> and the forwarders draw nothing (readied at idle, in the kit's tasks)`,
  );
}

export async function orderLoad({ browser, origin, order, runs, log }) {
  const measured = await pageLoad({ browser, origin, product: order, runs, log });
  const { snapshot, runs: runsOf } = measured.raw;
  const fold = foldRow(snapshot, runsOf);
  log(`  order page: ${fold.value} widgets above / below the fold: ${fold.note}`);
  return { rows: [fold, ...measured.rows.map((r) => ({ ...r, section: S }))], raw: measured.raw };
}
