/**
 * The report's sections as templates: key figures (each with its definition on hover and focus), the
 * returning rate by month, cohorts with a heat scale, RFM segments, the predicted value, the kit's
 * funnels, and what was left out of the figures. Every chart's figures are in a table too.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../core/localize.js';
import type { Funnels } from './funnels.js';
import type { CurrencyFigures, RfmSegmentName } from './metrics/types.js';
import type { Problem } from './problems.js';
import type { ComputedReport } from './protocol.js';
import type { ReportTerm } from './report.translations.js';

export interface SectionContext {
  l: LocalizeController<ReportTerm>;
  report: ComputedReport;
  figures: CurrencyFigures;
  /** The definition of the focused figure, the one kept open by a click (touch has no hover), and one hidden by Escape. */
  focusedTip?: string;
  pinnedTip?: string;
  quietTip?: string;
  onTip: (event: Event, key: string) => void;
  onExport: (segment: RfmSegmentName) => void;
  /** The year whose cohorts the table shows, when there are too many to show at once (default the latest). */
  cohortYear?: string;
  onCohortYear: (year: string) => void;
  /** Every cohort at once (printing). */
  allCohorts?: boolean;
}

const t = (c: SectionContext, key: ReportTerm, args?: Record<string, unknown>) => c.l.term(key, args);
const pct = (c: SectionContext, value: number) => c.l.number(value, { style: 'percent', maximumFractionDigits: 1 });
const money = (c: SectionContext, value: number) => c.l.currency(value, c.figures.currency);
const count = (c: SectionContext, value: number) => c.l.number(value);

/** `2024-05` → "May 2024" in the page's language. */
export function monthLabel(l: LocalizeController<ReportTerm>, month: string): string {
  const [y, m] = month.split('-').map(Number);
  return l.date(Date.UTC(y, m - 1, 1), { year: 'numeric', month: 'short', timeZone: 'UTC' });
}

export function dayLabel(l: LocalizeController<ReportTerm>, ms: number, timeZone: string): string {
  try {
    return l.date(ms, { dateStyle: 'medium', timeZone });
  } catch {
    return l.date(ms, { dateStyle: 'medium' });
  }
}

type FigureKey =
  | 'customers'
  | 'orders'
  | 'revenue'
  | 'aov'
  | 'frequency'
  | 'repeatRate'
  | 'medianGap'
  | 'lapsed'
  | 'clvRevenue'
  | 'clvProjected'
  | 'clvCac';

/** One figure: its name is a button that describes it (hover, focus, or a click to keep it open). */
function figure(c: SectionContext, key: FigureKey, value: string, note?: string | TemplateResult): TemplateResult {
  const id = `def-${key}`;
  const classes = `figure ${c.focusedTip === key ? 'focused' : ''} ${c.pinnedTip === key ? 'pinned' : ''} ${c.quietTip === key ? 'quiet' : ''}`;
  return html`<li class=${classes} part="figure" data-figure=${key}>
    <button
      type="button"
      class="term"
      aria-describedby=${id}
      aria-expanded=${c.pinnedTip === key ? 'true' : 'false'}
      @click=${(event: Event) => c.onTip(event, key)}
      @keydown=${(event: Event) => c.onTip(event, key)}
      @focus=${(event: Event) => c.onTip(event, key)}
      @blur=${(event: Event) => c.onTip(event, key)}
    >
      ${t(c, `fig.${key}`)}
    </button>
    <span class="value">${value}</span>
    ${note ? html`<span class="note">${note}</span>` : nothing}
    <span class="tip" id=${id}>${t(c, `def.${key}`)}</span>
  </li>`;
}

