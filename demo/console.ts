/**
 * The demo's event console: a panel at the bottom of every page that lists each `retain-*` event and shows
 * the engagement counters, live. Collapsed, it is one button in the corner (on a phone, a tab on the side, in a
 * margin the page keeps); expanded, the page keeps room for it at its end (`--console-space`, measured), so it
 * covers nothing there. Either state lasts for the visit.
 * It uses only what a store has: the public API
 * (`window.retainkit.on(listener)`, `window.retainkit.counters()`) and the kit's BroadcastChannel
 * (`'retainkit'`, topic `'counters'`), which also carries counter changes made in this tab.
 *
 * The log lives in sessionStorage, so the events of the whole visit (home → product → cart → order)
 * stay in view across pages. Each row has a "Delivery" cell for the forwarding outbox to fill:
 * `setDeliveryState(eventId, 'queued' | 'sent' | 'acknowledged' | 'failed', note?)`.
 *
 * Quiet on purpose: nothing here is a live region (a screen reader user exploring the shop should not hear
 * every event); the toggle's name carries the count, and the panel is there to read when opened.
 */
import type { KitEventRecord } from '../src/core/events.js';

/** Where an event stands on its way to the store's analytics or endpoint. */
export type DeliveryState = 'queued' | 'sent' | 'acknowledged' | 'failed' | (string & {});

interface LoggedEvent {
  id: string;
  name: string;
  widget: string;
  instance: string;
  timestamp: number;
  cancelled: boolean;
  /** The detail without the fields every event has, as JSON. */
  extra: Record<string, unknown>;
  /** The page it happened on (`home`, `product`, …). */
  page: string;
  delivery?: DeliveryState;
  deliveryNote?: string;
}

type AllCounters = Record<string, Record<string, Record<string, number>>>;

const LOG_KEY = 'kettlebloom:console-log';
/** In sessionStorage, as the log: expanded or collapsed, for the pages of this visit. */
const OPEN_KEY = 'kettlebloom:console-open';
const LOG_LIMIT = 150;
/** The kit's IndexedDB database (src/core/storage.ts), cleared by "Reset demo data". */
const KIT_DATABASE = 'retainkit';
const COMMON_FIELDS = new Set(['id', 'widget', 'instance', 'timestamp']);
const page = document.body.dataset.page ?? location.pathname;

const log = new Map<string, LoggedEvent>();
/** Delivery states reported before their event reached the console. */
const earlyStates = new Map<string, { state: DeliveryState; note?: string }>();

// ---- Markup ---------------------------------------------------------------------------------------

type Child = Node | string | null | undefined | false;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (name === 'class') el.className = value;
    else el.setAttribute(name, value);
  }
  for (const child of children) if (child) el.append(child);
  return el;
}

const chevron = () => {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 16 16');
  svg.setAttribute('aria-hidden', 'true');
  svg.innerHTML =
    '<path d="M3 10l5-5 5 5" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>';
  return svg;
};

const tally = h('span', { class: 'rc-tally' });
const toggle = h(
  'button',
  { type: 'button', class: 'rc-toggle', 'aria-expanded': 'false', 'aria-controls': 'rc-body' },
  chevron(),
  'Event console ',
  tally,
);
const last = h('span', { class: 'rc-last' });
const status = h('span', { class: 'rc-status' });

const eventRows = h('tbody', { role: 'rowgroup' });
const eventsEmpty = h('p', { class: 'rc-empty' }, 'No events yet. Widgets on these pages report here as you use them.');
const counterRows = h('tbody');
const countersEmpty = h('p', { class: 'rc-empty' }, 'No counters yet.');

const clearButton = h('button', { type: 'button', class: 'rc-button' }, 'Clear log');
const resetButton = h('button', { type: 'button', class: 'rc-button' }, 'Reset demo data');

