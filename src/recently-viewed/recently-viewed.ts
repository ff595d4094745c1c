/**
 * `<retain-recently-viewed>`: on a product page, a strip of the products this shopper viewed lately, kept only
 * in their browser (recorded by `<retain-product>` or read from the page's Product JSON-LD), the page's own
 * product left out. At most `max`, none older than `max-age`; a "Clear" button forgets them all. A labelled
 * region holding a list of links, scrolled sideways when it is wider than its column.
 */
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { onBroadcast } from '../core/broadcast.js';
import { parseDuration, parseNumber, warn } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { watchSeen, whenIdle } from '../core/near.js';
import { part } from '../core/parts.js';
import type { Product } from './product-data.js';
import {
  RetainRecentlyViewedClearedEvent,
  RetainRecentlyViewedProductClickedEvent,
  RetainRecentlyViewedShownEvent,
} from './recently-viewed.events.js';
import { styles } from './recently-viewed.styles.js';
import { translations, type RecentlyViewedTerm } from './recently-viewed.translations.js';
import type { ViewedProduct } from './viewed.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './recently-viewed.events.js';

const DAY = 86_400_000;
const DEFAULT_MAX = 12;
/** The page's product and the recorded views, with the storage code: loaded after the first frame (core/stored.ts's rule). */
const viewsPart = part('retain-recently-viewed', 'storage', () =>
  Promise.all([import('./product-data.js'), import('./viewed.js')]).then(([data, views]) => ({ ...data, ...views })),
);

/** The element's own reactive state: a change of these needs no new reading of the attributes. */
const STATES = new Set(['phase', 'products', 'said']);

/** `pending` until the device was read; `hidden` with nothing to show; `cleared` after "Clear". */
type Phase = 'pending' | 'hidden' | 'list' | 'cleared';

interface Config {
  max: number;
  maxAgeMs: number;
  heading: string | null;
  level: number;
}

/**
 * @tag retain-recently-viewed
 * @summary The shopper's own recently viewed products, kept only in their browser, as a strip of cards.
 *
 * @attr max - The most products shown, 1–50 (default 12). The device keeps no more than the strip shows.
 * @attr max-age - Products viewed longer ago than this are left out and forgotten, e.g. `30d` (default), `12h`; 1 minute to a year.
 * @attr heading - The strip's heading in your own words (default the kit's, in the page's language).
 * @attr heading-level - The heading's level, 1–6 (default 2).
 * @attr lang - The language (en, ru, uk, hu), else the page's.
 * @attr scheme - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 * @attr instance - Names this strip in counters and events.
 *
 * @fires retain-recently-viewed-shown - The strip came half into view with its products (once per page view).
 * @fires retain-recently-viewed-product-clicked - The shopper followed a product's card.
 * @fires retain-recently-viewed-cleared - The shopper cleared their recently viewed products.
 *
 * @csspart base - The region: heading, strip, "Clear" and what it did.
 * @csspart heading - The heading.
 * @csspart list - The strip (a list, scrolled sideways when wider than its column).
 * @csspart item - One product's list item.
 * @csspart card - One product's link.
 * @csspart image - A product's picture.
 * @csspart name - A product's name.
 * @csspart price - A product's price.
 * @csspart clear-button - The "Clear" button.
 * @csspart status - What "Clear" did, said to screen readers too.
 *
 * @cssproperty --retain-recently-viewed-accent - Focus ring and the "Clear" button (default `--retain-accent`, else #1d4ed8; lighter in dark mode).
 * @cssproperty --retain-recently-viewed-background - A card's background (default a tint of the text colour).
 * @cssproperty --retain-recently-viewed-border - A card's border colour (default a tint of the text colour).
 * @cssproperty --retain-recently-viewed-radius - Corner radius (default `--retain-radius`, else 0.75rem).
 * @cssproperty --retain-recently-viewed-card-width - A card's width (default 10rem).
 * @cssproperty --retain-recently-viewed-gap - Space between cards (default 0.75rem).
 * @cssproperty --retain-recently-viewed-image-ratio - A picture's aspect ratio (default 1).
 */
export class RetainRecentlyViewed extends RetainElement {
  static override widget = 'recently-viewed';
  static override styles = [styles, hostReset];

  @property() max = '';
  @property({ attribute: 'max-age' }) maxAge = '';
  @property() heading = '';
  @property({ attribute: 'heading-level' }) headingLevel = '';

  @state() private phase: Phase = 'pending';
  /** Until the device is read: what the store reserved stays, and the strip draws nothing of its own (nothing to move). */
  protected override keepsReserved = true;
  @state() private products: ViewedProduct[] = [];
  /** What the status line says (after "Clear"). */
  @state() private said = '';

  private cfg!: Config;
  private readonly l = new LocalizeController<RecentlyViewedTerm>(this, translations);
  /** The product of this page, and whether a `<retain-product>` records it (else this strip does). */
  private current: { product: Product | null; declared: Element | null } | undefined;
  private reading: Promise<void> = this.drawn.then(() => this.start());
  private stopListening: (() => void) | undefined;
  private shown = false;

  constructor() {
    super();
    // Half in view with its products: counted and announced once per page view.
    watchSeen(
      this,
      () => this.phase === 'list' && !this.shown,
      () => {
        this.shown = true;
        void this.countAndEmit('seen', new RetainRecentlyViewedShownEvent(this.detail({ productIds: this.products.map((p) => p.id) })));
      },
    );
  }

