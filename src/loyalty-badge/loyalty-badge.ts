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
import { property, state } from '../core/decorators.js';
import { checkNumber, parseCurrency, parseJson, parseNumber, readJsonSource, safeUrl, warn, warnInvalid } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement, yesOrNo } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { watchSeen } from '../core/near.js';
import { part } from '../core/parts.js';
import type { OrderRow } from '../core/storage.js';
import { stored } from '../core/stored.js';
import { RetainPanelOpenedEvent, RetainRewardClickedEvent, type PointsSource } from './loyalty-badge.events.js';
import { styles } from './loyalty-badge.styles.js';
import { translations, type LoyaltyTerm } from './loyalty-badge.translations.js';
import {
  estimatePoints,
  parseRewards,
  parseTiers,
  pointsFor,
  punchCard,
  sameTier,
  tierProgress,
  type Program,
  type Reward,
  type Seen,
} from './program.js';
import type { Snapshot } from './snapshot.js';
import { noteShown, readShown, type ShownNote } from './shown-note.js';

import type { LoyaltyPanel } from './panel.js';
import type { BadgeHost, Figures } from './loyalty-badge.host.js';

export type { Figures };

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './loyalty-badge.events.js';

/** The panel's code (`core/parts.ts`): loaded when the shopper reaches for the badge, or has news to hear. */
const panelPart = part('retain-loyalty-badge', 'panel', () => import('./panel.js'));
/** The snapshot's check: loaded only for a badge given a snapshot. */
const verifierPart = part('retain-loyalty-badge', 'snapshot check', () => import('./verify.js'));

type Value = string | number | null | undefined;

/**
 * @tag retain-loyalty-badge
 * @summary Loyalty points and tier, with a panel: progress to the next tier, punch card, rewards; honest about where each number comes from.
 *
 * @attr {number} points - The store's points balance (≥ 0). Wins over everything else; shown without "estimate".
 * @attr {number} pending - The store's pending points (≥ 0), shown with `points`.
 * @attr tier - The store's tier name, shown with `points` (default: the program's tier for the points).
 * @attr {number} orders - The store's count of the shopper's orders, for the punch card (default: orders on this device).
 * @attr snapshot - A signed balance snapshot (JSON text; or a `<script type="application/json" data-attr="snapshot">` child).
 * @attr signature - The snapshot's ECDSA P-256 / SHA-256 signature, base64url (P1363 or DER).
 * @attr public-key - The store's public key: JWK, or SPKI in base64 or PEM.
 * @attr customer - When given, a snapshot must name this customer.
 * @attr [snapshot-max-age=7d] - Older snapshots are refused; default `7d`.
 * @attr {number} [points-per-unit=1] - Points per one unit of `currency` spent: `1` is "1 point per €1", `0.1` is "1
 *   point per €10".
 * @attr [currency=USD] - The program's currency (ISO 4217). Only orders in it earn estimated points (amounts in other
 *   currencies cannot be converted in the browser; they still count on the punch card).
 * @attr tiers - `Bronze 0, Silver 500, Gold 2500` (a name, a space, a whole threshold; comma-separated) or JSON
 *   `[{"name":"Bronze","min":0},…]`. A tier applies from exactly its threshold. Thresholds must increase strictly:
 *   unsorted or duplicate ones are refused (one warning, no tiers).
 * @attr {number} punch-every - A gift on every n-th order; default `0` (no punch card).
 * @attr punch-reward - What the punch card gives, in the page's language; default "surprise gift".
 * @attr {number} [signup-bonus=0] - Points for creating an account; default `0`.
 * @attr rewards - JSON `[{"label":"€5 off","cost":500,"id":"five-off","href":"/redeem"}]`, or a `<script
 *   type="application/json" data-attr="rewards">` child. `cost` > 0; `id` (default the label) names it in events;
 *   `href` must be `https:` or relative. Rewards the balance reaches are links (with `href`) or buttons; the next one
 *   shows "N points to go".
 * @attr {number} cart-total - The cart's total in `currency`: the guest view offers `signup-bonus` + the points of
 *   this cart; a member's panel says "This cart earns N points".
 * @attr guest - The shopper is not signed in: show the invitation to join instead of a balance.
 * @attr join-url - Where the guest view's "Create an account" leads (https: or relative).
 * @attr open - The panel is open (reflected; setting it fires no event).
 * @attr instance - Names the badge in counters, events and the last-visit memory (default: its `id`, else `default`).
 * @attr lang - Language, default the page's: en, ru, uk, hu, with their plural forms ("1 балл, 2 балла, 5 баллов"; "1 бал, 2 бали, 5 балів");
 *   numbers and prices through `Intl`.
 * @attr {'light' | 'dark' | 'auto'} [scheme=auto] - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 *
 * @fires retain-points-changed - Points differ from the last visit on this device (not on the first visit): `{from, to, delta, source}`.
 * @fires retain-tier-changed - The tier differs from the last visit: `{from, to, up, source}`.
 * @fires retain-reward-unlocked - Since the last visit, points crossed a reward's cost, or a punch card was completed: `{reward, label, cost, source}`.
 * @fires retain-reward-clicked - The shopper chose a reward; **cancelable**: cancel it to handle redemption yourself
 *   (the link is not followed).
 * @fires retain-panel-opened - The shopper opened the panel.
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
 * @cssproperty --retain-loyalty-badge-panel-width - The panel's width; default `min(20em, 100vw - 1rem)`.
 * @cssproperty --retain-loyalty-badge-celebrate-duration - Length of the celebration; default `0.8s`.
 * @cssproperty --retain-surface - Panel background.
 * @cssproperty --retain-text - Panel text.
 * @cssproperty --retain-border - Panel border.
 * @cssproperty --retain-radius - Corner radius.
 */
