/**
 * `<retain-report>`: the store's retention figures, computed in the owner's browser from an orders
 * export (Shopify, WooCommerce, or any CSV with a column mapping). A worker reads, hashes and computes
 * (see report.worker.ts), so a 50 MB export makes no long task here; only aggregates are kept in
 * IndexedDB, so the last report reopens; nothing is sent anywhere.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { currencyCode, parseNumber, parseUrl, warn, warnBadValue } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import type { RetainEvent } from '../core/events.js';
import { LocalizeController } from '../core/localize.js';
import { part } from '../core/parts.js';
import { nextTask } from '../core/tasks.js';
import { sortFiles } from './file-kinds.js';
import { MAPPED_FIELDS, REQUIRED_FIELDS, type ColumnMapping, type MappedField } from './formats.js';
import type { IgnoredOption, RfmSegmentName } from './metrics/types.js';
import type { Problem } from './problems.js';
import type { ComputedReport, FromWorker, Input, Phase, Settings, ToWorker } from './protocol.js';
import { RetainReportExportedEvent, RetainReportForgottenEvent, RetainReportLoadedEvent } from './report.events.js';
import { ReportRunner } from './report-runner.js';
import {
  cohortTable,
  dayLabel,
  funnels,
  keyFigures,
  leftOut,
  monthLabel,
  predicted,
  problemText,
  retentionCurve,
  returningTable,
  rfmTable,
  type SectionContext,
} from './report.sections.js';
import { styles } from './report.styles.js';
import { translations, type ReportTerm } from './report.translations.js';
import { forgetReport, loadReport, saveReport } from './saved-report.js';
import { parseDate, parseDay } from './values.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './report.events.js';

type View = 'idle' | 'working' | 'mapping' | 'report' | 'failed';
/** The charts' code and uPlot (core/parts.ts): loaded once there are figures to draw. */
const chartsPart = part('retain-report', 'charts', () => import('./report-charts.js'));
/** The report's parts, drawn one task at a time: figures, settings, returning rate, cohorts, segments, prediction and funnels. */
const SECTIONS = 6;
type MappingRequest = Extract<FromWorker, { type: 'mapping' }>;
type Failure = Extract<FromWorker, { type: 'failed' }>['problem'];

/** The files of the run in progress, kept to send again with the owner's column mapping. */
interface Pending {
  orders?: Input;
  ordersName?: string;
  customers?: Blob;
  events?: Input;
}

const OPTION_ATTRIBUTES: Record<IgnoredOption['option'], string> = {
  asOf: 'as-of',
  lapseDays: 'lapse-days',
  cac: 'cac',
  timeZone: 'time-zone',
  horizonDays: 'horizon',
};

/**
 * @tag retain-report
 * @summary The store's retention figures from its orders export, computed in the owner's browser.
 *
 * @attr src - The orders export to read on load (https: or relative); without it the owner drops or chooses files.
 * @attr events-src - The kit's forwarded events as JSON lines (https: or relative), for the widgets' funnels.
 * @attr currency - ISO 4217 code of exports that carry no currency column (WooCommerce Analytics).
 * @attr lapse-days - Days without an order after which a customer counts as lapsed; default from the store's own gaps.
 * @attr cac - Acquisition cost per customer, for CLV : CAC: `25 EUR, 30 USD` (a bare number applies to every currency).
 * @attr as-of - The report's "today" (a date such as 2025-06-30, that day in `time-zone`); default the latest order's.
 * @attr time-zone - IANA time zone of days and months; default the browser's.
 * @attr [horizon=365] - Days ahead of the predicted customer value; default 365.
 * @attr lang - The language (en, ru, uk, hu), else the page's.
 * @attr instance - Names this report in what is kept (the last report per instance reopens).
 * @attr {'light' | 'dark' | 'auto'} [scheme=auto] - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 *
 * @fires retain-report-loaded - A report is on screen (computed from files, or reopened from this browser).
 * @fires retain-report-exported - The owner exported a segment's customers. Cancelable: cancel it to handle `csv` (in its detail) yourself instead of the download.
 * @fires retain-report-forgotten - The owner forgot the report; nothing of it is kept.
 *
 * @csspart base - The report's wrapper.
 * @csspart drop-zone - Where files are dropped or chosen.
 * @csspart progress - The progress bar and cancel button.
 * @csspart figure - A key figure.
 * @csspart table - Every data table (also `cohorts`, `rfm`, `funnel`).
 * @csspart export-button - A segment's "Export CSV" button.
 * @csspart chart - A chart (decorative: its table holds the same figures).
 * @csspart exclusions - The list of orders left out by reason.
 * @csspart problems - The list of problems found in the files.
 *
 * @cssproperty --retain-report-accent - Buttons, bars, the first chart line and the heat scale (default `--retain-accent`, else #1d4ed8).
 * @cssproperty --retain-report-on-accent - Text on the accent (default white).
 * @cssproperty --retain-report-surface - Card background (default `--retain-surface`, else white, or #1c1b22 where the page is dark).
 * @cssproperty --retain-report-text - Text colour (default `--retain-text`, else black, or #f1f0f4 where the page is dark).
 * @cssproperty --retain-report-border - Lines (default `--retain-border`).
 * @cssproperty --retain-report-radius - Corner radius (default `--retain-radius`, else 0.75rem).
 */