export function keyFigures(c: SectionContext): TemplateResult {
  const f = c.figures;
  const { clv, lapse } = f;
  const projected =
    clv.aovFrequencyLifespan === null
      ? figure(c, 'clvProjected', '—', t(c, 'val.noLapsed'))
      : figure(
          c,
          'clvProjected',
          money(c, clv.aovFrequencyLifespan),
          clv.repeatOrdersPerYear !== null && clv.lifespanYears !== null
            ? t(c, 'val.clvParts', { f: clv.repeatOrdersPerYear, life: clv.lifespanYears })
            : undefined,
        );
  const cac = f.clvToCac
    ? figure(
        c,
        'clvCac',
        t(c, 'val.cacRatio', { n: f.clvToCac.ratio }),
        f.clvToCac.projectedRatio !== null
          ? `${t(c, 'fig.clvProjected')}: ${t(c, 'val.cacRatio', { n: f.clvToCac.projectedRatio })}`
          : undefined,
      )
    : figure(c, 'clvCac', '—', t(c, 'val.noCac'));
  return html`<section class="block">
    <h3 id="figures-title">${t(c, 'figuresTitle')}</h3>
    <ul class="figures">
      ${figure(c, 'customers', count(c, f.customers))} ${figure(c, 'orders', count(c, f.orders))}
      ${figure(c, 'revenue', money(c, f.revenue))} ${figure(c, 'aov', money(c, f.aov))}
      ${figure(c, 'frequency', c.l.number(f.purchaseFrequency, { maximumFractionDigits: 2 }), t(c, 'val.frequency', { n: f.purchaseFrequency }))}
      ${figure(c, 'repeatRate', pct(c, f.repeatCustomerRate), t(c, 'val.repeatRate', { n: f.repeatCustomers }))}
      ${
        f.medianDaysBetweenOrders === null
          ? figure(c, 'medianGap', '—', t(c, 'val.noGaps'))
          : figure(c, 'medianGap', t(c, 'val.days', { n: f.medianDaysBetweenOrders }))
      }
      ${figure(
        c,
        'lapsed',
        `${count(c, lapse.customers)} (${pct(c, lapse.rate)})`,
        `${t(c, 'val.lapsed', { days: lapse.days })} ${t(c, `lapse.${lapse.source}`)}`,
      )}
      ${figure(c, 'clvRevenue', money(c, clv.revenuePerCustomer))} ${projected} ${cac}
    </ul>
  </section>`;
}

/** The title and definition that open a section of tables. */
function opening(c: SectionContext, id: string, title: ReportTerm, definition: ReportTerm): TemplateResult {
  return html`<h3 id=${id}>${t(c, title)}</h3>
    <p class="definition">${t(c, definition)}</p>`;
}

/** A table that scrolls sideways on a narrow screen: a region named by its section's title, which a keyboard can scroll. */
function scrollTable(labelledBy: string, part: string, head: TemplateResult, body: TemplateResult[], id?: string): TemplateResult {
  return html`<div class="scroll" tabindex="0" role="region" aria-labelledby=${labelledBy} id=${id ?? nothing}>
    <table part=${part}>
      <thead>
        <tr>
          ${head}
        </tr>
      </thead>
      <tbody>
        ${body}
      </tbody>
    </table>
  </div>`;
}

const columns = (c: SectionContext, keys: ReportTerm[]) => keys.map((key) => html`<th scope="col">${t(c, key)}</th>`);

export function returningTable(c: SectionContext, chart: TemplateResult): TemplateResult {
  const rows = c.figures.returningByMonth.map(
    (row) =>
      html`<tr>
        <th scope="row">${monthLabel(c.l, row.month)}</th>
        <td>${count(c, row.customers)}</td>
        <td>${count(c, row.returning)}</td>
        <td>${row.rate === null ? '—' : pct(c, row.rate)}</td>
      </tr>`,
  );
  return html`<section class="block">
    ${opening(c, 'returning-title', 'returningTitle', 'def.returning')} ${chart}
    ${scrollTable('returning-title', 'table', html`${columns(c, ['col.month', 'col.customers', 'col.returning', 'col.rate'])}`, rows)}
  </section>`;
}

/**
 * The heat class of a share, in eleven steps (the colours come from the style sheet: no inline styles),
 * relative to the highest share after month 0: month 0 is always 100 %, and a scale up to it would leave
 * every later month nearly white.
 */