export class RetainLoyaltyBadge extends RetainElement implements BadgeHost {
  static override widget = 'loyalty-badge';
  static override styles = [styles, hostReset];
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
  @property({ type: Boolean, converter: yesOrNo }) guest = false;
  @property({ attribute: 'join-url' }) joinUrl: string | null = null;
  @property({ type: Boolean, converter: yesOrNo, reflect: true }) open = false;

  /** Resolves once the figures are read (and verified) and compared with the last visit. */
  loaded: Promise<void> = Promise.resolve();

  /** Orders recorded on this device; null until read. */
  @state() private local: OrderRow[] | null = null;
  /** Until they are read: the estimate this device showed last (shown-note.ts), so that the first render is final. */
  private shown?: ShownNote;
  /** The verified snapshot, if any; undefined while verifying. */
  @state() private verified: Snapshot | null | undefined = null;
  @state() private message = '';
  /** The celebration under way: `still` (the shopper prefers reduced motion: a glow, no movement), else `moving`. */
  @state() private celebrating: 'moving' | 'still' | false = false;

  /** @internal */
  readonly l = new LocalizeController<LoyaltyTerm>(this, translations);
  /** @internal */
  program!: Program;
  /** @internal The cart total, parsed. */
  cart: number | null = null;
  /** @internal The join link, checked. */
  join: string | null = null;
  private store: Figures | null = null;
  private storeOrders: number | null = null;
  /** The panel and announcements, once their code is loaded. */
  private panel?: LoyaltyPanel;
  private snapshotInputs = '';
  private verification: Promise<void> = Promise.resolve();
  private stops: (() => void)[] = [];
  private started = false;
  private seenCounted = false;
  private connections = 0;
  /** What the store gave when the figures were last compared with the last visit (none before the page's first comparison). */
  private comparedStore?: string;

  constructor() {
    super();
    // Seen once per page view: counted, with no event.
    watchSeen(
      this,
      () => !this.seenCounted,
      () => {
        this.seenCounted = true;
        void this.count('seen');
      },
    );
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A badge moved in the page (a framework re-rendering) is connected again: it listens again, and
    // reads, compares and counts "seen" only as often as a page view does.
    void this.listen();
    if (!this.started) {
      this.started = true;
      this.loaded = this.start();
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const stop of this.stops.splice(0)) stop();
    document.removeEventListener('pointerdown', this.outside);
  }

  /** While connected, once the badge is drawn: the orders recorded on this device. */
  private async listen(): Promise<void> {
    const connection = ++this.connections;
    await this.drawn;
    // Only the latest connection listens (one removed and added again before its first frame waits twice).
    if (!this.isConnected || connection !== this.connections) return;
    try {
      const { onOrderRecorded } = await stored();
      // Still the latest connection: one moved again while the storage code loaded listens once, not twice.
      if (this.isConnected && connection === this.connections) this.stops.push(onOrderRecorded(() => void this.ordersChanged()));
    } catch (error) {
      warn('<retain-loyalty-badge> could not listen for orders on this device', error);
    }
  }