export class RetainReport extends RetainElement {
  static override widget = 'report';
  static override styles = styles;

  @property() src = '';
  @property({ attribute: 'events-src' }) eventsSrc = '';
  @property() currency = '';
  @property({ attribute: 'lapse-days' }) lapseDays = '';
  @property() cac = '';
  @property({ attribute: 'as-of' }) asOf = '';
  @property({ attribute: 'time-zone' }) timeZone = '';
  @property() horizon = '';

  /** @internal */
  @state() private view: View = 'idle';
  /** @internal */
  @state() private report?: ComputedReport;
  /** @internal The report came from IndexedDB, not from a file read in this page. */
  @state() private reopened = false;
  /** @internal */
  @state() private progress: { phase: Phase; fraction: number } = { phase: 'orders', fraction: 0 };
  /** @internal */
  @state() private mapping?: MappingRequest;
  /** @internal What the mapping form says is missing. */
  @state() private mappingError?: 'chooseColumn' | 'badCurrencyCode' | 'typeCurrencyCode';
  /** @internal */
  @state() private failure?: Failure;
  /** @internal The currency whose figures are shown. */
  @state() private shownCurrency = '';
  /** @internal What the live region says (cancelled, forgotten, exported). */
  @state() private status = '';
  /** @internal */
  @state() private dragging = false;
  /** @internal How many of the report's parts are drawn (see `show`). */
  @state() private revealed = SECTIONS;
  /** @internal */
  @state() private focusedTip?: string;
  /** @internal */
  @state() private pinnedTip?: string;
  /** @internal */
  @state() private quietTip?: string;
  /** @internal The year of first orders whose cohorts are shown, when there are too many for one table. */
  @state() private cohortYear?: string;
  /** @internal The page is being printed: every cohort is drawn. */
  @state() private printing = false;
  /** @internal The owner's settings from the form, over the attributes'. */
  @state() private edits: { lapseDays?: number | null; cac: Record<string, number> } = { cac: {} };

  /**
   * Resolves once the element knows what it shows first: the report reopened from this browser, or none;
   * with `src`, once reading has begun (`retain-report-loaded` says when the report is there).
   */
  readonly ready: Promise<void>;
  private resolveReady!: () => void;

  /** Focus was inside the element when this update began. */
  private hadFocus = false;

  private readonly l = new LocalizeController<ReportTerm>(this, translations);
  private readonly runner = new ReportRunner((message) => this.onWorker(message));
  private pending: Pending = {};
  private charts: (() => void)[] = [];
  private chartsFor?: unknown;

  constructor() {
    super();
    this.ready = new Promise((resolve) => (this.resolveReady = resolve));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('beforeprint', this.onPrint);
    window.addEventListener('afterprint', this.onPrint);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('beforeprint', this.onPrint);
    window.removeEventListener('afterprint', this.onPrint);
    this.runner.stop();
    this.dropCharts();
  }

  /** A printed report has every cohort, not the year shown on screen. */
  private readonly onPrint = (event: Event) => (this.printing = event.type === 'beforeprint');

