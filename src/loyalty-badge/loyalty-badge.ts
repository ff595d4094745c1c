/**
 * `<retain-loyalty-badge>`: points and tier in a compact badge, and a panel with progress to the next
 * tier, the punch card, ways to earn and rewards within reach; a guest view that invites to join.
 *
 * Where the numbers come from, in this order: the store's attributes (`points`, `pending`, `tier`,
 * `orders`, or the same properties set from JavaScript); else a signed snapshot the badge verified with
 * the store's public key; else an estimate from the orders recorded on this device (labelled as such).
 * The arithmetic lives in `program.ts`, the signature check in `snapshot.ts`; this file is the glue.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { parseJson, parseNumber, readJsonSource, safeUrl, warnBadValue, warnInvalid } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import { LocalizeController } from '../core/localize.js';
import { listOrders, onOrderRecorded } from '../core/orders.js';
import { storage, type OrderRow } from '../core/storage.js';
import {
  PanelOpenEvent,
  PointsChangeEvent,
  RewardClickEvent,
  RewardUnlockEvent,
  TierChangeEvent,
  type PointsSource,
} from './loyalty-badge.events.js';
import { styles } from './loyalty-badge.styles.js';
import { translations, type LoyaltyTerm } from './loyalty-badge.translations.js';
import {
  changesBetween,
  estimatePoints,
  parseRewards,
  parseTiers,
  pointsFor,
  punchCard,
  tierProgress,
  type Program,
  type Reward,
  type Seen,
} from './program.js';
import type { Snapshot } from './snapshot.js';

/** The figures on show and where they come from. */
interface Figures {
  points: number;
  pending: number;
  /** A tier name the store gave (else the program's tier for the points). */
  tier: string | null;
  /** The store's order count for the punch card (else the orders on this device). */
  orders: number | null;
  source: PointsSource;
}

type Value = string | number | null | undefined;

/**
 * @tag retain-loyalty-badge
 * @summary Loyalty points and tier, with a panel: progress to the next tier, punch card, rewards; honest about where each number comes from.
 *
 * @attr points - The store's points balance (≥ 0). Wins over everything else; shown without "estimate".
 * @attr pending - The store's pending points (≥ 0), shown with `points`.
 * @attr tier - The store's tier name, shown with `points` (default: the program's tier for the points).
 * @attr orders - The store's count of the shopper's orders, for the punch card (default: orders on this device).
 * @attr snapshot - A signed balance snapshot (JSON text; or a `<script type="application/json" data-attr="snapshot">` child).
 * @attr signature - The snapshot's ECDSA P-256 / SHA-256 signature, base64url (P1363 or DER).
 * @attr public-key - The store's public key: JWK, or SPKI in base64 or PEM.
 * @attr customer - When given, a snapshot must name this customer.
 * @attr snapshot-max-age - Older snapshots are refused; default `7d`.
 * @attr points-per-unit - Points per one unit of `currency` spent; default `1`.
 * @attr currency - The program's currency (ISO 4217); only orders in it earn estimated points; default `USD`.
 * @attr tiers - `Bronze 0, Silver 500, Gold 2500` or JSON `[{"name":"Bronze","min":0},…]`; strictly increasing.
 * @attr punch-every - A gift on every n-th order; default `0` (no punch card).
 * @attr punch-reward - What the punch card gives, in the page's language; default "surprise gift".
 * @attr signup-bonus - Points for creating an account; default `0`.
 * @attr rewards - JSON `[{"label":"$5 off","cost":500,"id":"five-off","href":"/redeem"}]` (or a script child).
 * @attr cart-total - The cart's total in `currency`: the guest view says what joining earns on it.
 * @attr guest - The shopper is not signed in: show the invitation to join instead of a balance.
 * @attr join-url - Where the guest view's "Create an account" leads (https: or relative).
 * @attr open - The panel is open.
 * @attr instance - Names this badge in counters, state and events.
 * @attr lang - Language of the texts (default: the page's).
 *
 * @fires retain-points-change - Points differ from the last visit on this device (not on the first visit): `{from, to, delta, source}`.
 * @fires retain-tier-change - The tier differs from the last visit: `{from, to, up, source}`.
 * @fires retain-reward-unlock - Since the last visit, points crossed a reward's cost, or a punch card was completed: `{reward, label, cost, source}`.
 * @fires retain-reward-click - The shopper chose a reward (cancelable: cancel to handle it yourself).
 * @fires retain-panel-open - The shopper opened the panel.
 *
 * @csspart base - The wrapper.
 * @csspart badge - The compact badge (a button that opens the panel).
 * @csspart tier - The tier chip in the badge.
 * @csspart panel - The panel.
 * @csspart points - The balance in the panel.
 * @csspart source - The line that says where the balance comes from.
 * @csspart progress - The progress bar to the next tier.
 * @csspart punch-card - The punch card's dots.
 * @csspart reward - A reward the shopper can choose.
 * @csspart join - The guest view's "Create an account" link.
 *
 * @cssproperty --retain-loyalty-badge-accent - Accent (star, tier chip, bar, punches); default `--retain-accent`.
 * @cssproperty --retain-loyalty-badge-on-accent - Text on the accent.
 * @cssproperty --retain-loyalty-badge-background - The badge's background; default transparent.
 * @cssproperty --retain-loyalty-badge-min-width - Reserved width of the badge.
 * @cssproperty --retain-loyalty-badge-panel-width - The panel's width; default `min(20rem, 100vw - 1rem)`.
 * @cssproperty --retain-loyalty-badge-celebrate-duration - Length of the celebration; default `0.8s`.
 * @cssproperty --retain-surface - Panel background.
 * @cssproperty --retain-text - Panel text.
 * @cssproperty --retain-border - Panel border.
 * @cssproperty --retain-radius - Corner radius.
 */