  /**
   * First visit of this page, once the badge is drawn: read, verify, then compare with what this device saw
   * last time. A badge removed before that starts again when it is connected again.
   */
  private async start(): Promise<void> {
    await this.drawn;
    if (!this.isConnected) {
      this.started = false;
      return;
    }
    // On an order page, the first read waits for the page's order: drawn once, not without it first.
    await stored()
      .then(({ pageOrdersRecorded }) => pageOrdersRecorded())
      .catch(() => undefined);
    await this.readOrders();
    await this.verification;
    this.comparedStore = this.storeGives();
    await this.reconcile();
  }

  private async readOrders(): Promise<void> {
    try {
      const { listOrders, mayWrite, storage } = await stored();
      const local = (this.local = await listOrders());
      const now: ShownNote = [estimatePoints(local, this.program), local.length, programKey(this.program)];
      // Not the page's own orders, where the kit keeps them in memory (no IndexedDB, or consent not granted).
      noteShown(this.instanceName, now, this.shown, storage().mode === 'indexeddb' && mayWrite('orders', ''));
      this.shown = now;
    } catch (error) {
      warn('<retain-loyalty-badge> could not read the orders on this device', error);
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
    // A decimal, as every number attribute reads (`checkNumber`): not `0x10` or `0b11`, which `Number` takes.
    const checked = typeof value === 'number' ? value : checkNumber(value);
    const n = typeof checked === 'number' ? checked : NaN;
    if (Number.isFinite(n) && n >= 0) return n;
    warnInvalid(this, attr, String(value), n < 0 ? 'is negative' : 'is not a number', instead);
    return null;
  }

  override willUpdate(): void {
    const str = (v: Value) => (v == null ? null : String(v));
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
        // A bad link costs its reward the link only: the reward is still worth showing.
        for (const r of parsed) {
          if (r.href === undefined) continue;
          const safe = safeUrl(r.href);
          if (safe) r.href = safe;
          else {
            warnInvalid(this, 'rewards href', r.href, 'is not an https: or relative URL', `showing "${r.label}" without a link`);
            delete r.href;
          }
        }
        return parsed;
      },
      [] as Reward[],
    );
    this.program = {
      pointsPerUnit: parseNumber(this, 'points-per-unit', str(this.pointsPerUnit), 1, { min: 0 }),
      currency: parseCurrency(this, 'currency', this.currency),
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
    if (!this.hasUpdated && points === null && !this.guest) this.shown = readShown(this.instanceName, programKey(this.program));
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
    // Figures the store sets after the page's comparison (from JavaScript, once its own request answers) are
    // compared with the last visit too: a store that always sets them so would otherwise never report a change.
    if (this.comparedStore !== undefined && this.storeGives() !== this.comparedStore) {
      this.comparedStore = this.storeGives();
      this.loaded = this.loaded.then(() => this.verification).then(() => this.reconcile());
    }
  }

  /** What the store gives: its figures, or the snapshot to verify. */
  private storeGives(): string {
    return JSON.stringify([this.store, this.snapshotInputs]);
  }

  /** Checks the snapshot (code loaded on demand); on any problem, one warning and the estimate. */
  private async verify(text: string, inputs: string): Promise<void> {
    // Without its code (a dropped connection), the estimate: the part has warned.
    const verifier = await verifierPart.get();
    const result = verifier ? await verifier.verifyFor(this, text) : null;
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
    const points = this.local ? estimatePoints(this.local, this.program) : this.shown?.[0];
    return points === undefined ? null : { points, pending: 0, tier: null, orders: null, source: 'estimate' };
  }

  /** Orders for the punch card and whether they are the store's count. */
  /** @internal */
  punchOrders(f: Figures): { count: number; local: boolean } {
    const store = this.storeOrders ?? f.orders;
    return store !== null
      ? { count: store, local: false }
      : { count: this.local?.length ?? this.shown?.[1] ?? 0, local: f.source !== 'estimate' };
  }