  /** Resolves once what the device remembers has been read and shown (again after a change from another tab). */
  get loaded(): Promise<void> {
    return this.reading;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Another tab recorded a view or cleared the list: read it again (not before this strip's first read).
    this.stopListening = onBroadcast('recently-viewed', () => {
      if (this.phase !== 'pending') this.reading = this.reading.then(() => this.refresh());
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopListening?.();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.cfg && [...changed.keys()].every((key) => STATES.has(key as string))) return;
    const before = this.cfg;
    this.cfg = this.readConfig();
    // New limits once the list was read: read it again with them.
    if (before && this.phase !== 'pending' && (before.max !== this.cfg.max || before.maxAgeMs !== this.cfg.maxAgeMs))
      this.reading = this.reading.then(() => this.refresh());
  }

  private readConfig(): Config {
    return {
      max: parseNumber(this, 'max', this.max, DEFAULT_MAX, { min: 1, max: 50, integer: true }),
      maxAgeMs: parseDuration(this, 'max-age', this.maxAge, 30 * DAY, { min: 60_000 }),
      heading: this.heading.replace(/\s+/g, ' ').trim() || null,
      level: parseNumber(this, 'heading-level', this.headingLevel, 2, { min: 1, max: 6, integer: true }),
    };
  }

  /** After the first frame: the page's product, the list, then (at idle) this page's view when no `<retain-product>` records it. */
  private async start(): Promise<void> {
    this.current = (await viewsPart.get())?.pageProduct(document) ?? { product: null, declared: null };
    await this.refresh();
    const { product, declared } = this.current;
    if (product && !declared) {
      await whenIdle();
      const views = await viewsPart.get();
      await views?.recordView(product).catch((error: unknown) => warn('<retain-recently-viewed> could not record this page’s view', error));
    }
  }

  private async refresh(): Promise<void> {
    const views = await viewsPart.get();
    let products: ViewedProduct[] = [];
    try {
      products = views ? await views.readViews({ ...this.cfg, current: this.current?.product?.id }) : [];
    } catch (error) {
      warn('<retain-recently-viewed> could not read the recently viewed products', error);
    }
    this.products = products;
    if (products.length) {
      this.phase = 'list';
      this.said = '';
    }
    // "Cleared" stays said until there is something to show again.
    else if (this.phase !== 'cleared') this.phase = 'hidden';
    this.hidden = this.phase === 'hidden';
    await this.updateComplete;
    this.releaseReservation();
  }

  protected override render(): TemplateResult | typeof nothing {
    const { phase, l } = this;
    // Until the device is read, no space of its own: with nothing viewed it takes none at any moment.
    if (phase === 'hidden' || phase === 'pending') return nothing;
    return html`<section
      part="base"
      class="strip"
      lang=${l.language}
      dir=${l.dir}
      aria-labelledby="heading"
    >
      <p part="heading" class="heading" id="heading" role="heading" aria-level=${this.cfg.level}>${this.cfg.heading ?? l.term('heading')}</p>
      ${
        phase === 'list'
          ? html`<ul part="list" class="list" @focusin=${this.reveal}>
              ${this.products.map((product, i) => this.renderCard(product, i))}
            </ul>
            <button type="button" part="clear-button" class="clear" @click=${this.clear}>${l.term('clear')}</button>`
          : nothing
      }
      <p part="status" class="status" role="status" tabindex="-1">${this.said}</p>
    </section>`;
  }

  private renderCard(product: ViewedProduct, index: number): TemplateResult {
    const { l } = this;
    return html`<li part="item" class="item">
      <a part="card" class="card" href=${product.url} @click=${() => this.followed(product, index)}>
        ${
          product.image
            ? html`<img part="image" class="image" src=${product.image} alt="" loading="lazy" decoding="async" width="160" height="160" />`
            : html`<span class="image placeholder" aria-hidden="true"></span>`
        }
        <span part="name" class="name">${product.name}</span>
        ${
          product.price !== undefined && product.currency
            ? html`<span part="price" class="price">${l.currency(product.price, product.currency)}</span>`
            : nothing
        }
      </a>
    </li>`;
  }

  /**
   * A card reached by Tab is scrolled wholly into the strip's view (browsers stop at partly visible), a frame
   * later: WebKit's own scroll on focus, which comes after this event, would cancel it.
   */
  private reveal(event: FocusEvent): void {
    const card = event.target as Element;
    requestAnimationFrame(() => card.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  }

  /** A card followed: announced first (the page may be leaving), then counted. */
  private followed(product: ViewedProduct, index: number): void {
    const { id: productId, name, url, price, currency } = product;
    const fields = { productId, name, url, position: index + 1, ...(price !== undefined && { price, currency }) };
    this.emit(new RetainRecentlyViewedProductClickedEvent(this.detail(fields)));
    void this.count('clicked');
  }

  /** Forgets every product on this device; the status line (focused) says so. */
  private async clear(): Promise<void> {
    const cleared = this.products.length;
    const views = await viewsPart.get();
    try {
      await views?.clearViews();
    } catch (error) {
      warn('<retain-recently-viewed> could not clear the recently viewed products', error);
      return;
    }
    this.products = [];
    this.phase = 'cleared';
    this.said = this.l.term('cleared');
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~=status]')?.focus();
    await this.countAndEmit('cleared', new RetainRecentlyViewedClearedEvent(this.detail({ cleared })));
  }
}

defineElement('retain-recently-viewed', RetainRecentlyViewed);

declare global {
  interface HTMLElementTagNameMap {
    'retain-recently-viewed': RetainRecentlyViewed;
  }
}