  /** The settings from the attributes (each bad one warned about once) and the owner's edits. */
  private settings(): Settings {
    const settings: Settings = {};
    const currency = this.currency.trim();
    if (currency) {
      const code = currencyCode(currency);
      if (code) settings.currency = code;
      else warnBadValue(this, 'currency', this.currency, 'none', 'is not a three-letter ISO 4217 code');
    }
    const lapse = parseNumber(this, 'lapse-days', this.lapseDays, NaN, { min: 1, integer: true });
    if (!Number.isNaN(lapse)) settings.lapseDays = lapse;
    if (this.edits.lapseDays !== undefined) settings.lapseDays = this.edits.lapseDays ?? undefined;
    const horizon = parseNumber(this, 'horizon', this.horizon, NaN, { min: 1, max: 3650, integer: true });
    if (!Number.isNaN(horizon)) settings.horizonDays = horizon;
    if (this.asOf.trim()) {
      // A date is that calendar day in the report's zone (the worker's to place); a date-time, the instant it names.
      const asOf = parseDay(this.asOf) ?? parseDate(this.asOf);
      if (asOf === undefined) warnBadValue(this, 'as-of', this.asOf, 'the latest order’s date', 'is not a date such as 2025-06-30');
      else settings.asOf = asOf;
    }
    const zone = this.timeZone.trim();
    if (zone) {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        settings.timeZone = zone;
      } catch {
        warnBadValue(this, 'time-zone', this.timeZone, 'the browser’s zone', 'is not an IANA time zone such as Europe/Budapest');
      }
    }
    const cac = { ...this.parseCac(), ...this.edits.cac };
    if (Object.keys(cac).length) settings.cac = cac;
    return settings;
  }

  /** `25 EUR, 30 USD`, `EUR 25`, or a bare `25` for every currency of the report (`*`). */
  private parseCac(): Record<string, number> {
    const text = this.cac.trim();
    if (!text) return {};
    const result: Record<string, number> = {};
    for (const part of text.split(',')) {
      const match = /^\s*(?:([A-Za-z]{3})\s+)?(\d+(?:\.\d+)?)\s*([A-Za-z]{3})?\s*$/.exec(part);
      const code = (match?.[1] ?? match?.[3])?.toUpperCase();
      if (!match || (match[1] && match[3]) || !(Number(match[2]) > 0)) {
        warnBadValue(this, 'cac', this.cac, 'none', 'is not a list of costs such as "25 EUR, 30 USD"');
        return {};
      }
      result[code ?? '*'] = Number(match[2]);
    }
    return result;
  }

  protected override firstUpdated(): void {
    void this.start();
  }

  private async start(): Promise<void> {
    // After the first update has finished: what follows changes the element's state.
    await this.updateComplete;
    const src = parseUrl(this, 'src', this.src);
    const eventsSrc = parseUrl(this, 'events-src', this.eventsSrc);
    if (src) {
      this.run({
        orders: { url: src },
        ordersName: new URL(src).pathname.split('/').pop(),
        events: eventsSrc ? { url: eventsSrc } : undefined,
      });
      this.resolveReady();
      return;
    }
    // IndexedDB in a task after the first render: the drop zone shows at once. (Not pacing's nextFrame:
    // importing it would split it out of the review showcase's chunk, a file more on that widget's first load.)
    await nextTask();
    try {
      const saved = await loadReport(this.instanceName);
      if (saved && !this.report && this.view === 'idle') {
        this.reopened = true;
        await this.show(saved);
      }
    } catch (error) {
      warn(`<retain-report> could not read the saved report`, error);
    }
    this.resolveReady();
  }

  private run(pending: Pending, mapping?: ColumnMapping, currency?: string): void {
    // A new export ends the worker and whatever it holds; events for the report read keep it.
    if (pending.orders) this.runner.stop();
    this.pending = pending;
    this.failure = undefined;
    this.mapping = undefined;
    this.mappingError = undefined;
    this.status = '';
    this.view = 'working';
    this.progress = { phase: pending.orders && !(pending.orders instanceof Blob) ? 'fetch' : 'orders', fraction: 0 };
    this.runner.send({ type: 'run', ...pending, mapping, currency, settings: this.settings() });
  }

  /** Reads files the owner chose or dropped (also callable from a store's own script). */
  async read(files: readonly File[]): Promise<void> {
    if (!files.length) return;
    // A new attempt clears the last one's message.
    if (this.view === 'failed') this.view = this.report ? 'report' : 'idle';
    const sorted = await sortFiles(files);
    if (!sorted.orders && sorted.events && this.report?.exportable) {
      // Events for the report already read: the worker still holds its orders.
      this.run({ events: sorted.events });
      return;
    }
    if (!sorted.orders) {
      this.runner.stop();
      this.fail({ kind: 'no-orders' });
      return;
    }
    this.run({ orders: sorted.orders, ordersName: sorted.orders.name, customers: sorted.customers, events: sorted.events });
  }

  private onWorker(message: FromWorker): void {
    switch (message.type) {
      case 'progress':
        this.progress = { phase: message.phase, fraction: message.fraction };
        break;
      case 'mapping':
        this.mapping = message;
        this.view = 'mapping';
        break;
      case 'failed':
        this.fail(message.problem);
        break;
      case 'done':
        this.reopened = false;
        void this.show(message.report);
        saveReport(this.instanceName, message.report).catch((error: unknown) =>
          warn('<retain-report> could not keep the report for next time', error),
        );
        break;
      case 'csv':
        this.download(message.segment, message.currency, message.text);
        break;
    }
  }

  private fail(problem: Failure): void {
    this.failure = problem;
    this.view = 'failed';
    this.resolveReady();
  }

  /**
   * Shows a report a part at a time, each in a task of its own (the figures first, then each table), so
   * that drawing a large store's cohorts and segments makes no long task; `retain-report-loaded` follows
   * once all of it is on screen.
   */
  private async show(report: ComputedReport): Promise<void> {
    // A report replacing one on screen updates the parts already drawn.
    if (!this.report) this.revealed = 1;
    this.report = report;
    this.view = 'report';
    const currencies = report.figures.currencies.map((c) => c.currency);
    if (!currencies.includes(this.shownCurrency)) this.shownCurrency = currencies[0] ?? '';
    for (const ignored of report.figures.ignoredOptions) {
      warnBadValue(this, OPTION_ATTRIBUTES[ignored.option], ignored.value, ignored.used, 'could not be used by the report');
    }
    await this.updateComplete;
    while (this.revealed < SECTIONS) {
      await nextTask();
      if (this.report !== report) return;
      this.revealed++;
      await this.updateComplete;
    }
    const excluded = Object.values(report.exclusions).reduce((a, b) => a + b, 0);
    this.tell(
      new RetainReportLoadedEvent(
        this.detail({ format: report.source.format, orders: report.source.orders, excluded, currencies, reopened: this.reopened }),
      ),
    );
    this.resolveReady();
  }

  /**
   * Dispatches on the page only: not through the kit's `emit`, whose forwarding would send the report's
   * events to the store's analytics or endpoint (the report makes no request after its code has loaded).
   */
  private tell(event: RetainEvent): boolean {
    return this.dispatchEvent(event);
  }

  private cancel(): void {
    this.runner.stop();
    this.view = this.report ? 'report' : 'idle';
    this.report = this.report && this.report.exportable ? { ...this.report, exportable: false } : this.report;
    this.status = this.l.term('cancelled');
  }

  private async forget(): Promise<void> {
    this.runner.stop();
    this.dropCharts();
    this.report = undefined;
    this.reopened = false;
    this.view = 'idle';
    try {
      await forgetReport(this.instanceName);
    } catch (error) {
      warn('<retain-report> could not forget the saved report', error);
    }
    this.status = this.l.term('forgotten');
    this.tell(new RetainReportForgottenEvent(this.detail({})));
    // Back to the start, however the button was pressed.
    await this.updateComplete;
    this.viewStart()?.focus();
  }

  private exportSegment(segment: RfmSegmentName): void {
    const currency = this.shownCurrency;
    this.runner.send({ type: 'export', currency, segment } satisfies ToWorker);
  }

  private download(segment: RfmSegmentName, currency: string, text: string): void {
    const customers = Math.max(0, text.split('\r\n').filter(Boolean).length - 1);
    const event = new RetainReportExportedEvent(this.detail({ segment, currency, customers }));
    // The list itself is for this page only: a listener may take it and cancel the download.
    Object.defineProperty(event.detail, 'csv', { value: text, enumerable: false });
    this.tell(event);
    this.status = this.l.term('exported', { n: customers, segment: this.l.term(`seg.${segment}`) });
    if (event.defaultPrevented) return;
    const url = URL.createObjectURL(new Blob([`\ufeff${text}`], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `retention-${segment}-${currency}.csv`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private recompute(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const lapse = String(form.get('lapse') ?? '').trim();
    const cac: Record<string, number> = {};
    for (const [name, value] of form) {
      const amount = Number(value);
      if (name.startsWith('cac-') && String(value).trim() && amount > 0) cac[name.slice(4)] = amount;
    }
    this.edits = { lapseDays: lapse && Number(lapse) >= 1 ? Math.round(Number(lapse)) : null, cac };
    this.view = 'working';
    this.progress = { phase: 'compute', fraction: 0 };
    this.runner.send({ type: 'recompute', settings: this.settings() });
  }

  private submitMapping(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const columns: ColumnMapping['columns'] = {};
    for (const field of MAPPED_FIELDS) {
      const value = String(data.get(field) ?? '');
      if (value) columns[field] = value;
    }
    const fixed = String(data.get('fixed-currency') ?? '')
      .trim()
      .toUpperCase();
    if (this.currencyOnly) {
      // A known export that lacks only its currency: read as that export, in the currency named.
      const code = currencyCode(fixed);
      const input = form.querySelector<HTMLInputElement>('#fixed-currency')!;
      input.setAttribute('aria-invalid', String(!code));
      this.mappingError = code ? undefined : 'typeCurrencyCode';
      if (code) this.run(this.pending, undefined, code);
      else input.focus();
      return;
    }
    const invalid = [...form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('select, input')].find((control) => {
      const field = control.name as MappedField;
      if (REQUIRED_FIELDS.includes(field)) return !columns[field];
      if (control.name === 'fixed-currency') return !columns.currency && !currencyCode(fixed);
      return false;
    });
    form.querySelectorAll('[aria-invalid="true"]').forEach((control) => control.setAttribute('aria-invalid', 'false'));
    this.mappingError = invalid ? (invalid.name === 'fixed-currency' ? 'badCurrencyCode' : 'chooseColumn') : undefined;
    if (invalid) {
      invalid.setAttribute('aria-invalid', 'true');
      invalid.focus();
      return;
    }
    this.run(this.pending, { columns, currency: columns.currency ? undefined : fixed });
  }

  /** The mapping step asks only for a currency: the export is a known one, complete but for its currency. */
  private get currencyOnly(): boolean {
    const request = this.mapping;
    return (
      !!request &&
      request.needsCurrency &&
      !request.missing.length &&
      request.format !== 'generic' &&
      request.format !== 'woocommerce-customers'
    );
  }

  private onTip(event: Event, key: string): void {
    if (event.type === 'click') this.pinnedTip = this.pinnedTip === key ? undefined : key;
    else if (event.type === 'keydown' && (event as KeyboardEvent).key === 'Escape') {
      // WCAG 1.4.13: a description shown on focus can be dismissed without moving focus.
      this.quietTip = key;
      if (this.pinnedTip === key) this.pinnedTip = undefined;
    } else if (event.type === 'focus') this.focusedTip = key;
    else if (event.type === 'blur') {
      if (this.focusedTip === key) this.focusedTip = undefined;
      if (this.quietTip === key) this.quietTip = undefined;
    }
  }

  private onDrop(event: DragEvent): void {
    event.preventDefault();
    this.dragging = false;
    void this.read([...(event.dataTransfer?.files ?? [])]);
  }

  private onDrag(event: DragEvent, over: boolean): void {
    event.preventDefault();
    this.dragging = over;
  }

  private onChoose(event: Event): void {
    const input = event.currentTarget as HTMLInputElement;
    const files = [...(input.files ?? [])];
    input.value = '';
    void this.read(files);
  }

  protected override render(): TemplateResult {
    const { view } = this;
    return html`<section part="base" class="base" lang=${this.l.language} dir=${this.l.dir} aria-labelledby="title">
      <header class="head">
        <h2 id="title">${this.l.term('title')}</h2>
        <p class="intro">${this.l.term('intro')}</p>
      </header>
      <p class="status" role="status">${this.status}</p>
      ${view === 'working' ? this.renderProgress() : this.renderDropZone()}
      ${view === 'mapping' ? this.renderMapping() : nothing} ${view === 'failed' ? this.renderFailure() : nothing}
      ${this.report && view !== 'mapping' ? this.renderReport(this.report) : nothing}
    </section>`;
  }

  private renderDropZone(): TemplateResult {
    return html`<div
      class="drop ${this.dragging ? 'dragging' : ''} ${this.report ? 'compact' : ''}"
      part="drop-zone"
      @dragenter=${(e: DragEvent) => this.onDrag(e, true)}
      @dragover=${(e: DragEvent) => this.onDrag(e, true)}
      @dragleave=${(e: DragEvent) => this.onDrag(e, false)}
      @drop=${this.onDrop}
    >
      <p class="drop-title">${this.l.term(this.report ? 'newFile' : 'drop')}</p>
      ${this.report ? nothing : html`<p class="hint" id="drop-hint">${this.l.term('dropHint')}</p>`}
      <input
        id="files"
        class="file-input"
        type="file"
        multiple
        accept=".csv,.txt,.tsv,.jsonl,.ndjson,.json,text/csv,application/json"
        aria-describedby=${this.report ? nothing : 'drop-hint'}
        @change=${this.onChoose}
      />
      <label for="files" class="button">${this.l.term('choose')}</label>
    </div>`;
  }

  private renderProgress(): TemplateResult {
    const { phase, fraction } = this.progress;
    return html`<div class="progress" part="progress">
      <label for="progress">${this.l.term(`phase.${phase}`)}</label>
      <progress id="progress" max="100" value=${Math.round(fraction * 100)}>${this.l.number(fraction, { style: 'percent' })}</progress>
      <button type="button" class="secondary" @click=${this.cancel}>${this.l.term('cancel')}</button>
    </div>`;
  }

  private renderFailure(): TemplateResult {
    const problem = this.failure!;
    const text =
      problem.kind === 'no-orders' ||
      problem.kind === 'fetch-failed' ||
      problem.kind === 'worker-error' ||
      problem.kind === 'worker-blocked'
        ? this.l.term(`fail.${problem.kind}`, { value: problem.value ?? '' })
        : problemText(this.l, problem as Problem);
    return html`<p class="failure" role="alert">${text}</p>`;
  }

  private renderMapping(): TemplateResult {
    const request = this.mapping!;
    const { l } = this;
    const only = this.currencyOnly;
    let intro: string;
    if (request.format === 'woocommerce-customers') intro = l.term('mappingCustomers');
    else if (request.missing.length && request.format !== 'generic')
      intro = l.term('mappingMissing', {
        format: l.term(`format.${request.format}`),
        columns: request.missing.map((name) => `“${name}”`).join(', '),
      });
    else if (only) intro = l.term('mappingCurrency');
    else intro = l.term('mappingUnknown');
    const select = (field: MappedField) => {
      const required = REQUIRED_FIELDS.includes(field);
      return html`<div class="field">
        <label for="map-${field}">${l.term(`field.${field}`)}</label>
        <select id="map-${field}" name=${field} ?required=${required} aria-invalid="false">
          <option value="">${l.term('noColumn')}</option>
          ${request.headers.map((name) => html`<option value=${name} ?selected=${request.guess.columns[field] === name}>${name}</option>`)}
        </select>
      </div>`;
    };
    return html`<form class="mapping" part="mapping" aria-labelledby="mapping-title" novalidate @submit=${this.submitMapping}>
      <h3 id="mapping-title" tabindex="-1">${l.term('mappingTitle')}</h3>
      <p>${intro}</p>
      <div class="fields">
        ${only ? nothing : MAPPED_FIELDS.map(select)}
        <div class="field">
          <label for="fixed-currency">${l.term(only ? 'currencyOnly' : 'fixedCurrency')}</label>
          <input
            id="fixed-currency"
            name="fixed-currency"
            maxlength="3"
            autocomplete="off"
            .value=${this.currency.trim().toUpperCase()}
            aria-invalid="false"
            aria-describedby="currency-error"
          />
          <p class="hint" id="currency-error">${l.term(only ? 'typeCurrencyCode' : 'badCurrencyCode')}</p>
        </div>
      </div>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="sample-title">
        <table part="table sample">
          <caption id="sample-title">${l.term('sample')}</caption>
          <thead>
            <tr>
              ${request.headers.map((name) => html`<th scope="col">${name}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${request.sample.map((row) => html`<tr>${row.map((value) => html`<td>${value}</td>`)}</tr>`)}
          </tbody>
        </table>
      </div>
      <p class="error" role="alert">${this.mappingError ? l.term(this.mappingError) : ''}</p>
      <button class="primary" type="submit">${l.term(only ? 'readWithCurrency' : 'readWithMapping')}</button>
    </form>`;
  }

  private renderReport(report: ComputedReport): TemplateResult {
    const { l } = this;
    const figures = report.figures.currencies.find((c) => c.currency === this.shownCurrency) ?? report.figures.currencies[0];
    const source = report.source;
    const zone = report.figures.timeZone;
    const context: SectionContext | undefined = figures && {
      l,
      report,
      figures,
      focusedTip: this.focusedTip,
      pinnedTip: this.pinnedTip,
      quietTip: this.quietTip,
      onTip: (event, key) => this.onTip(event, key),
      onExport: (segment) => this.exportSegment(segment),
      cohortYear: this.cohortYear,
      onCohortYear: (year) => (this.cohortYear = year),
      allCohorts: this.printing,
    };
    return html`<article class="report" aria-labelledby="title">
      <div class="source">
        <p tabindex="-1">
          ${l.term('source', { name: source.name, format: l.term(`format.${source.format}`), rows: source.rows, orders: source.orders })}
          ${l.term('computed', { date: dayLabel(l, report.computedAt, zone) })}
        </p>
        ${this.reopened ? html`<p class="note">${l.term('reopened', { date: dayLabel(l, report.computedAt, zone) })}</p>` : nothing}
        ${source.byName ? html`<p class="note">${l.term('byName')}</p>` : nothing}
        ${
          source.currencyFrom && figures
            ? html`<p class="note">${l.term(`currencyFrom.${source.currencyFrom}`, { currency: figures.currency })}</p>`
            : nothing
        }
        <div class="actions no-print">
          <button type="button" class="secondary" @click=${() => window.print()}>${l.term('print')}</button>
          <button type="button" class="secondary" part="forget-button" @click=${this.forget}>${l.term('forget')}</button>
        </div>
      </div>
      ${leftOut({ l, report })} ${figures && context ? this.renderCurrency(report, context) : nothing}
    </article>`;
  }

  private renderCurrency(report: ComputedReport, c: SectionContext): TemplateResult {
    const { l } = this;
    const f = c.figures;
    const currencies = report.figures.currencies;
    const zone = report.figures.timeZone;
    return html`${
      currencies.length > 1
        ? html`<div class="currency-pick no-print">
            <p>${l.term('currencies', { n: currencies.length })}</p>
            <label for="currency">${l.term('currency')}</label>
            <select id="currency" @change=${(e: Event) => (this.shownCurrency = (e.currentTarget as HTMLSelectElement).value)}>
              ${currencies.map((c) => html`<option value=${c.currency} ?selected=${c.currency === f.currency}>${c.currency}</option>`)}
            </select>
          </div>`
        : nothing
    }
      <p class="period">
        ${l.term('period', { from: dayLabel(l, f.firstOrder, zone), to: dayLabel(l, f.lastOrder, zone), asOf: dayLabel(l, report.figures.asOf, zone) })}
      </p>
      ${keyFigures(c)} ${this.revealed > 1 ? this.renderSettings(report, f.currency) : nothing}
      ${this.revealed > 2 ? returningTable(c, html`<div class="chart" part="chart" data-chart="returning" aria-hidden="true"></div>`) : nothing}
      ${this.revealed > 3 ? cohortTable(c, html`<div class="chart" part="chart" data-chart="curve" aria-hidden="true"></div>`) : nothing}
      ${this.revealed > 4 ? rfmTable(c) : nothing} ${this.revealed > 5 ? html`${predicted(c)} ${funnels(c, report.funnels)}` : nothing}`;
  }

  private renderSettings(report: ComputedReport, currency: string): TemplateResult {
    const { l } = this;
    const settings = report.settings;
    const lapse = settings.lapseDays;
    return html`<form class="settings block no-print" aria-labelledby="settings-title" @submit=${this.recompute}>
      <h3 id="settings-title">${l.term('settingsTitle')}</h3>
      ${report.exportable ? nothing : html`<p class="note" id="settings-note">${l.term('settingsNeedFile')}</p>`}
      <fieldset ?disabled=${!report.exportable} aria-describedby=${report.exportable ? nothing : 'settings-note'}>
        <div class="field">
          <label for="lapse">${l.term('lapseLabel')}</label>
          <input id="lapse" name="lapse" type="number" min="1" step="1" inputmode="numeric" .value=${lapse ? String(lapse) : ''} aria-describedby="lapse-hint" />
          <p class="hint" id="lapse-hint">${l.term('lapseHint')}</p>
        </div>
        <div class="field">
          <label for="cac-${currency}">${l.term('cacLabel', { currency })}</label>
          <input
            id="cac-${currency}"
            name="cac-${currency}"
            type="number"
            min="0"
            .step=${/* a property: lit-analyzer's HTML data types the attribute as a number, without the standard "any" */ 'any'}
            inputmode="decimal"
            .value=${String(settings.cac?.[currency] ?? settings.cac?.['*'] ?? '')}
          />
        </div>
        <button type="submit" class="primary">${l.term('recompute')}</button>
      </fieldset>
    </form>`;
  }

  protected override willUpdate(): void {
    this.hadFocus = !!(this.renderRoot as ShadowRoot).activeElement;
  }

  protected override updated(changed: PropertyValues): void {
    // The control that held the focus went with the view (the file chooser, Cancel, Forget): the focus goes on
    // to what the new view is about, not to the page's body, where a keyboard or screen reader user is lost.
    if (this.hadFocus && !(this.renderRoot as ShadowRoot).activeElement) this.viewStart()?.focus();
    if (changed.has('report') || changed.has('shownCurrency') || changed.has('view') || changed.has('revealed')) void this.drawCharts();
  }

  /** Where the view starts: Cancel while working, the mapping's heading, the report's source line, else the file chooser. */
  private viewStart(): HTMLElement | null {
    const { view } = this;
    const selector =
      view === 'working'
        ? '.progress button'
        : view === 'mapping'
          ? '#mapping-title'
          : view === 'report'
            ? '.source p'
            : 'input[type="file"]';
    return this.renderRoot.querySelector(selector);
  }

  private dropCharts(): void {
    for (const remove of this.charts.splice(0)) remove();
    this.chartsFor = undefined;
  }

  /** Draws the charts of the figures shown, once their containers are on the page (uPlot loads on first use). */
  private async drawCharts(): Promise<void> {
    const figures = this.report?.figures.currencies.find((c) => c.currency === this.shownCurrency);
    const returning = this.renderRoot.querySelector<HTMLElement>('[data-chart="returning"]');
    const curve = this.renderRoot.querySelector<HTMLElement>('[data-chart="curve"]');
    if (!figures || !returning || !curve) return this.dropCharts();
    const key = [figures, returning, curve];
    if (this.chartsFor && (this.chartsFor as unknown[]).every((item, i) => item === key[i])) return;
    this.dropCharts();
    this.chartsFor = key;
    const percent = (value: number) => this.l.number(value, { style: 'percent', maximumFractionDigits: 0 });
    // Without their code (a dropped connection) the tables carry the same figures: the part has warned.
    const code = await chartsPart.get();
    if (!code || this.chartsFor !== key) return;
    const { drawLineChart } = code;
    try {
      this.charts.push(
        await drawLineChart(returning, {
          labels: figures.returningByMonth.map((row) => monthLabel(this.l, row.month)),
          series: [{ label: this.l.term('col.rate'), values: figures.returningByMonth.map((row) => row.rate) }],
          formatY: percent,
        }),
      );
      // Each chart in a task of its own: two at once, with their frame, made a long task on a loaded machine.
      await nextTask();
      if (this.chartsFor !== key) return;
      const curveValues = retentionCurve(figures);
      this.charts.push(
        await drawLineChart(curve, {
          labels: curveValues.map((_, k) => String(k)),
          series: [{ label: this.l.term('curveTitle'), values: curveValues }],
          formatY: percent,
        }),
      );
    } catch (error) {
      // The tables carry the same figures; a chart that cannot be drawn is not worth more than a note.
      warn('<retain-report> could not draw its charts; the tables hold the same figures', error);
    }
  }
}

defineElement('retain-report', RetainReport);

declare global {
  interface HTMLElementTagNameMap {
    'retain-report': RetainReport;
  }
}