  /** @internal */
  tierOf(f: Figures): string | null {
    const { index } = tierProgress(f.points, this.program.tiers, f.tier);
    return f.tier ?? this.program.tiers[index]?.name ?? null;
  }

  /**
   * Compares the figures on show with what this device showed last time (the `state` store), in one
   * transaction so that of several tabs exactly one sees a change; then announces and emits. The first
   * visit ever only remembers. `only` limits it to one source kind (orders heard: the estimate).
   */
  private async reconcile(only?: 'estimate'): Promise<void> {
    // The figures exist once the attributes are read (the first update).
    const f = this.hasUpdated ? this.figures() : null;
    if (!f || this.guest || (only && f.source !== only)) return;
    const kind = f.source === 'estimate' ? 'estimate' : 'store';
    const every = this.program.punchEvery;
    const now: Seen = {
      points: f.points,
      tier: this.tierOf(f),
      rank: tierProgress(f.points, this.program.tiers, f.tier).index,
      gifts: every ? punchCard(this.punchOrders(f).count, every).gifts : 0,
    };
    const key = `loyalty-badge/${this.instanceName}/seen`;
    let before: Seen | undefined;
    try {
      const { storage } = await stored();
      before = await storage().transact(['state'], async (tx) => {
        const seen = ((await tx.get('state', key)) ?? {}) as Record<string, Seen>;
        await tx.put('state', { ...seen, [kind]: now }, key);
        return seen[kind];
      });
    } catch (error) {
      warn('<retain-loyalty-badge> could not compare with the last visit', error);
      return;
    }
    // The first visit only remembers; a visit with nothing new says nothing and loads nothing more.
    if (!before || (before.points === now.points && sameTier(before, now) && before.gifts >= now.gifts)) return;
    const news = await (await this.loadPanel())?.announce(before, now, f.source);
    if (news?.said) this.message = news.said;
    // Decided in script, when the celebration starts, so that it follows the preference the page reports.
    if (news?.celebrate) this.celebrating = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'still' : 'moving';
  }

  /** Loads the panel's code and makes this badge's panel (its texts and looks), once. */
  private async loadPanel(): Promise<LoyaltyPanel | undefined> {
    const code = await panelPart.get();
    return (this.panel ??= code && new code.LoyaltyPanel(this));
  }

  private toggle(): void {
    this.open = !this.open;
    if (this.open) void this.countAndEmit('opened', new RetainPanelOpenedEvent(this.detail({})));
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
    this.panel?.place();
  }

  /** An open panel waits for its code (and the texts, in `RetainElement`) before it is shown. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    return this.open && !this.panel ? this.loadPanel().then(() => super.scheduleUpdate()) : super.scheduleUpdate();
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

  /** @internal */
  choose(event: Event, reward: Reward, source: PointsSource): void {
    const proceed = this.emit(
      new RetainRewardClickedEvent(this.detail({ reward: reward.id, label: reward.label, cost: reward.cost, source })),
    );
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
    return html`<div part="base" class="base" lang=${l.language} dir=${l.dir} @keydown=${this.onKey} @focusout=${this.onFocusOut}>
      <button
        part="badge"
        class=${this.celebrating ? `badge celebrate ${this.celebrating}` : 'badge'}
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-busy=${!this.guest && !f ? 'true' : 'false'}
        @click=${this.toggle}
        @pointerenter=${this.loadPanel}
        @focus=${this.loadPanel}
        @animationend=${() => (this.celebrating = false)}
      >
        <span class="star" aria-hidden="true">★</span><span><span class="sr">${l.term('program')}: </span>${badge}</span>
      </button>
      <div id="panel" part="panel" class="panel" ?hidden=${!this.open}>
        ${this.open && this.panel ? (this.guest ? this.panel.guest(joinPoints) : f ? this.panel.member(f) : nothing) : nothing}
      </div>
      <div class="sr" role="status">${this.message}</div>
    </div>`;
  }
}

/** What an estimate is counted by: a note counted at another rate or in another currency is not shown. */
const programKey = (program: Program) => `${program.currency} ${program.pointsPerUnit}`;

defineElement('retain-loyalty-badge', RetainLoyaltyBadge);

declare global {
  interface HTMLElementTagNameMap {
    'retain-loyalty-badge': RetainLoyaltyBadge;
  }
}