export class RetainLoyaltyBadge extends RetainElement {
  static override widget = 'loyalty-badge';
  static override styles = styles;

  @property() points: Value = null;
  @property() pending: Value = null;
  @property() tier: string | null = null;
  @property() orders: Value = null;
  @property() snapshot: string | null = null;
  @property() signature: string | null = null;
  @property({ attribute: 'public-key' }) publicKey: string | null = null;
  @property() customer: string | null = null;
  @property({ attribute: 'snapshot-max-age' }) snapshotMaxAge: string | null = null;
  @property({ attribute: 'points-per-unit' }) pointsPerUnit: Value = null;
  @property() currency: string | null = null;
  @property() tiers: string | null = null;
  @property({ attribute: 'punch-every' }) punchEvery: Value = null;
  @property({ attribute: 'punch-reward' }) punchReward: string | null = null;
  @property({ attribute: 'signup-bonus' }) signupBonus: Value = null;
  @property() rewards: string | null = null;
  @property({ attribute: 'cart-total' }) cartTotal: Value = null;
  @property({ type: Boolean }) guest = false;
  @property({ attribute: 'join-url' }) joinUrl: string | null = null;
  @property({ type: Boolean, reflect: true }) open = false;

  /** Resolves once the figures are read (and verified) and compared with the last visit. */
  loaded: Promise<void> = Promise.resolve();

  /** Orders recorded on this device; null until read. */
  @state() private local: OrderRow[] | null = null;
  /** The verified snapshot, if any; undefined while verifying. */
  @state() private verified: Snapshot | null | undefined = null;
  @state() private message = '';
  @state() private celebrating = false;