const body = h(
  'div',
  { id: 'rc-body', class: 'rc-body', hidden: '' },
  h(
    'div',
    { class: 'rc-columns' },
    h(
      'section',
      { class: 'rc-section rc-events' },
      h(
        'div',
        { class: 'rc-section-head' },
        h('h3', { id: 'rc-events-title' }, 'Events'),
        h('span', { class: 'rc-source' }, 'retainkit.on()'),
        clearButton,
      ),
      h(
        'div',
        { class: 'rc-scroll', role: 'region', 'aria-labelledby': 'rc-events-title', tabindex: '0' },
        h(
          'table',
          { class: 'rc-table', role: 'table' },
          h(
            'thead',
            { role: 'rowgroup' },
            h(
              'tr',
              { role: 'row' },
              ...['Time', 'Event', 'Widget / instance', 'Detail', 'Delivery'].map((label) =>
                h('th', { scope: 'col', role: 'columnheader' }, label),
              ),
            ),
          ),
          eventRows,
        ),
        eventsEmpty,
      ),
    ),
    h(
      'section',
      { class: 'rc-section rc-counters' },
      h(
        'div',
        { class: 'rc-section-head' },
        h('h3', { id: 'rc-counters-title' }, 'Engagement counters'),
        h('span', { class: 'rc-source' }, 'retainkit.counters()'),
        resetButton,
      ),
      h(
        'div',
        { class: 'rc-scroll', role: 'region', 'aria-labelledby': 'rc-counters-title', tabindex: '0' },
        h(
          'table',
          { class: 'rc-table' },
          h('thead', {}, h('tr', {}, ...['Widget', 'Instance', 'Counts'].map((label) => h('th', { scope: 'col' }, label)))),
          counterRows,
        ),
        countersEmpty,
      ),
    ),
  ),
);

const panel = h(
  'aside',
  { id: 'retain-console', class: 'rc', lang: 'en', 'aria-labelledby': 'rc-heading' },
  h('div', { class: 'rc-bar' }, h('h2', { id: 'rc-heading', class: 'rc-heading' }, toggle), last, status),
  body,
);

// ---- Open and close -------------------------------------------------------------------------------

function setOpen(open: boolean): void {
  toggle.setAttribute('aria-expanded', String(open));
  body.hidden = !open;
  panel.classList.toggle('rc-collapsed', !open);
  try {
    sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // not remembered; fine
  }
}

/**
 * Keeps `--console-space` (the page's bottom padding, and the offset of what else is fixed at the bottom: the
 * toast, the wheel's launcher) equal to the room the console takes from the bottom of the viewport, whatever its
 * state, width or font size: none for a phone's tab on the side.
 */
function keepRoom(): void {
  const measure = () => {
    // A phone's collapsed console is a tab on the side (console.css), in the page's margin: it takes no room here.
    const sideTab = getComputedStyle(panel).getPropertyValue('--rc-room').trim() === 'none';
    const room = sideTab ? 0 : Math.max(0, document.documentElement.clientHeight - panel.getBoundingClientRect().top);
    document.documentElement.style.setProperty('--console-space', `${Math.ceil(room)}px`);
  };
  new ResizeObserver(measure).observe(panel);
  addEventListener('resize', measure);
}

toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
panel.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
    setOpen(false);
    toggle.focus();
  }
});

// ---- Events ---------------------------------------------------------------------------------------

const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

function fromRecord(record: KitEventRecord): LoggedEvent {
  const detail = record.detail ?? {};
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(detail)) if (!COMMON_FIELDS.has(key)) extra[key] = value;
  return {
    id: typeof detail.id === 'string' ? detail.id : crypto.getRandomValues(new Uint32Array(2)).join('-'),
    name: record.name,
    widget: String(detail.widget ?? ''),
    instance: String(detail.instance ?? ''),
    timestamp: typeof detail.timestamp === 'number' ? detail.timestamp : Date.now(),
    cancelled: record.cancelled,
    extra,
    page,
  };
}

function compact(value: unknown): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value : String(value);
  if (Array.isArray(value)) return `[${value.map(compact).join(', ')}]`;
  return `{${Object.entries(value)
    .map(([k, v]) => `${k}: ${compact(v)}`)
    .join(', ')}}`;
}