const heat = (share: number, highest: number) => `heat-${Math.max(0, Math.min(10, Math.round((share / (highest || 1)) * 10)))}`;

/**
 * Cohorts drawn at once, at most: beyond, the table shows one year of first orders at a time. Ten years of
 * history are 120 cohorts by 120 months, 7,000 cells: laid out in one go, a frame of over 100 ms.
 */
export const COHORTS_AT_ONCE = 24;

/** The years of the cohorts' first orders, oldest first. */
const cohortYears = (cohorts: CurrencyFigures['cohorts']) => [...new Set(cohorts.map((row) => row.month.slice(0, 4)))];

/** The buttons that choose the year of cohorts shown (a toggle group: the shown year's button is pressed). */
function yearPicker(c: SectionContext, years: string[], shown: string, count: number, total: number): TemplateResult {
  return html`<div class="years no-print" role="group" aria-labelledby="cohort-year-label">
      <span id="cohort-year-label">${t(c, 'cohortYear')}</span>
      ${years.map(
        (year) =>
          html`<button
            type="button"
            class="secondary"
            data-year=${year}
            aria-pressed=${year === shown ? 'true' : 'false'}
            aria-controls="cohorts-table"
            @click=${() => c.onCohortYear(year)}
          >
            ${year}
          </button>`,
      )}
    </div>
    <p class="note" id="cohorts-shown" aria-live="polite">${t(c, 'cohortsShown', { n: count, total, year: shown })}</p>`;
}

export function cohortTable(c: SectionContext, chart: TemplateResult): TemplateResult {
  const all = c.figures.cohorts;
  const years = cohortYears(all);
  const paged = all.length > COHORTS_AT_ONCE && !c.allCohorts;
  const year = paged ? (years.includes(c.cohortYear ?? '') ? c.cohortYear! : years[years.length - 1]) : '';
  const cohorts = paged ? all.filter((row) => row.month.startsWith(year)) : all;
  const width = Math.max(0, ...cohorts.map((row) => row.retention.length));
  const months = Array.from({ length: width }, (_, k) => k);
  // The scale spans every cohort, so a colour means the same share in each year.
  let highest = 0;
  for (const row of all) for (let k = 1; k < row.retention.length; k++) highest = Math.max(highest, row.retention[k]);
  const head = html`${columns(c, ['col.cohort', 'col.customers'])}
  ${months.map((k) => html`<th scope="col">${t(c, 'col.monthN', { n: k })}</th>`)}`;
  const rows = cohorts.map(
    (row) =>
      html`<tr>
        <th scope="row">${monthLabel(c.l, row.month)}</th>
        <td>${count(c, row.customers)}</td>
        ${months.map((k) =>
          k < row.retention.length
            ? html`<td class="heat ${heat(row.retention[k], highest)}">${pct(c, row.retention[k])}</td>`
            : html`<td class="empty"></td>`,
        )}
      </tr>`,
  );
  return html`<section class="block">
    ${opening(c, 'cohorts-title', 'cohortsTitle', 'def.cohorts')}
    ${paged ? yearPicker(c, years, year, cohorts.length, all.length) : nothing}
    ${scrollTable(paged ? 'cohorts-title cohorts-shown' : 'cohorts-title', 'table cohorts', head, rows, 'cohorts-table')}
    <h4 id="curve-title">${t(c, 'curveTitle')}</h4>
    ${chart}
  </section>`;
}

/** The retention curve: for each month offset, active ÷ customers over the cohorts that reached it. */
export function retentionCurve(figures: CurrencyFigures): (number | null)[] {
  const width = Math.max(0, ...figures.cohorts.map((row) => row.active.length));
  return Array.from({ length: width }, (_, k) => {
    let active = 0;
    let customers = 0;
    for (const row of figures.cohorts) {
      if (k >= row.active.length) continue;
      active += row.active[k];
      customers += row.customers;
    }
    return customers ? active / customers : null;
  });
}