  private readonly l = new LocalizeController<LoyaltyTerm>(this, translations);
  private program!: Program;
  private store: Figures | null = null;
  private storeOrders: number | null = null;
  private cart: number | null = null;
  private join: string | null = null;
  private snapshotInputs = '';
  private verification: Promise<void> = Promise.resolve();
  private stops: (() => void)[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this.stops.push(onOrderRecorded(() => void this.ordersChanged()));
    const seen = () => void this.count('seen');
    if (typeof IntersectionObserver === 'undefined') seen();
    else {
      const io = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          io.disconnect();
          seen();
        }
      });
      io.observe(this);
      this.stops.push(() => io.disconnect());
    }
    this.loaded = this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
    document.removeEventListener('pointerdown', this.outside);
  }

  /** First visit of this page: read, verify, then compare with what this device saw last time. */
  private async start(): Promise<void> {
    await this.updateComplete;
    await this.readOrders();
    await this.verification;
    await this.reconcile();
  }

  private async readOrders(): Promise<void> {
    try {
      this.local = await listOrders();
    } catch (error) {
      console.warn('<retain-loyalty-badge> could not read the orders on this device', error);
      this.local = [];
    }
  }

  /** An order was recorded here or in another tab. */
  private async ordersChanged(): Promise<void> {
    await this.readOrders();
    if (document.hidden) {
      // Let the tab the shopper is looking at celebrate; this one catches up when shown.
      const shown = () => {
        document.removeEventListener('visibilitychange', shown);
        void this.reconcile('estimate');
      };
      document.addEventListener('visibilitychange', shown);
    } else await this.reconcile('estimate');
  }

  /** A count the store gives (≥ 0), or null; `instead` says what happens when it is bad. */
  private num(attr: string, value: Value, instead: string): number | null {
    if (value == null || String(value).trim() === '') return null;
    const n = Number(value);
    if (Number.isFinite(n) && n >= 0) return n;
    warnInvalid(this, attr, String(value), n < 0 ? 'is negative' : 'is not a number', instead);
    return null;
  }

  override willUpdate(): void {
    const str = (v: Value) => (v == null ? null : String(v));
    const currency = this.currency?.trim() ?? '';
    if (currency && !/^[A-Za-z]{3}$/.test(currency)) warnBadValue(this, 'currency', currency, 'USD', 'is not an ISO 4217 code');
    let tiers = [] as Program['tiers'];
    const tiersText = readJsonSource(this, 'tiers', this.tiers);
    if (tiersText?.trim()) {
      const parsed = parseTiers(tiersText);
      if (typeof parsed === 'string') warnInvalid(this, 'tiers', tiersText, parsed, 'showing no tiers');
      else tiers = parsed;
    }
    const rewards = parseJson(
      this,
      'rewards',
      this.rewards,
      (value) => {
        const parsed = parseRewards(value);
        if (typeof parsed === 'string') return parsed;
        for (const r of parsed) {
          if (r.href === undefined) continue;
          const safe = safeUrl(r.href);
          if (!safe) return `has a reward link that is not https: or relative (${r.href})`;
          r.href = safe;
        }
        return parsed;
      },
      [] as Reward[],
    );
    this.program = {
      pointsPerUnit: parseNumber(this, 'points-per-unit', str(this.pointsPerUnit), 1, { min: 0 }),
      currency: /^[A-Za-z]{3}$/.test(currency) ? currency.toUpperCase() : 'USD',
      tiers,
      punchEvery: parseNumber(this, 'punch-every', str(this.punchEvery), 0, { min: 0, integer: true }),
      signupBonus: parseNumber(this, 'signup-bonus', str(this.signupBonus), 0, { min: 0 }),
      rewards,
    };
    const points = this.num('points', this.points, 'showing the estimate instead');
    this.store =
      points === null
        ? null
        : {
            points,
            pending: this.num('pending', this.pending, 'showing none') ?? 0,
            tier: this.tier?.trim() || null,
            orders: null,
            source: 'store',
          };
    this.storeOrders = this.num('orders', this.orders, 'counting the orders on this device instead');
    this.cart = this.num('cart-total', this.cartTotal, 'ignoring it');
    this.join = this.joinUrl
      ? (safeUrl(this.joinUrl) ??
        (warnInvalid(this, 'join-url', this.joinUrl, 'is not an https: or relative URL', 'showing no link'), null))
      : null;

    const snapshot = points === null && !this.guest ? readJsonSource(this, 'snapshot', this.snapshot) : null;
    const inputs = [snapshot, this.signature, this.publicKey, this.customer, this.snapshotMaxAge].join('\n');
    if (inputs !== this.snapshotInputs) {
      this.snapshotInputs = inputs;
      this.verified = snapshot ? undefined : null;
      if (snapshot) this.verification = this.verify(snapshot, inputs);
    }
  }

  /** Checks the snapshot (code loaded on demand); on any problem, one warning and the estimate. */
  private async verify(text: string, inputs: string): Promise<void> {
    const { verifyFor } = await import('./verify.js');
    const { signature, publicKey, customer, snapshotMaxAge: maxAge } = this;
    const result = await verifyFor(this, { text, signature, publicKey, customer, maxAge });
    if (inputs === this.snapshotInputs) this.verified = result;
  }

  /** The figures on show; null while they are still being read. */
  private figures(): Figures | null {
    if (this.store) return this.store;
    if (this.verified === undefined) return null;
    if (this.verified) {
      const { points, pending, tier, orders } = this.verified;
      return { points, pending, tier, orders, source: 'verified' };
    }
    if (!this.local) return null;
    return { points: estimatePoints(this.local, this.program), pending: 0, tier: null, orders: null, source: 'estimate' };
  }

  /** Orders for the punch card and whether they are the store's count. */
  private punchOrders(f: Figures): { count: number; local: boolean } {
    const store = this.storeOrders ?? f.orders;
    return store !== null ? { count: store, local: false } : { count: this.local?.length ?? 0, local: f.source !== 'estimate' };
  }

  private tierOf(f: Figures): string | null {
    const { index } = tierProgress(f.points, this.program.tiers, f.tier);
    return f.tier ?? this.program.tiers[index]?.name ?? null;
  }

  /**
   * Compares the figures on show with what this device showed last time (the `state` store), in one
   * transaction so that of several tabs exactly one sees a change; then announces and emits. The first
   * visit ever only remembers. `only` limits it to one source kind (orders heard: the estimate).
   */
  private async reconcile(only?: 'estimate'): Promise<void> {
    const f = this.figures();
    if (!f || this.guest || (only && f.source !== only)) return;
    const kind = f.source === 'estimate' ? 'estimate' : 'store';
    const program = this.program;
    const every = program.punchEvery;
    const now: Seen = { points: f.points, tier: this.tierOf(f), gifts: every ? punchCard(this.punchOrders(f).count, every).gifts : 0 };
    const key = `loyalty-badge/${this.instanceName}/seen`;
    let changes;
    try {
      changes = await storage().transact(['state'], async (tx) => {
        const seen = ((await tx.get('state', key)) ?? {}) as Record<string, Seen>;
        await tx.put('state', { ...seen, [kind]: now }, key);
        return changesBetween(seen[kind], now, program);
      });
    } catch (error) {
      console.warn('<retain-loyalty-badge> could not compare with the last visit', error);
      return;
    }
    const source = f.source;
    const t = (term: LoyaltyTerm, args?: Record<string, unknown>) => this.l.term(term, args);
    const said: string[] = [];
    if (changes.points) {
      const { from, to, delta } = changes.points;
      this.emit(new PointsChangeEvent(this.detail({ from, to, delta, source })));
      said.push(delta > 0 ? t('gained', { n: delta, total: to }) : t('balance', { total: to }));
    }
    if (changes.tier) {
      const { from, to, up } = changes.tier;
      this.emit(new TierChangeEvent(this.detail({ from, to, up, source })));
      if (up && to) said.push(t('tierUp', { tier: to }));
    }
    for (const r of changes.unlocked) {
      this.emit(new RewardUnlockEvent(this.detail({ reward: r.id, label: r.label, cost: r.cost, source })));
      said.push(t('unlocked', { label: r.label }));
    }
    if (changes.gift) {
      const label = this.giftLabel();
      this.emit(new RewardUnlockEvent(this.detail({ reward: 'punch-card', label, cost: 0, source })));
      said.push(t('punchDone', { label }));
    }
    if (said.length) this.message = said.join(' ');
    if ((changes.points?.delta ?? 0) > 0 || changes.tier?.up || changes.unlocked.length || changes.gift) this.celebrating = true;
  }

  private giftLabel(): string {
    return this.punchReward?.trim() || this.l.term('gift');
  }

  private toggle(): void {
    this.open = !this.open;
    if (this.open) void this.countAndEmit('opened', new PanelOpenEvent(this.detail({})));
  }

  private close(focus: boolean): void {
    this.open = false;
    if (focus) this.renderRoot.querySelector<HTMLElement>('.badge')?.focus();
  }

  private readonly outside = (event: Event) => {
    if (!event.composedPath().includes(this)) this.close(false);
  };

  override updated(changed: PropertyValues<this>): void {
    if (!changed.has('open')) return;
    if (!this.open) {
      document.removeEventListener('pointerdown', this.outside);
      return;
    }
    document.addEventListener('pointerdown', this.outside);
    // The panel hangs from the badge's end; a badge near the other edge (a phone's header) would push it off
    // screen, so shift it back in. One measurement per opening.
    const panel = this.renderRoot.querySelector<HTMLElement>('.panel')!;
    panel.style.translate = '';
    const { left, right } = panel.getBoundingClientRect();
    const room = document.documentElement.clientWidth - 8;
    const shift = left < 8 ? 8 - left : right > room ? room - right : 0;
    if (shift) panel.style.translate = `${shift}px`;
  }

  private onKey(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.open) {
      event.stopPropagation();
      this.close(true);
    }
  }

  private onFocusOut(event: FocusEvent): void {
    const to = event.relatedTarget as Node | null;
    if (this.open && to && !this.contains(to) && !this.renderRoot.contains(to)) this.close(false);
  }

  private choose(event: Event, reward: Reward, source: PointsSource): void {
    const proceed = this.emit(new RewardClickEvent(this.detail({ reward: reward.id, label: reward.label, cost: reward.cost, source })));
    if (!proceed) event.preventDefault();
    void this.count('interacted');
  }

  override render(): TemplateResult {
    const l = this.l;
    const f = this.guest ? null : this.figures();
    const p = this.program;
    const joinPoints = p.signupBonus + (this.cart === null ? 0 : pointsFor(this.cart, p.currency, p.pointsPerUnit));
    let badge: unknown;
    if (this.guest) badge = joinPoints ? l.term('join', { n: joinPoints }) : l.term('program');
    else if (!f) badge = '…';
    else {
      const tier = this.tierOf(f);
      badge = html`${f.source === 'estimate' ? html`<span aria-hidden="true">≈ </span>` : nothing}<span class="pts"
          >${l.term('points', { n: f.points })}</span
        >${
          f.source === 'verified' ? html`<span aria-hidden="true"> ✓</span>` : nothing
        }${tier ? html` <span part="tier" class="tier">${tier}</span>` : nothing}${
          f.source === 'store' ? nothing : html`<span class="sr"> (${l.term(f.source)})</span>`
        }`;
    }
    return html`<div part="base" class="base" lang=${l.language} @keydown=${this.onKey} @focusout=${this.onFocusOut}>
      <button
        part="badge"
        class=${this.celebrating ? 'badge celebrate' : 'badge'}
        aria-expanded=${String(this.open)}
        aria-controls="panel"
        aria-busy=${String(!this.guest && !f)}
        @click=${this.toggle}
        @animationend=${() => (this.celebrating = false)}
      >
        <span class="star" aria-hidden="true">★</span><span><span class="sr">${l.term('program')}: </span>${badge}</span>
      </button>
      <div id="panel" part="panel" class="panel" ?hidden=${!this.open}>
        ${this.open ? (this.guest ? this.guestPanel(joinPoints) : f ? this.memberPanel(f) : nothing) : nothing}
      </div>
      <div class="sr" role="status">${this.message}</div>
    </div>`;
  }

  private ways(guest: boolean): TemplateResult {
    const l = this.l;
    const p = this.program;
    const per = p.pointsPerUnit;
    const amount = per >= 1 ? 1 : 1 / per;
    const price = l.currency(amount, p.currency, Number.isInteger(amount) ? { minimumFractionDigits: 0 } : {});
    return html`<p class="h">${l.term('ways')}</p>
      <ul class="small">
        ${per > 0 ? html`<li>${l.term('earnSpend', { n: per >= 1 ? per : 1, amount: price })}</li>` : nothing}
        ${p.punchEvery ? html`<li>${l.term('earnPunch', { label: this.giftLabel(), every: p.punchEvery })}</li>` : nothing}
        ${guest && p.signupBonus ? html`<li>${l.term('earnSignup', { n: p.signupBonus })}</li>` : nothing}
      </ul>`;
  }

  private guestPanel(joinPoints: number): TemplateResult {
    const l = this.l;
    const rewards = this.program.rewards.slice(0, 3);
    return html`<p class="h">
        ${joinPoints ? l.term(this.cart === null ? 'joinPlain' : 'joinOrder', { n: joinPoints }) : l.term('program')}
      </p>
      ${this.join ? html`<p><a part="join" class="cta" href=${this.join}>${l.term('cta')}</a></p>` : nothing} ${this.ways(true)}
      ${
        rewards.length
          ? html`<p class="h">${l.term('rewards')}</p>
              <ul class="small">
                ${rewards.map((r) => html`<li>${r.label} · ${l.term('points', { n: r.cost })}</li>`)}
              </ul>`
          : nothing
      }`;
  }

  private memberPanel(f: Figures): TemplateResult {
    const l = this.l;
    const p = this.program;
    const progress = tierProgress(f.points, p.tiers, f.tier);
    const tier = this.tierOf(f);
    const every = p.punchEvery;
    const punch = every ? this.punchOrders(f) : null;
    const card = punch ? punchCard(punch.count, every) : null;
    const label = this.giftLabel();
    const within = p.rewards.filter((r) => r.cost <= f.points).slice(-3);
    const next = p.rewards.find((r) => r.cost > f.points);
    const pick = (r: Reward) => (e: Event) => this.choose(e, r, f.source);
    const sourceText = l.term(f.source === 'store' ? 'sourceStore' : f.source === 'verified' ? 'sourceVerified' : 'sourceEstimate');
    const toNext = progress.next ? l.term('toNext', { n: progress.toNext, tier: progress.next.name }) : '';
    return html`<p part="source" class="small source">${f.source === 'verified' ? '✓ ' : ''}${sourceText}</p>
      <p>
        <span part="points" class="big">${f.source === 'estimate' ? '≈ ' : ''}${l.term('points', { n: f.points })}</span>
        ${f.pending ? html`<br /><span class="small">${l.term('pending', { n: f.pending })}</span>` : nothing}
      </p>
      ${
        p.tiers.length
          ? html`<p class="h">${l.term('tier')}: ${tier ?? '—'}</p>
              ${
                progress.next
                  ? html`<div
                        part="progress"
                        class="bar"
                        role="progressbar"
                        aria-labelledby="next"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=${Math.round(progress.fraction * 100)}
                      >
                        <span .style=${`inline-size:${progress.fraction * 100}%`}></span>
                      </div>
                      <p id="next" class="small">${toNext}</p>`
                  : html`<p class="small">${l.term('top')}</p>`
              }`
          : nothing
      }
      ${
        card
          ? html`<p class="h">
                ${card.done === 0 && card.gifts > 0 ? l.term('punchDone', { label }) : l.term('punch', { done: card.done, every, label })}${
                  punch!.local ? ` (${l.term('estimate')})` : ''
                }
              </p>
              <ol part="punch-card" class="punches" aria-hidden="true">
                ${Array.from({ length: every }, (_, i) => html`<li class=${i < card.done ? 'on' : ''}></li>`)}
              </ol>`
          : nothing
      }
      ${
        within.length || next
          ? html`<p class="h">${l.term('rewards')}</p>
              <ul class="small">
                ${within.map(
                  (r) =>
                    html`<li>
                      ${
                        r.href
                          ? html`<a part="reward" class="reward" href=${r.href} @click=${pick(r)}>${r.label}</a>`
                          : html`<button part="reward" class="reward" type="button" @click=${pick(r)}>${r.label}</button>`
                      }
                      · ${l.term('ready')}
                    </li>`,
                )}
                ${next ? html`<li>${next.label} · ${l.term('toGo', { n: next.cost - f.points })}</li>` : nothing}
              </ul>`
          : nothing
      }
      ${this.ways(false)}`;
  }
}

defineElement('retain-loyalty-badge', RetainLoyaltyBadge);

declare global {
  interface HTMLElementTagNameMap {
    'retain-loyalty-badge': RetainLoyaltyBadge;
  }
}