function summary(extra: Record<string, unknown>): string {
  const text = Object.entries(extra)
    .map(([key, value]) => `${key}: ${compact(value)}`)
    .join(' · ');
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

function deliveryCell(entry: LoggedEvent): HTMLTableCellElement {
  const cell = h('td', { class: 'rc-delivery', role: 'cell' });
  fillDelivery(cell, entry);
  return cell;
}

function fillDelivery(cell: HTMLTableCellElement, entry: LoggedEvent): void {
  cell.dataset.state = entry.delivery ?? '';
  cell.replaceChildren(
    entry.delivery ? h('span', { class: 'rc-state' }, entry.delivery) : h('span', { class: 'rc-none', title: 'not forwarded' }, '—'),
  );
  if (entry.deliveryNote) cell.append(h('span', { class: 'rc-note' }, entry.deliveryNote));
}

function row(entry: LoggedEvent): HTMLTableRowElement {
  const when = new Date(entry.timestamp);
  const text = summary(entry.extra);
  const detail = text
    ? h('details', {}, h('summary', {}, text), h('pre', {}, JSON.stringify(entry.extra, null, 2)))
    : h('span', { class: 'rc-none' }, '—');
  // Explicit roles: on phones console.css lays rows out as cards, which would drop the table semantics.
  return h(
    'tr',
    { role: 'row', 'data-event-id': entry.id, 'data-widget': entry.widget },
    h(
      'td',
      { class: 'rc-time', role: 'cell' },
      h('time', { datetime: when.toISOString() }, timeFormat.format(when)),
      entry.page !== page && h('span', { class: 'rc-page' }, entry.page),
    ),
    h('td', { role: 'cell' }, h('code', { class: 'rc-name' }, entry.name), entry.cancelled && h('span', { class: 'rc-tag' }, 'cancelled')),
    h('td', { role: 'cell' }, h('span', { class: 'rc-widget' }, entry.widget), h('span', { class: 'rc-instance' }, entry.instance)),
    h('td', { class: 'rc-detail', role: 'cell' }, detail),
    deliveryCell(entry),
  );
}

function showTally(): void {
  const n = log.size;
  tally.textContent = `${n} ${n === 1 ? 'event' : 'events'}`;
  eventsEmpty.hidden = n > 0;
}

function showLast(entry: LoggedEvent | undefined, fresh: boolean): void {
  last.replaceChildren();
  if (!entry) return;
  last.append(h('code', {}, entry.name), ` ${entry.widget}/${entry.instance}`);
  if (fresh) {
    last.classList.remove('rc-flash');
    void last.offsetWidth;
    last.classList.add('rc-flash');
  }
}

function persist(): void {
  try {
    sessionStorage.setItem(LOG_KEY, JSON.stringify([...log.values()].slice(-LOG_LIMIT)));
  } catch {
    // the log stays for this page only
  }
}

function add(entry: LoggedEvent, fresh: boolean): void {
  if (log.has(entry.id)) return;
  const early = earlyStates.get(entry.id);
  if (early) {
    entry.delivery = early.state;
    entry.deliveryNote = early.note;
    earlyStates.delete(entry.id);
  }
  log.set(entry.id, entry);
  while (log.size > LOG_LIMIT) {
    const oldest = log.keys().next().value as string;
    log.delete(oldest);
    eventRows.querySelector(`tr[data-event-id="${CSS.escape(oldest)}"]`)?.remove();
  }
  eventRows.prepend(row(entry));
  showTally();
  showLast(entry, fresh);
}

function onEvent(record: KitEventRecord): void {
  add(fromRecord(record), true);
  persist();
  scheduleCounters();
}

/**
 * Sets the delivery state shown for the event with this `detail.id` (also when the event reaches the
 * console later, and on the next pages of the visit).
 */
export function setDeliveryState(id: string, state: DeliveryState, note?: string): void {
  const entry = log.get(id);
  if (!entry) {
    earlyStates.set(id, { state, note });
    return;
  }
  entry.delivery = state;
  entry.deliveryNote = note;
  const cell = eventRows.querySelector<HTMLTableCellElement>(`tr[data-event-id="${CSS.escape(id)}"] .rc-delivery`);
  if (cell) fillDelivery(cell, entry);
  persist();
}

/**
 * The delivery column, from the outbox's own reports (`onDeliveryState` in src/core/delivery.ts: not public
 * API, but the demo runs the kit from source, so it can listen in). An event goes to several destinations;
 * the cell shows the least advanced state, the note each destination's.
 */
const deliveries = new Map<string, Map<string, DeliveryState>>();
const STAGES = ['queued', 'sent', 'acknowledged'];

function trackDelivery(id: string, state: DeliveryState, destination: string): void {
  const states = deliveries.get(id) ?? new Map<string, DeliveryState>();
  deliveries.set(id, states.set(destination.split(' ')[0], state));
  const least = [...states.values()].sort((a, b) => STAGES.indexOf(a) - STAGES.indexOf(b))[0];
  setDeliveryState(id, least, [...states].map(([to, stage]) => `${to}: ${stage}`).join(' · '));
}

function restore(): void {
  try {
    const saved = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as LoggedEvent[];
    if (Array.isArray(saved)) for (const entry of saved) if (entry?.id && entry.name) add(entry, false);
  } catch {
    // a broken log starts afresh
  }
}

clearButton.addEventListener('click', () => {
  log.clear();
  eventRows.replaceChildren();
  showTally();
  showLast(undefined, false);
  persist();
});

// ---- Counters -------------------------------------------------------------------------------------

let reading = false;
let readAgain = false;
let previous = new Map<string, number>();

/** Re-reads the counters: once now, and once more if something changed while reading. */
async function scheduleCounters(): Promise<void> {
  if (!window.retainkit) return;
  if (reading) {
    readAgain = true;
    return;
  }
  reading = true;
  try {
    do {
      readAgain = false;
      showCounters((await window.retainkit.counters()) as AllCounters);
    } while (readAgain);
  } catch (error) {
    status.textContent = 'Counters could not be read (see the browser console).';
    console.warn('demo console: could not read counters', error);
  } finally {
    reading = false;
  }
}

function showCounters(all: AllCounters): void {
  const next = new Map<string, number>();
  const rows: HTMLTableRowElement[] = [];
  for (const widget of Object.keys(all).sort()) {
    const instances = Object.keys(all[widget]).sort((a, b) => (a === '*' ? 1 : b === '*' ? -1 : a.localeCompare(b)));
    for (const instance of instances) {
      const counts = h('td', { class: 'rc-counts' });
      for (const [name, count] of Object.entries(all[widget][instance]).sort(([a], [b]) => a.localeCompare(b))) {
        const key = `${widget}|${instance}|${name}`;
        next.set(key, count);
        const changed = previous.size > 0 && previous.get(key) !== count;
        counts.append(h('span', { class: changed ? 'rc-count rc-bump' : 'rc-count' }, `${name} `, h('b', {}, String(count))));
      }
      rows.push(
        h(
          'tr',
          { 'data-widget': widget },
          h('td', {}, h('span', { class: 'rc-widget' }, widget)),
          h('td', {}, instance === '*' ? h('span', { class: 'rc-all' }, 'all (per shopper)') : instance),
          counts,
        ),
      );
    }
  }
  previous = next;
  counterRows.replaceChildren(...rows);
  countersEmpty.hidden = rows.length > 0;
}

// ---- Reset ----------------------------------------------------------------------------------------

resetButton.addEventListener('click', async () => {
  const ok = confirm(
    'Reset the demo? This empties the cart, forgets the demo orders and this log, and deletes everything the kit stored in this browser (IndexedDB "retainkit").',
  );
  if (!ok) return;
  for (const store of [localStorage, sessionStorage]) {
    for (const key of Object.keys(store)) if (key.startsWith('kettlebloom:') && key !== OPEN_KEY) store.removeItem(key);
  }
  await new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(KIT_DATABASE);
    request.onsuccess = request.onerror = request.onblocked = () => resolve();
  });
  location.reload();
});