export function rfmTable(c: SectionContext): TemplateResult {
  const { segments } = c.figures.rfm;
  const revenue = segments.reduce((sum, s) => sum + s.revenue, 0);
  const head = html`${columns(c, ['col.segment', 'col.customers', 'col.revenue', 'col.share'])}
    <th scope="col" class="no-print">${t(c, 'col.export')}</th>`;
  const rows = segments.map((segment) => {
    const name = t(c, `seg.${segment.segment}`);
    return html`<tr data-segment=${segment.segment}>
      <th scope="row">${name}<span class="segment-note">${t(c, `segDef.${segment.segment}`)}</span></th>
      <td>${count(c, segment.customers)}</td>
      <td>${money(c, segment.revenue)}</td>
      <td>${revenue ? pct(c, segment.revenue / revenue) : '—'}</td>
      <td class="no-print">
        <button
          type="button"
          class="secondary"
          part="export-button"
          aria-label=${t(c, 'exportLabel', { segment: name, currency: c.figures.currency })}
          ?disabled=${!c.report.exportable || segment.customers === 0}
          @click=${() => c.onExport(segment.segment)}
        >
          ${t(c, 'exportCsv')}
        </button>
      </td>
    </tr>`;
  });
  return html`<section class="block">
    ${opening(c, 'rfm-title', 'rfmTitle', 'def.rfm')}
    ${c.report.exportable ? nothing : html`<p class="note">${t(c, 'exportNeedsFile')}.</p>`}
    ${scrollTable('rfm-title', 'table rfm', head, rows)}
  </section>`;
}

export function predicted(c: SectionContext): TemplateResult {
  const p = c.figures.predicted;
  const horizon = p.shown ? p.horizonDays : (c.report.settings.horizonDays ?? 365);
  let body: TemplateResult;
  if (!p.shown) body = html`<p class="why">${t(c, `why.${p.reason}`, { needed: p.needed, found: p.found })}</p>`;
  else {
    const params = `r = ${p.purchases.r.toFixed(3)}, α = ${p.purchases.alpha.toFixed(3)}, a = ${p.purchases.a.toFixed(3)}, b = ${p.purchases.b.toFixed(3)}; p = ${p.spend.p.toFixed(3)}, q = ${p.spend.q.toFixed(3)}, γ = ${p.spend.gamma.toFixed(3)}`;
    body = html`<dl class="pairs">
        <div><dt>${t(c, 'pred.orders')}</dt><dd>${c.l.number(p.expectedOrders, { maximumFractionDigits: 0 })}</dd></div>
        <div><dt>${t(c, 'pred.revenue')}</dt><dd>${money(c, p.expectedRevenue)}</dd></div>
        <div><dt>${t(c, 'pred.clv')}</dt><dd>${money(c, p.clvPerCustomer)}</dd></div>
        <div><dt>${t(c, 'pred.alive')}</dt><dd>${pct(c, p.meanProbabilityAlive)}</dd></div>
      </dl>
      <details>
        <summary>${t(c, 'pred.params')}</summary>
        <p class="params">${params}</p>
      </details>`;
  }
  return html`<section class="block">
    <h3 id="predicted-title">${t(c, 'predictedTitle', { days: horizon })}</h3>
    <p class="definition">${t(c, 'def.predicted')}</p>
    ${body}
  </section>`;
}

/** A funnel step: its label, its count (or a sum of money), and which earlier step it is a share of (default: the one before). */
type Step = [label: ReportTerm, value: number | string, of?: number];

function funnelTable(c: SectionContext, title: ReportTerm, steps: Step[]): TemplateResult {
  const id = `funnel-${title.replace('.', '-')}`;
  const head = html`<th scope="col">${t(c, 'col.step')}</th>
    <th scope="col">${t(c, 'col.count')}</th>
    <th scope="col">${t(c, 'col.ofPrevious')}</th>`;
  const rows = steps.map(([label, value, of = -1], i) => {
    const base = i > 0 && typeof value === 'number' ? steps[of >= 0 ? of : i - 1][1] : undefined;
    const share = typeof value === 'number' && typeof base === 'number' && base > 0 ? pct(c, value / base) : '—';
    return html`<tr>
      <th scope="row">${t(c, label)}</th>
      <td>${typeof value === 'number' ? count(c, value) : value}</td>
      <td>${share}</td>
    </tr>`;
  });
  return html`<div class="funnel">
    <h4 id=${id}>${t(c, title)}</h4>
    ${scrollTable(id, 'table funnel', head, rows)}
  </div>`;
}

