/**
 * The report's worker: reads the owner's files (Papa Parse, a chunk at a time), groups rows into orders,
 * hashes the customers, counts the kit's events and computes the figures, all off the page's main
 * thread. It keeps the last file's orders and the owner's emails in its own memory (never stored), so
 * that settings can change without reading the file again and a segment's customers can be exported.
 * Terminating it (cancel, forget, a new file) drops all of that.
 */
import { withoutMembers } from './aggregates.js';
import { OrderAssembler, nameKey, type DraftOrder } from './assemble.js';
import { readCsv } from './csv-reader.js';
import { currencyOfSymbol, detect, isWooCustomers, layoutFromMapping, type ColumnMapping, type Layout } from './formats.js';
import { FunnelCounter } from './funnels.js';
import { hashIdentities } from './identity.js';
import { computeReport } from './metrics/report.js';
import type { RfmSegmentName } from './metrics/types.js';
import type { ReportOptions, ReportOrder } from './model.js';
import { ProblemLog, type Exclusions } from './problems.js';
import type { ComputedReport, FromWorker, Input, Phase, Settings, ToWorker } from './protocol.js';
import { segmentCsv } from './segment-csv.js';

const scope = self as unknown as {
  postMessage(message: FromWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToWorker>) => void): void;
};
const post = (message: FromWorker) => scope.postMessage(message);

/** What the last run read: enough to recompute, add events, or export a segment. */
interface Held {
  orders: ReportOrder[];
  /** Hashed key → the customer as the owner's file wrote it (email, else customer id, else name). */
  contacts: Map<string, string>;
  source: ComputedReport['source'];
  exclusions: Exclusions;
  /** Problems of the orders (and customers) files, and of the events file, which may come later. */
  problems: ProblemLog;
  eventProblems?: ProblemLog;
  funnels?: ComputedReport['funnels'];
  figures?: ComputedReport['figures'];
}
let held: Held | undefined;

class Stop extends Error {}

let lastProgress = 0;
function progress(phase: Phase, fraction: number): void {
  const now = Date.now();
  if (fraction < 1 && fraction > 0 && now - lastProgress < 50) return;
  lastProgress = now;
  post({ type: 'progress', phase, fraction });
}

async function fetchInput(input: Input): Promise<Blob> {
  if (input instanceof Blob) return input;
  progress('fetch', 0);
  let response: Response;
  try {
    response = await fetch(input.url, { credentials: 'same-origin' });
  } catch (error) {
    post({ type: 'failed', problem: { kind: 'fetch-failed', value: `${input.url}: ${String(error)}` } });
    throw new Stop();
  }
  if (!response.ok) {
    post({ type: 'failed', problem: { kind: 'fetch-failed', value: `${input.url}: HTTP ${response.status}` } });
    throw new Stop();
  }
  return response.blob();
}

/** WooCommerce Analytics' customers download: each customer's name → email (a name two customers share is left out). */
async function readCustomers(file: Blob, problems: ProblemLog): Promise<Map<string, string>> {
  const byName = new Map<string, string>();
  const shared = new Set<string>();
  let name = -1;
  let email = -1;
  await readCsv(
    file,
    {
      header(names) {
        if (!isWooCustomers(names)) return false;
        name = names.findIndex((n) => n.toLowerCase() === 'name');
        email = names.findIndex((n) => n.toLowerCase() === 'email');
        return true;
      },
      row(cells) {
        const key = nameKey(cells[name] ?? '');
        const address = (cells[email] ?? '').trim();
        if (!key || !address) return;
        if (byName.has(key) && byName.get(key) !== address) shared.add(key);
        byName.set(key, address);
      },
      progress: (fraction) => progress('customers', fraction),
    },
    problems,
    'customers',
  );
  for (const key of shared) byName.delete(key);
  return byName;
}

/** A currency for an export without a currency column: the formatted amounts' symbol, when the first rows agree. */
function currencyFromSample(layout: Layout, sample: string[][]): string | undefined {
  if (layout.formattedTotal < 0) return undefined;
  const found = new Set(sample.map((row) => currencyOfSymbol(row[layout.formattedTotal] ?? '')));
  const [only] = found;
  return found.size === 1 && only ? only : undefined;
}

async function readOrders(
  file: Blob,
  settings: Settings,
  mapping: ColumnMapping | undefined,
  named: string | undefined,
  problems: ProblemLog,
  emailByName: Map<string, string> | undefined,
): Promise<
  | { drafts: DraftOrder[]; exclusions: Exclusions; layout: Layout; rows: number; currencyFrom?: ComputedReport['source']['currencyFrom'] }
  | undefined
> {
  let assembler: OrderAssembler | undefined;
  let layout: Layout | undefined;
  let currencyFrom: ComputedReport['source']['currencyFrom'];
  await readCsv(
    file,
    {
      header(names, sample) {
        if (mapping) {
          const mapped = layoutFromMapping(names, mapping);
          if (Array.isArray(mapped)) {
            post({
              type: 'mapping',
              format: 'generic',
              headers: names,
              sample,
              guess: mapping,
              missing: mapped,
              needsCurrency: mapped.includes('currency'),
            });
            return false;
          }
          layout = mapped;
          if (mapped.fixedCurrency) currencyFrom = 'mapping';
        } else {
          // A currency the owner named (asked for alone) keeps the export's own layout, as the attribute does.
          const found = detect(names, named ?? settings.currency);
          if (found.ok) {
            layout = found.layout;
            if (layout.fixedCurrency) currencyFrom = named ? 'mapping' : 'attribute';
          } else if (found.format === 'woocommerce-analytics' && !found.missing.length) {
            layout = detectLayoutWithCurrency(names, sample);
            if (layout) currencyFrom = 'symbol';
          }
          if (!found.ok && !layout) {
            post({
              type: 'mapping',
              format: found.format,
              headers: names,
              sample,
              guess: found.guess,
              missing: found.missing,
              needsCurrency: found.needsCurrency,
            });
            return false;
          }
        }
        assembler = new OrderAssembler(layout!, names, problems, emailByName);
        return true;
      },
      row(cells, row) {
        assembler!.add(cells, row);
      },
      progress: (fraction) => progress('orders', fraction),
    },
    problems,
    'orders',
  );
  if (!assembler || !layout) return undefined;
  const rows = assembler.rows;
  const { orders: drafts, exclusions } = assembler.finish();
  return { drafts, exclusions, layout, rows, currencyFrom };
}