// ---- Start ----------------------------------------------------------------------------------------

declare global {
  interface Window {
    /** The demo console's hooks, for scripts that are not modules (and e2e tests). */
    retainDemoConsole?: { setDeliveryState: typeof setDeliveryState };
  }
}

function start(): void {
  document.body.append(panel);
  let open = false;
  try {
    open = sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    // collapsed by default
  }
  setOpen(open);
  keepRoom();
  restore();
  showTally();
  countersEmpty.hidden = false;
  window.retainDemoConsole = { setDeliveryState };

  const kit = window.retainkit;
  if (!kit) {
    status.textContent = 'The kit did not load: window.retainkit is missing.';
    return;
  }
  status.textContent = `retainkit ${kit.version}`;
  void kit.on(onEvent);
  void import('../src/core/delivery.ts').then(({ onDeliveryState }) => onDeliveryState(trackDelivery));
  void scheduleCounters();
  if (typeof BroadcastChannel !== 'undefined') {
    // The kit announces every counter change on this channel; a second channel object in this tab hears
    // this tab's changes too, not only other tabs'.
    new BroadcastChannel('retainkit').addEventListener('message', (event: MessageEvent<{ topic?: string }>) => {
      if (event.data?.topic === 'counters') void scheduleCounters();
    });
  }
}

start();