export function funnels(c: SectionContext, funnels: Funnels | undefined): TemplateResult {
  let body: TemplateResult;
  if (!funnels) body = html`<p class="note">${t(c, 'funnelsEmpty')}</p>`;
  else {
    const { spin, account, reviews } = funnels;
    const withCode = spin.orders.find((entry) => entry.currency === c.figures.currency);
    body = html`${
      funnels.from
        ? html`<p class="note">
            ${t(c, 'funnelsPeriod', { n: funnels.events, from: dayLabel(c.l, funnels.from, c.report.figures.timeZone), to: dayLabel(c.l, funnels.to, c.report.figures.timeZone) })}
          </p>`
        : nothing
    }
      <div class="funnels">
        ${funnelTable(c, 'funnel.spin', [
          ['step.spin-shown', spin.shown],
          ['step.spin-spun', spin.spun],
          ['step.spin-won', spin.won],
          // Copying is a side step: applying follows winning, with or without it.
          ['step.spin-copied', spin.copied, 2],
          ['step.spin-applied', spin.applied, 2],
          ['step.spin-orders', withCode?.orders ?? 0],
          ['step.spin-revenue', money(c, withCode?.revenue ?? 0)],
        ])}
        ${funnelTable(c, 'funnel.account', [
          ['step.account-shown', account.shown],
          ['step.account-requested', account.requested],
          ['step.account-created', account.created],
        ])}
        ${funnelTable(c, 'funnel.reviews', [
          ['step.reviews-seen', reviews.seen],
          ['step.reviews-helpful', reviews.helpful],
        ])}
      </div>`;
  }
  return html`<section class="block">
    <h3 id="funnels-title">${t(c, 'funnelsTitle')}</h3>
    ${body}
  </section>`;
}

/** A problem in the owner's language, naming its file when it is not the orders export. */
export function problemText(l: LocalizeController<ReportTerm>, problem: Problem): string {
  const text = l.term(`problem.${problem.kind}`, { ...problem });
  return problem.file && problem.file !== 'orders' ? `${l.term(`file.${problem.file}`)}: ${text}` : text;
}

export function leftOut(c: Pick<SectionContext, 'l' | 'report'>): TemplateResult {
  const { exclusions, problems, problemTotal } = c.report;
  const reasons = (Object.keys(exclusions) as (keyof typeof exclusions)[]).filter((reason) => exclusions[reason] > 0);
  const excluded = reasons.reduce((sum, reason) => sum + exclusions[reason], 0);
  return html`<section class="block">
    <h3 id="excluded-title">${c.l.term('excludedTitle')}</h3>
    ${
      excluded
        ? html`<p>${c.l.term('excluded', { n: excluded })}</p>
          <ul class="reasons" part="exclusions">
            ${reasons.map(
              (reason) =>
                html`<li data-reason=${reason}>${c.l.term(`reason.${reason}`)}: <strong>${c.l.number(exclusions[reason])}</strong></li>`,
            )}
          </ul>`
        : html`<p>${c.l.term('noneExcluded')}</p>`
    }
    ${
      problemTotal
        ? html`<p>${c.l.term('problemsTitle', { n: problemTotal })}</p>
          <ul class="problems" part="problems">
            ${problems.map((problem) => html`<li>${problemText(c.l, problem)}</li>`)}
          </ul>
          ${problemTotal > problems.length ? html`<p>${c.l.term('andMore', { n: problemTotal - problems.length })}</p>` : nothing}`
        : nothing
    }
  </section>`;
}