/** WooCommerce Analytics without a currency given: the one its formatted amounts show, if they agree. */
function detectLayoutWithCurrency(names: string[], sample: string[][]): Layout | undefined {
  const found = detect(names, 'XXX');
  if (!found.ok) return undefined;
  const currency = currencyFromSample(found.layout, sample);
  return currency ? { ...found.layout, fixedCurrency: currency } : undefined;
}

async function readEvents(file: Blob, problems: ProblemLog): Promise<FunnelCounter> {
  const counter = new FunnelCounter(problems);
  const text = await file.text();
  let line = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    counter.addLine(text.slice(start, end), ++line);
    start = end + 1;
    if (line % 5000 === 0) progress('events', start / Math.max(1, text.length));
  }
  return counter;
}

function options(settings: Settings): ReportOptions {
  const { asOf, lapseDays, cac, timeZone, horizonDays } = settings;
  return { asOf, lapseDays, cac, timeZone, horizonDays };
}

function compute(settings: Settings): ComputedReport {
  const now = held!;
  progress('compute', 0);
  const figures = computeReport(now.orders, options(settings));
  now.figures = figures;
  progress('compute', 1);
  const logs = [now.problems, now.eventProblems].filter((log): log is ProblemLog => !!log);
  const problemCounts: ComputedReport['problemCounts'] = {};
  for (const log of logs) {
    for (const [kind, count] of Object.entries(log.counts)) {
      const k = kind as keyof typeof log.counts;
      problemCounts[k] = (problemCounts[k] ?? 0) + count;
    }
  }
  return {
    source: now.source,
    exclusions: now.exclusions,
    problems: logs.flatMap((log) => log.kept),
    problemCounts,
    problemTotal: logs.reduce((sum, log) => sum + log.total, 0),
    funnels: now.funnels,
    // The members stay here (for the CSV export): the page gets the aggregates only.
    figures: withoutMembers(figures),
    settings,
    computedAt: Date.now(),
    exportable: true,
  };
}

async function run(message: Extract<ToWorker, { type: 'run' }>): Promise<void> {
  if (message.orders) {
    const problems = new ProblemLog();
    const emailByName = message.customers ? await readCustomers(message.customers, problems) : undefined;
    const file = await fetchInput(message.orders);
    const read = await readOrders(file, message.settings, message.mapping, message.currency, problems, emailByName);
    if (!read) {
      // Stopped for a mapping (already posted), or a file with no header at all.
      if (problems.counts['empty-file']) post({ type: 'failed', problem: problems.kept[0] });
      return;
    }
    const hashes = await hashIdentities(
      read.drafts.map((order) => order.identity),
      (done, total) => progress('hash', done / total),
    );
    const contacts = new Map<string, string>();
    const orders: ReportOrder[] = read.drafts.map((draft) => {
      const customer = hashes.get(draft.identity)!;
      if (!contacts.has(customer)) contacts.set(customer, draft.contact);
      return { id: draft.id, customer, placed: draft.placed, total: draft.total, currency: draft.currency, codes: draft.codes };
    });
    const excluded = Object.values(read.exclusions).reduce((a, b) => a + b, 0);
    held = {
      orders,
      contacts,
      problems,
      exclusions: read.exclusions,
      source: {
        name: message.ordersName ?? (message.orders instanceof Blob ? 'orders.csv' : message.orders.url.split('/').pop() || 'orders.csv'),
        format: read.layout.format,
        rows: read.rows,
        orders: orders.length + excluded,
        byName: read.drafts.some((order) => order.byName),
        currencyFrom: read.currencyFrom,
      },
    };
  } else if (!held) {
    post({ type: 'failed', problem: { kind: 'no-orders' } });
    return;
  }
  if (message.events) {
    const eventProblems = new ProblemLog();
    const counter = await readEvents(await fetchInput(message.events), eventProblems);
    held.eventProblems = eventProblems;
    held.funnels = counter.finish(held.orders);
  }
  post({ type: 'done', report: compute(message.settings) });
}

function exportSegment(currency: string, segment: RfmSegmentName): void {
  const members =
    held?.figures?.currencies.find((c) => c.currency === currency)?.rfm.segments.find((s) => s.segment === segment)?.members ?? [];
  post({ type: 'csv', currency, segment, text: segmentCsv(members, held?.contacts ?? new Map()) });
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  const work = async () => {
    if (message.type === 'run') await run(message);
    else if (message.type === 'recompute') {
      if (!held) post({ type: 'failed', problem: { kind: 'no-orders' } });
      else post({ type: 'done', report: compute(message.settings) });
    } else if (message.type === 'export') exportSegment(message.currency, message.segment);
  };
  work().catch((error: unknown) => {
    if (error instanceof Stop) return;
    post({ type: 'failed', problem: { kind: 'worker-error', value: error instanceof Error ? error.message : String(error) } });
  });
});
