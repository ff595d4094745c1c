/**
 * `<retain-review-showcase>`: social proof on product pages. Thin over pure modules: review-data
 * (checks and normalizes the JSON), review-query (sort, filter, selection), review-votes (votes given
 * and last visit in IndexedDB). Loaded when needed, not with the first render: review-jsonld
 * (schema.org, after a render), review-lightbox (on a photo click; prefetched when a photo is pointed
 * at or focused), review-carousel (only for that view), review-vote (on a helpful click), review-json
 * (for inline JSON of megabytes).
 */
import { html, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from '../core/decorators.js';
import { describeElement, parseEnum, parseNumber, parseUrl, readJsonSource, warn, warnBadValue } from '../core/config.js';
import { defineElement } from '../core/define.js';
import { RetainElement, yesOrNo } from '../core/element.js';
import { hostReset } from '../core/host-reset.js';
import { LocalizeController } from '../core/localize.js';
import { layOutLater, nextFrame, outOfView } from '../core/pacing.js';
import { Slice } from '../core/slice.js';
import { nextTask } from '../core/tasks.js';
import { turn } from '../core/turns.js';
import { adoptPartStyles, part } from '../core/parts.js';
import { normalizeData, ready, type Aggregate, type Review, type ReviewData, type ShownReview } from './review-data.js';
import { fetchReviews } from './review-source.js';
import {
  ALL,
  SORTS,
  filterReviews,
  isSelection,
  primaryLanguage,
  roundAverage,
  selectReviews,
  sortReviews,
  starsOf,
  type Query,
  type SortKey,
} from './review-query.js';
import {
  RetainReviewFilteredEvent,
  RetainReviewSeenEvent,
  RetainReviewSortedEvent,
  type ReviewSortedDetail,
} from './review-showcase.events.js';
import type { JsonLdPublisher } from './review-jsonld.js';
import type { Photo } from './review-lightbox.js';
import { styles } from './review-showcase.styles.js';
import { translations, type ReviewTerm } from './review-showcase.translations.js';
import { onVote, readVotes, recordVisit, type Votes } from './review-votes.js';

// The widget's events, typed for whoever imports this module (their declarations on
// GlobalEventHandlersEventMap come with them): `import type { … } from 'retainkit/<widget>'`.
export type * from './review-showcase.events.js';

const VIEWS = ['list', 'grid', 'carousel', 'summary'] as const;
/** What a summary's figures come from before the reviews (review-summary.ts). */
const SUMMARY_ATTRIBUTES = ['rating', 'reviewCount', 'summarySrc'];
type View = (typeof VIEWS)[number];
/** A body longer than this is clamped, with "read more". */
const LONG = 480;
/**
 * Cards added to the DOM at once: a whole page (`page-size` is at most 50), in one render with the
 * figures, each laid out at its own size. Not skipped with `content-visibility: auto`: a card on screen
 * would be drawn at its placeholder size, then corrected a frame later, moving the cards below it.
 */
const BATCH = 50;
/**
 * How long a list with nothing to show yet stays blank before it says "Loading reviews…": most answers come
 * sooner, and the list then goes from nothing to its cards in one step. The note, drawn first, would move
 * what is below it twice and cost a render and a frame of its own; under a second, waiting keeps the
 * shopper's flow.
 */
const QUIET_LOADING_MS = 1000;
type Lang = string | typeof nothing;
/**
 * Reviews with every part of the list around the cards, for `prepare`: a histogram, the controls
 * with "reviews in your language first" (reviews with and without a language), "some of … shown".
 */
const DATA_SAMPLE: ReviewData = {
  product: { id: '', name: '' },
  aggregate: { average: 5, count: 2, distribution: [0, 0, 0, 0, 2], computed: false },
  reviews: [],
  languages: ['', 'xx'],
  problems: [],
};
/**
 * What the page's first list of cards uses, being made or made (`prepare`): once a page, as Lit's templates
 * and the `Intl` formatters are made once for all showcases.
 */
let preparing: Promise<void> | undefined;
/** A card with every optional part but photos, for `prepare`: its body long enough for "read more". */
const CARD_SAMPLE: ShownReview = {
  id: '',
  rating: 5,
  date: 0,
  verified: true,
  media: [],
  helpful: 1,
  unhelpful: 0,
  featured: false,
  score: 0,
  raw: {},
  title: '-',
  body: '-'.repeat(LONG + 1),
  author: '-',
  location: '-',
  reply: { body: '-', author: '-', date: 0 },
};
/**
 * A card's title at the store's heading level (`heading-level`). Lit binds values, not tag names: one
 * template per level rather than lit/static-html for one tag name.
 */
const TITLES: Record<number, (title: string, lang: Lang) => TemplateResult> = {
  2: (title, lang) => html`<h2 class="title" dir="auto" lang=${lang}>${title}</h2>`,
  3: (title, lang) => html`<h3 class="title" dir="auto" lang=${lang}>${title}</h3>`,
  4: (title, lang) => html`<h4 class="title" dir="auto" lang=${lang}>${title}</h4>`,
  5: (title, lang) => html`<h5 class="title" dir="auto" lang=${lang}>${title}</h5>`,
  6: (title, lang) => html`<h6 class="title" dir="auto" lang=${lang}>${title}</h6>`,
};

/** The showcase's parts (`core/parts.ts`), each loaded when first needed; without one (offline) it goes on: a list instead of a carousel, no lightbox. */
const TAG = 'retain-review-showcase';
const lightbox = part(TAG, 'lightbox', () => import('./review-lightbox.js'));
const carousel = part(TAG, 'carousel', () => import('./review-carousel.js'));
const jsonLd = part(TAG, 'JSON-LD', () => import('./review-jsonld.js'));
const search = part(TAG, 'search', () => import('./review-search.js'));
const slicedJson = part(TAG, 'JSON parser', () => import('./review-json.js'));
const summaryCode = part(TAG, 'summary figures', () => import('./review-summary.js'));
const voteCode = part(TAG, 'helpful votes', () => import('./review-vote.js'));
/**
 * Whether a summary's figures may be found without its reviews (review-summary.ts looks): an attribute
 * that gives them, or a JSON-LD script of the page that mentions an AggregateRating.
 */
function mayHaveFigures(el: RetainReviewShowcase): boolean {
  if ([el.rating, el.reviewCount, el.summarySrc].some((value) => value.trim())) return true;
  return [...el.ownerDocument.querySelectorAll('script[type="application/ld+json"]')].some((script) =>
    script.textContent?.includes('aggregateRating'),
  );
}
/** Inline JSON longer than this (a few hundred reviews) is parsed in slices; shorter, at once in a few ms. */
const LARGE_JSON = 256 * 1024;

/**
 * @tag retain-review-showcase
 * @summary Customer reviews: average and distribution over all reviews, cards with stars, verified badge,
 * photos and store reply; sort, filter, paging; helpful votes; schema.org JSON-LD. A selection is
 * always labelled as one, next to the real figures.
 *
 * @attr [view=list] - `list` (default), `grid`, `carousel`, or `summary` (stars, average and count, to sit beside a price).
 *   Reflected: the host's layout and the store's CSS read the attribute.
 * @attr src - URL (https: or relative) of the review JSON, paged through `next`; without it the JSON is read
 *   from a `<script type="application/json">` child (escape `</` as `<\/` in it).
 * @attr [page-size=10] - Cards per page, 1–50. Only the cards shown are in the DOM; "show more" appends a page.
 * @attr [sort=newest] - First sort: `newest` (default), `highest`, `lowest`, `helpful`, `photos`.
 * @attr [min-rating=1] - Store's selection: show only reviews with at least this many stars, 1–5 (default 1,
 *   all). Labelled as a selection; the figures stay over all reviews.
 * @attr featured - Store's selection: only reviews marked `featured`. Labelled as a selection.
 * @attr no-language-first - Keeps the sort's order across languages. By default reviews in the shopper's
 *   language (the page's) come first, with a control that says so and turns it off; each review's own is its
 *   `language`.
 * @attr schema-id - `@id` of the page's Product JSON-LD to merge the ratings into (default: the data's
 *   `product.schemaId`, else the page URL + `#product`).
 * @attr no-schema - Writes no JSON-LD.
 * @attr href - In the summary view, where the count links to (such as `#reviews-title`; give that heading `tabindex="-1"` so that keyboard focus follows the link).
 * @attr rating - In the summary view, the average over all reviews (0–5), with `count`: the summary draws these
 *   and fetches no reviews.
 * @attr count - In the summary view, how many reviews there are, with `rating`.
 * @attr summary-src - In the summary view, URL of a small JSON of the figures, `{"average":4.6,"count":128}`,
 *   fetched instead of `src`. Without these, the summary reads the page's Product JSON-LD AggregateRating, and
 *   only then the reviews from `src` (docs/review-showcase-summary.md).
 * @attr [heading-level=3] - Heading level of the review titles, 2–6 (default 3): one below the page's heading
 *   the showcase sits under (`2` right under the page's `<h1>`).
 * @attr instance - Names this showcase in events and counters (default: its id, else `default`).
 * @attr lang - Interface language (en, ru, uk, hu; the other three load on demand); dates through `Intl`. Each review
 *   keeps its own `language`.
 * @attr {'light' | 'dark' | 'auto'} [scheme=auto] - `light`, `dark` or `auto` (default): dark looks only where the page is dark (its `color-scheme`).
 *
 * @fires retain-review-seen - Reviews came into view: `{ productId, reviewIds }`, each once per page view.
 * @fires retain-review-filtered - The shopper changed a filter (a histogram bar, photos, a committed keyword, "See
 *   all"). Counts `interacted`.
 * @fires retain-review-sorted - The shopper chose an order, or ticked or unticked "… reviews first". Counts
 *   `interacted`.
 * @fires retain-review-voted - A helpful vote, once per review per device: `{ productId, reviewId }`.
 * @fires retain-review-photo-opened - A photo opened in the lightbox: `{ productId, reviewId, index }`.
 *
 * @csspart base - The wrapper.
 * @csspart summary - Average, stars and count.
 * @csspart histogram - The per-star bars (buttons that filter).
 * @csspart controls - Sort, photos and search.
 * @csspart selection - The label shown whenever a selection is shown.
 * @csspart reviews - The list of cards.
 * @csspart review - One card.
 * @csspart reply - The store's reply in a card.
 * @csspart more - The "show more" button.
 * @csspart lightbox - The photo dialog.
 *
 * @cssproperty --retain-review-showcase-star-color - Filled stars.
 * @cssproperty --retain-review-showcase-card-background - Cards (default the kit's `--retain-surface`, else transparent).
 * @cssproperty --retain-border - Kit token: lines and bars (default a tint of the text colour).
 * @cssproperty --retain-radius - Kit token: corner radius.
 * @cssproperty --retain-review-showcase-min-height - Minimum height where the page reserved none before the code came
 *   (`retain-review-showcase:not(:defined) { min-height: … }`, which the showcase keeps once defined).
 * @cssproperty --retain-review-showcase-card-width - Card width in the grid and carousel (default 18em).
 *
 * @slot - Holds the `<script type="application/json">` with the reviews; not shown.
 */
export class RetainReviewShowcase extends RetainElement {
  static override widget = 'review-showcase';
  static override styles = [styles, hostReset];
  /** `list` (default), `grid`, `carousel`, or `summary`. Reflected: the host's layout (`:host([view=summary])`) and the store's CSS read it. */
  @property({ reflect: true }) view: string | null = null;
  @property() src = '';
  @property({ attribute: 'page-size' }) pageSize = '';
  @property() sort = '';
  @property({ attribute: 'min-rating' }) minRating = '';
  @property({ type: Boolean, converter: yesOrNo }) featured = false;
  @property({ type: Boolean, converter: yesOrNo, attribute: 'no-language-first' }) noLanguageFirst = false;
  @property({ attribute: 'schema-id' }) schemaId = '';
  @property({ type: Boolean, converter: yesOrNo, attribute: 'no-schema' }) noSchema = false;
  @property() href = '';
  @property() rating = '';
  // Named reviewCount: the base class's `count()` counts engagements.
  /** In the summary view, how many reviews there are, with `rating`. */
  @property({ attribute: 'count' }) reviewCount = '';
  @property({ attribute: 'summary-src' }) summarySrc = '';
  @property({ attribute: 'heading-level' }) headingLevel: string | null = null;
  /** The review JSON (the documented shape) given by script instead of markup. */
  @property({ attribute: false }) data?: unknown;

  @state() private reviews?: ReviewData;
  /** A summary's figures from the page, without the reviews (review-summary.ts). */
  @state() private figures?: Aggregate;
  @state() private status: 'loading' | 'ready' | 'error' = 'loading';
  @state() private query: Query = ALL;
  /** The shopper turned "reviews in my language first" off. */
  @state() private languageFirstOff = false;
  /** Cards shown in the list and grid; in the carousel, the page shown. */
  @state() private shown = 0;
  @state() private page = 0;
  /** Cards in the DOM so far (of the list, or of the carousel's page): they arrive a batch per frame. */
  @state() private built = 0;
  @state() private votes: Votes = {};
  @state() private since?: number;
  @state() private expanded: string[] = [];
  @state() private photo?: Photo;

  private readonly l = new LocalizeController<ReviewTerm>(this, translations);
  /** Keeps the space the page reserved for good: the showcase grows as its cards come (core/reserved-space.ts). */
  protected override keepsReserved = true;
  private mode: View = 'list';
  private size = 10;
  private titleLevel = 3;
  private results: Review[] = [];
  private ticket = 0;
  private productKnown = '';
  /** The product whose visit waits for the element to be back in the page. */
  private unremembered?: string;
  private pagedSource = false;
  private srcUrl: string | null = null;
  private stopVotes?: () => void;
  private readonly seen = new Set<string>();
  private observer?: IntersectionObserver;
  private jsonLd?: JsonLdPublisher;
  private published = '';
  /** Data of the page's own (inline, or the `data` property) being read; a `src` is not waited for. */
  private reading?: Promise<void>;
  /** The next batch of cards, when one is due. */
  private building?: Promise<void>;
  /** Focus on its way to the first card "show more" added. */
  private focusing?: Promise<void>;
  /** True until the first load has taken `QUIET_LOADING_MS`, or has ended: until then loading shows nothing. */
  private loadingQuiet = true;
  /**
   * The first cards came while the showcase is out of view (drawn one screen ahead): they are laid out a frame
   * after the figures and controls (`layOutLater`), not in the same frame. On a slow phone (4× CPU) that one frame
   * took 60–66 ms, a long task; split, 41–47.
   */
  private cardsLater = false;
  /** The JSON-LD of the last update, written once its code is at hand (`updateComplete` waits for it). */
  private publishing?: Promise<void>;
  private focusFrom = -1;

  private t(key: ReviewTerm, args?: Record<string, unknown>): string {
    return this.l.term(key, args);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.stopVotes = onVote((product, review, vote) => {
      if (product === this.reviews?.product.id) this.votes = { ...this.votes, [review]: vote };
    });
    if (typeof IntersectionObserver !== 'undefined') {
      this.observer = new IntersectionObserver((entries) => this.sawCards(entries), { threshold: 0.5 });
    }
    if (this.hasUpdated) this.requestUpdate();
    const unremembered = this.unremembered;
    this.unremembered = undefined;
    if (unremembered) void this.remember(unremembered);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stopVotes?.();
    this.observer?.disconnect();
    this.jsonLd?.withdraw();
    this.published = '';
  }

  /**
   * Waits for the code the coming render needs: the carousel's for that view, the lightbox's for a
   * photo, the search's for a keyword.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const code =
      (this.photo && !lightbox.now && lightbox.get()) ||
      (this.mode === 'carousel' && !carousel.now && carousel.get()) ||
      (this.query.keyword.trim() && !search.now && search.get());
    return code ? code.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * Also waits for the page's own data to be read and for the last batch of its cards (a `src` is not
   * waited for: that is the network's time), and for the JSON-LD to be written (its code loads after
   * the first render).
   */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.reading || this.building) {
      const reading = this.reading;
      await reading;
      if (reading === this.reading) this.reading = undefined;
      await this.building;
      done = await super.getUpdateComplete();
    }
    await this.publishing;
    await this.focusing;
    return done;
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Once a load has ended (shown or failed), a later one says so at once: the shopper asked (a retry).
    if (this.status !== 'loading') this.loadingQuiet = false;
    if (changed.has('view') && (this.mode = parseEnum(this, 'view', this.view, VIEWS, 'list')) === 'carousel') void carousel.get();
    if (changed.has('headingLevel')) {
      this.titleLevel = parseNumber(this, 'heading-level', this.headingLevel, 3, { min: 2, max: 6, integer: true });
    }
    if (changed.has('pageSize')) this.size = parseNumber(this, 'page-size', this.pageSize, 10, { min: 1, max: 50, integer: true });
    if (changed.has('sort') || changed.has('minRating') || changed.has('featured')) {
      const min = parseNumber(this, 'min-rating', this.minRating, 1, { min: 1, max: 5, integer: true });
      this.query = {
        ...ALL,
        sort: parseEnum<SortKey>(this, 'sort', this.sort, SORTS, 'newest'),
        stars: [1, 2, 3, 4, 5].filter((s) => min > 1 && s >= min),
        featured: this.featured,
      };
    }
    // The shopper's language: the page's, even where the interface falls back to English (a German page).
    const language = this.noLanguageFirst || this.languageFirstOff ? '' : primaryLanguage(this.l.locale);
    if (language !== this.query.language) this.query = { ...this.query, language };
    if (changed.has('src') || changed.has('data')) {
      this.srcUrl = this.data === undefined ? parseUrl(this, 'src', this.src) : null;
      this.pagedSource = false;
    }
    if (changed.has('data') && this.data !== undefined) this.reading = this.load(this.data, 'data');
    else if (changed.has('src') || !this.hasUpdated || (this.mode === 'summary' && SUMMARY_ATTRIBUTES.some((a) => changed.has(a))))
      this.start();
    // A summary drawn from the page's figures, made a list: its reviews are read now.
    else if (changed.has('view') && this.mode !== 'summary' && !this.reviews && this.status === 'ready') this.fullStart();
    else if (changed.has('query') && this.paged) this.fetchPage(this.pageUrl(), false);
    // Read when the data comes: the page's layout is made by then, nothing pending.
    if (changed.has('reviews') && !changed.get('reviews') && this.reviews) this.cardsLater = outOfView(this);
    if (changed.has('reviews') || changed.has('query')) {
      const all = this.reviews?.reviews ?? [];
      // A paged source filters and sorts on its server; filtering again here keeps the label true.
      this.results = this.paged ? filterReviews(all, this.query) : selectReviews(all, this.query);
      // Without the search's code (offline) a keyword filters nothing; a warning said so.
      if (this.query.keyword.trim() && search.now) this.results = search.now.searchReviews(this.results, this.query.keyword);
    }
    if (changed.has('query') || changed.has('pageSize')) this.resetPaging();
  }

  /** Loads from `src`, else reads the inline JSON (once the children are parsed); a summary first looks for its figures. */
  private start(): void {
    if (this.data !== undefined) return;
    this.figures = undefined;
    if (this.mode === 'summary') void this.startSummary(++this.ticket);
    else this.fullStart();
  }

  /**
   * The figures without the reviews where the page has them (review-summary.ts), else the reviews. Where
   * nothing can give them (no attribute names them, no JSON-LD holds an AggregateRating), the reviews
   * are fetched at once, without that code (a chunk and its task, for nothing).
   */
  private async startSummary(ticket: number): Promise<void> {
    if (!mayHaveFigures(this)) return this.fullStart();
    const code = await summaryCode.get();
    const { rating, reviewCount: count, summarySrc, schemaId } = this;
    const figures = await code?.summaryFigures(this, { rating, count, summarySrc, schemaId, fetchesReviews: !!this.srcUrl });
    if (ticket !== this.ticket) return;
    if (!figures) return this.fullStart();
    this.figures = figures;
    this.status = 'ready';
  }

  private fullStart(): void {
    if (this.data !== undefined) return;
    if (this.srcUrl) return void this.fetchPage(this.pageUrl(), false);
    const text = readJsonSource(this, 'data', null);
    if (text == null && document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.fullStart(), { once: true });
      return;
    }
    // A refused src has had its warning: no second one for the missing inline data.
    if (text == null && this.src.trim()) return void (this.status = 'error');
    this.reading = this.read(text ?? '');
  }

  /**
   * Parses the inline JSON, then loads it. Megabytes of it (10,000 reviews) are parsed in slices, by code
   * loaded for them, starting in a task of their own: the page's own work of adding the element is done
   * in this one. Without that code (offline) they are parsed at once.
   */
  private async read(text: string, ticket = ++this.ticket): Promise<void> {
    let value: unknown;
    try {
      const sliced = text.length > LARGE_JSON && (await slicedJson.get());
      if (sliced) await nextTask();
      value = sliced ? await sliced.parseInSlices(text, 'reviews') : JSON.parse(text);
    } catch (error) {
      if (ticket !== this.ticket) return;
      warnBadValue(
        this,
        'data',
        text,
        'no reviews',
        `is not valid JSON (${(error as Error).message}); if a review holds "</script>", write it as "<\\/script>"`,
      );
      this.status = 'error';
      return;
    }
    if (ticket === this.ticket) await this.load(value, 'data', false, ticket);
  }

  /**
   * Normalizes in slices, sorts for the first page, then shows, unless overtaken. With thousands of
   * reviews the sort and the render each get a task of their own (no long task).
   */
  private async load(value: unknown, from: string, append = false, ticket = ++this.ticket): Promise<void> {
    const slice = new Slice();
    await this.present(await normalizeData(value, undefined, true), from, append, ticket, slice);
  }

  /** Sorts for the first page (a task of its own after long checks), then shows, unless overtaken. */
  private async present(result: ReviewData | string, from: string, append: boolean, ticket: number, slice = new Slice()): Promise<void> {
    // A src's result is shared with the other showcases of it: this one sorts and pages a copy.
    if (typeof result !== 'string') result = { ...result, reviews: [...result.reviews] };
    if (typeof result !== 'string' && slice.due) {
      await nextTask();
      sortReviews(result.reviews, this.query.sort);
      await nextTask();
    }
    if (ticket === this.ticket) this.accept(result, from, append);
  }

  private accept(result: ReviewData | string, from: string, append = false): void {
    if (typeof result === 'string') {
      warnBadValue(this, from, this.src || '…', 'no reviews', result);
      this.status = 'error';
      return;
    }
    if (result.problems.length) {
      warn(
        `<${this.localName}> ${from}: ${result.problems.length} problem(s) in the review data, the first: ${result.problems[0]}; showing the rest.`,
        this,
      );
    }
    const before = this.reviews;
    if (result.next) this.pagedSource = true;
    if (append && before) {
      const ids = new Set(before.reviews.map((r) => r.id));
      const reviews = [...before.reviews, ...result.reviews.filter((r) => !ids.has(r.id))];
      result = { ...result, reviews, languages: [...new Set([...before.languages, ...result.languages])] };
      if (result.aggregate.computed) result.aggregate = before.aggregate;
    }
    this.reviews = result;
    this.status = 'ready';
    if (!append) this.resetPaging();
    const product = result.product.id;
    if (product !== this.productKnown) {
      // Another product on the same element (a single-page store): nothing of the last one's carries over.
      if (this.productKnown) {
        this.votes = {};
        this.since = undefined;
        this.expanded = [];
        this.seen.clear();
      }
      if (this.mode !== 'summary') void this.remember(product);
    }
    this.productKnown = product;
  }

  /** Back to the first page, its cards drawn with the figures. */
  private resetPaging(): void {
    this.shown = this.size;
    this.page = 0;
    this.built = BATCH;
  }

  /** Records the visit (first time only) and reads this device's votes for the product, in one transaction. */
  private async remember(product: string, visit = true): Promise<void> {
    await this.drawn;
    // Taken out of the page before the shopper could look (a framework rendering it again): the visit waits.
    if (!this.isConnected) return void (this.unremembered = product);
    try {
      const { since, votes } = visit ? await recordVisit(product) : { since: this.since, votes: await readVotes(product) };
      // Re-rendered only when there is a last visit or this device has voted on the product: once for both.
      this.since = since;
      if (Object.keys(votes).length) this.votes = { ...votes, ...this.votes };
    } catch (error) {
      warn(`<${this.localName}> could not read what this device remembers`, error);
    }
  }

  /**
   * `src` with the query as parameters: sort, rating (stars, comma-separated), photos, featured, q, and lang
   * (the shopper's language, to come first).
   */
  private pageUrl(): string {
    const url = new URL(this.srcUrl!);
    const q = this.query;
    const params: Record<string, string> = {
      sort: q.sort,
      rating: starsOf(q).join(','),
      photos: q.photos ? '1' : '',
      featured: q.featured ? '1' : '',
      q: q.keyword.trim(),
      lang: q.language,
    };
    for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
    return url.href;
  }

  private async fetchPage(url: string, append: boolean): Promise<void> {
    const ticket = ++this.ticket;
    if (!append) this.status = 'loading';
    if (!append && this.mode !== 'summary') preparing ??= this.prepare();
    let result: ReviewData | string;
    try {
      result = await fetchReviews(url);
      // Reviews that came sooner wait for it: the work is the same, in shorter tasks.
      await preparing;
      // Showcases of the same src get its answer at once: each shows it in a task of its own, the first on the page first.
      await turn(this);
    } catch (error) {
      if (ticket !== this.ticket) return;
      warnBadValue(this, 'src', url, 'no reviews', `could not be loaded (${(error as Error).message})`);
      // A failed "show more" keeps what is shown, and its button to try again.
      if (!append) this.status = 'error';
      return;
    }
    if (ticket === this.ticket) await this.present(result, 'src', append, ticket);
  }

  /**
   * Makes what a list's first cards use, once a page, while the reviews are on their way, each part in a
   * task of its own: on a slow phone (4× CPU) each would otherwise add tens of ms to the task that draws the cards.
   * - The texts: the first `Intl` formatter of each kind (dates, numbers, plurals, a language's name) costs
   *   milliseconds.
   * - Lit's templates: Lit parses each `html` literal into a template on its first use, a card's twenty of
   *   them about 15 ms and the list's histogram and controls about 10. Samples with every optional part but
   *   photos (no image to fetch) are drawn into an element of no document, then dropped: a card, then the
   *   list around it.
   * Never fails: without it the cards are drawn all the same.
   */
  private prepare(): Promise<void> {
    const detached = () => document.createElement('div');
    return nextTask()
      .then(() => {
        this.t('based', { v: 5, n: 2 });
        this.t('shown', { n: 1, total: 2 });
        this.t('languageFirst', { language: primaryLanguage(this.l.locale) });
        this.l.date(0);
      })
      .then(nextTask)
      .then(() => render(this.renderList([CARD_SAMPLE]), detached()))
      .then(nextTask)
      .then(() => void render(this.renderReviews(DATA_SAMPLE, [CARD_SAMPLE]), detached()))
      .catch(() => undefined);
  }

  /** Where the cards asked for start and end: a page of the carousel, or the pages shown so far. */
  private get range(): [number, number] {
    const end = Math.min(this.results.length, this.mode === 'carousel' ? (this.page + 1) * this.size : this.shown);
    return [this.mode === 'carousel' ? this.page * this.size : 0, end];
  }

  /** The cards in the DOM: those asked for that are built so far; never the whole list. */
  private visible(): ShownReview[] {
    const [start, end] = this.range;
    return this.results.slice(start, Math.min(end, start + this.built)).map(ready);
  }

  /** True while cards asked for are still to be built (the next batch is then due). */
  private get incomplete(): boolean {
    const [start, end] = this.range;
    return start + this.built < end;
  }

  /** A source that pages (gave a `next`) filters and sorts on its server, and counts the matches. */
  private get paged(): boolean {
    return !!this.srcUrl && this.pagedSource;
  }

  /** How many reviews match; unknown while a paged source is asked for a new selection (no stale count). */
  private get matchCount(): number | undefined {
    return !this.paged ? this.results.length : this.status === 'loading' ? undefined : this.reviews?.total;
  }

  private hasMore(end: number): boolean {
    return end < this.results.length || !!this.reviews?.next;
  }

  /** Makes sure `count` results are loaded (fetching pages from a paged source as needed). */
  private async ensure(count: number): Promise<void> {
    while (this.results.length < count && this.reviews?.next) {
      const before = this.reviews.reviews.length;
      await this.fetchPage(this.reviews.next, true);
      await this.updateComplete;
      if (this.reviews.reviews.length === before) break;
    }
  }

  private async more(): Promise<void> {
    const from = this.shown;
    await this.ensure(from + this.size);
    this.focusFrom = from;
    this.shown = from + this.size;
    this.built = from + BATCH;
  }

  /** The carousel at its end: the next or previous page, scrolled to its start or end. */
  private async turn(dir: number, track: HTMLElement): Promise<void> {
    const page = this.page + dir;
    if (page < 0) return;
    await this.ensure(page * this.size + 1);
    if (page * this.size >= this.results.length) return;
    this.page = page;
    this.built = BATCH;
    await this.updateComplete;
    track.scrollTo({ left: dir > 0 ? 0 : track.scrollWidth });
  }

  /** A filter change by the shopper: applied, announced to the store. */
  private async filter(change: Partial<Query>): Promise<void> {
    this.query = { ...this.query, ...change };
    const q = this.query;
    await this.updateComplete;
    void this.countAndEmit(
      'interacted',
      new RetainReviewFilteredEvent(
        this.detail({
          productId: this.productKnown,
          stars: starsOf(q),
          photos: q.photos,
          keyword: q.keyword.trim(),
          featured: q.featured,
          matches: this.paged ? undefined : this.results.length,
        }),
      ),
    );
  }

  private toggleStar(star: number): void {
    const stars = starsOf(this.query);
    this.filter({ stars: stars.includes(star) ? stars.filter((s) => s !== star) : [...stars, star] });
  }

  private chooseSort(event: Event): void {
    const sort = (event.target as HTMLSelectElement).value as SortKey;
    this.query = { ...this.query, sort };
    this.emitSort();
  }

  private chooseLanguageFirst(event: Event): void {
    this.languageFirstOff = !(event.target as HTMLInputElement).checked;
    this.emitSort();
  }

  /** The shopper chose an order: announced with the language put first (after the update that applies it). */
  private async emitSort(): Promise<void> {
    await this.updateComplete;
    const { sort, language } = this.query;
    const detail = this.detail<ReviewSortedDetail>({ productId: this.productKnown, sort, languageFirst: language || null });
    void this.countAndEmit('interacted', new RetainReviewSortedEvent(detail));
  }

  private async vote(review: Review): Promise<void> {
    const product = this.productKnown;
    if (this.votes[review.id]) return;
    // Without its code (a dropped connection), no vote: the part has warned.
    const code = await voteCode.get();
    if (!code) return;
    let recorded: boolean;
    try {
      recorded = await code.castVote(product, review.id, review.helpful);
    } catch (error) {
      warn(`<${this.localName}> could not record a helpful vote`, error);
      return;
    }
    if (!recorded) return void this.remember(product, false);
    this.votes = { ...this.votes, [review.id]: { at: Date.now(), base: review.helpful } };
    void this.countAndEmit('voted', new code.RetainReviewVotedEvent(this.detail({ productId: product, reviewId: review.id })));
  }

  private async openPhoto(review: ShownReview, index: number, opener: HTMLElement): Promise<void> {
    this.photo = { review, index, opener };
    await this.updateComplete;
    const dialog = this.renderRoot.querySelector('dialog');
    // Without the lightbox's code (offline) the photo does not open.
    if (!dialog || !lightbox.now) return void (this.photo = undefined);
    if (!dialog.open) dialog.showModal();
    dialog.querySelector<HTMLElement>('.close')?.focus();
    void this.countAndEmit(
      'opened',
      new lightbox.now.RetainReviewPhotoOpenedEvent(this.detail({ productId: this.productKnown, reviewId: review.id, index })),
    );
  }

  private sawCards(entries: IntersectionObserverEntry[]): void {
    const ids: string[] = [];
    for (const entry of entries) {
      const id = (entry.target as HTMLElement).dataset.id!;
      if (entry.isIntersecting && !this.seen.has(id)) {
        this.seen.add(id);
        ids.push(id);
      }
    }
    if (!ids.length) return;
    if (this.seen.size === ids.length) void this.count('seen');
    this.emit(new RetainReviewSeenEvent(this.detail({ productId: this.productKnown, reviewIds: ids })));
  }

  /** A list with nothing to show after `QUIET_LOADING_MS` says it is loading (a summary has no note). */
  protected override firstUpdated(): void {
    setTimeout(() => {
      if (!this.loadingQuiet) return;
      this.loadingQuiet = false;
      if (this.status === 'loading' && !this.reviews && this.mode !== 'summary') this.requestUpdate();
    }, QUIET_LOADING_MS);
  }

  protected override updated(): void {
    if (this.cardsLater) {
      this.cardsLater = false;
      layOutLater(this.renderRoot.querySelector('.reviews'));
    }
    // Widths through the CSSOM, not style attributes: a strict Content-Security-Policy allows these.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('[data-w]')) bar.style.width = `${bar.dataset.w}%`;
    const cards = [...this.renderRoot.querySelectorAll<HTMLElement>('article')];
    if (this.observer) {
      this.observer.disconnect();
      for (const card of cards) this.observer.observe(card);
    }
    // "Show more" moves focus to the first new card once it is built, after it is drawn: focusing sooner
    // would lay the page out twice.
    if (this.focusFrom >= 0 && (cards[this.focusFrom] || !this.incomplete)) {
      const card = cards[this.focusFrom];
      this.focusFrom = -1;
      this.focusing = card && nextFrame().then(() => card.focus());
    }
    if (this.incomplete) {
      this.building ??= nextFrame().then(() => {
        this.building = undefined;
        this.built += BATCH;
      });
      return;
    }
    const data = this.reviews;
    if (!data || this.mode === 'summary' || this.noSchema || this.status !== 'ready') return;
    const id = this.schemaId.trim() || data.product.schemaId || `${location.origin}${location.pathname}#product`;
    const visible = this.visible();
    // Search engines run scripts late: the JSON-LD code loads after the first render, then writes in order.
    // The first time, asked for in a task of its own: starting a chunk's load costs milliseconds on a slow
    // phone, which the task that drew the cards would otherwise carry.
    this.publishing = (jsonLd.now ? jsonLd.get() : nextTask().then(() => jsonLd.get())).then((code) => {
      if (!code || !this.isConnected) return;
      const node = code.productNode(data, visible, id);
      const text = JSON.stringify(node);
      if (text !== this.published) (this.jsonLd ??= new code.JsonLdPublisher(document, describeElement(this))).publish(node);
      this.published = text;
    });
  }

  private stars(value: number, label = this.t('rated', { v: value })): TemplateResult {
    return html`<span class="stars" role="img" aria-label=${label}><span data-w=${(value / 5) * 100}></span></span>`;
  }

  protected override render(): TemplateResult {
    const data = this.reviews;
    if (this.mode === 'summary') {
      const figures = this.figures ?? data?.aggregate;
      return figures?.count ? this.renderSummary(figures, 'base summary') : html`<span part="base"></span>`;
    }
    return html`<section part="base" class="base view-${this.mode}" lang=${this.l.language} dir=${this.l.dir} aria-label=${this.t('heading')} aria-busy=${this.status === 'loading'}>
      ${
        this.status === 'error'
          ? html`<p class="note">${this.t('error')}${this.srcUrl ? html` <button @click=${() => this.fetchPage(this.pageUrl(), false)}>${this.t('retry')}</button>` : nothing}</p>`
          : !data
            ? this.loadingQuiet
              ? nothing
              : html`<p class="note">${this.t('loading')}</p>`
            : this.renderReviews(data)
      }
      ${
        this.photo && lightbox.now
          ? (adoptPartStyles(this, lightbox.now.lightboxStyles),
            lightbox.now.renderLightbox(this.photo, this.t.bind(this), (photo) => (this.photo = photo)))
          : nothing
      }
    </section>`;
  }

  /** Average, stars and count (a link in the summary view with `href`). */
  private renderSummary(aggregate: Aggregate, part: string): TemplateResult {
    const average = roundAverage(aggregate.average);
    const label = this.t('count', { n: aggregate.count });
    const href = this.mode === 'summary' && this.href ? parseUrl(this, 'href', this.href) : null;
    return html`<div part=${part} class=${part} lang=${this.l.language} dir=${this.l.dir}>
      <span class="average" aria-hidden="true">${this.l.number(average, { minimumFractionDigits: 1 })}</span>
      ${this.stars(average)} ${href ? html`<a href=${href}>${label}</a>` : html`<span>${label}</span>`}
    </div>`;
  }

  private renderReviews(data: ReviewData, visible = this.visible()): TemplateResult {
    const { aggregate } = data;
    const q = this.query;
    const stars = starsOf(q);
    const average = roundAverage(aggregate.average);
    const total = this.matchCount;
    const [, end] = this.range;
    const partial = !isSelection(q) && !data.next && !aggregate.computed && data.reviews.length < aggregate.count;
    return html`
      ${this.renderSummary(aggregate, 'summary')}
      ${
        aggregate.distribution && aggregate.count
          ? html`<div part="histogram" class="histogram" role="group" aria-label=${this.t('byStars')}>
            ${[5, 4, 3, 2, 1].map((s) => {
              const n = aggregate.distribution![s - 1];
              return html`<button aria-pressed=${stars.includes(s)} aria-label=${this.t('star', { s, n })} @click=${() => this.toggleStar(s)}>
                <span>${s}★</span><span class="bar"><span data-w=${(n / aggregate.count) * 100}></span></span><span>${this.l.number(n)}</span>
              </button>`;
            })}
          </div>`
          : nothing
      }
      ${
        aggregate.count
          ? html`<div part="controls" class="controls">
            <label>${this.t('sortBy')} <select .value=${q.sort} @change=${this.chooseSort}>${SORTS.map((s) => html`<option value=${s} ?selected=${q.sort === s}>${this.t(s)}</option>`)}</select></label>
            <label><input type="checkbox" .checked=${q.photos} @change=${(e: Event) => this.filter({ photos: (e.target as HTMLInputElement).checked })} /> ${this.t('withPhotos')}</label>
            ${this.renderLanguageFirst(data)}
            <input type="search" aria-label=${this.t('search')} placeholder=${this.t('search')} .value=${q.keyword}
              @focus=${() => search.get().then((code) => code?.prepareSearch(data.reviews))}
              @input=${(e: Event) => !this.paged && (this.query = { ...q, keyword: (e.target as HTMLInputElement).value })}
              @change=${(e: Event) => this.filter({ keyword: (e.target as HTMLInputElement).value })} />
          </div>`
          : nothing
      }
      ${
        isSelection(q)
          ? html`<p part="selection" class="selection">
            ${this.t('showing', { what: this.criteria(q), n: total })} · ${this.t('based', { v: average, n: aggregate.count })} ·
            <button class="link" @click=${() => this.filter({ stars: [], photos: false, keyword: '', featured: false })}>${this.t('seeAll')}</button>
          </p>`
          : partial
            ? html`<p part="selection" class="selection">
              ${this.t('shown', { n: data.reviews.length, total: aggregate.count })}${data.all ? html` · <a href=${data.all}>${this.t('seeAll')}</a>` : nothing}
            </p>`
            : nothing
      }
      ${
        visible.length
          ? this.mode === 'carousel' && carousel.now
            ? (adoptPartStyles(this, carousel.now.carouselStyles),
              carousel.now.renderSlides(this.renderList(visible), this.t.bind(this), (dir, track) => this.turn(dir, track)))
            : this.renderList(visible)
          : this.mode === 'carousel'
            ? html`<p class="note">${this.t(aggregate.count ? 'noMatch' : 'empty')}</p>`
            : nothing
      }
      ${
        // One status line for what a filter, search or "Show more" leaves: the same live region says "6 of 7
        // shown" or "No reviews match.", so a screen reader hears a search that found nothing too.
        this.mode === 'carousel'
          ? nothing
          : html`<p class=${visible.length ? 'status' : 'note'} role="status">${
              visible.length
                ? total !== undefined
                  ? this.t('shown', { n: end, total })
                  : nothing
                : this.t(aggregate.count ? 'noMatch' : 'empty')
            }</p>
            ${visible.length && this.hasMore(end) ? html`<button part="more" class="more" @click=${this.more}>${this.t('more')}</button>` : nothing}`
      }
    `;
  }

  /**
   * "English reviews first", checked while it applies: shown when it changes the order of the reviews at hand
   * (some in other languages, some not), so the shopper knows why and can turn it off.
   */
  private renderLanguageFirst(data: ReviewData): TemplateResult | typeof nothing {
    const language = primaryLanguage(this.l.locale);
    const other = (tag: string) => tag !== '' && tag !== language;
    if (this.noLanguageFirst || !data.languages.some(other) || data.languages.every(other)) return nothing;
    return html`<label><input type="checkbox" .checked=${this.query.language !== ''} @change=${this.chooseLanguageFirst} />
      ${this.t('languageFirst', { language })}</label>`;
  }

  /** "4★ and 5★, with photos, “word”" in the interface language. */
  private criteria(q: Query): string {
    const parts: string[] = [];
    const stars = starsOf(q);
    if (stars.length) parts.push(new Intl.ListFormat(this.l.locale, { type: 'conjunction' }).format(stars.map((s) => `${s}★`)));
    if (q.featured) parts.push(this.t('featured'));
    if (q.photos) parts.push(this.t('withPhotos').toLocaleLowerCase(this.l.locale));
    if (q.keyword.trim()) parts.push(this.t('quote', { q: q.keyword.trim() }));
    return parts.join(', ');
  }

  private renderList(reviews: ShownReview[]): TemplateResult {
    return html`<ul part="reviews" class="reviews" ?data-later=${this.cardsLater}>
      ${reviews.map((r, i) => html`<li>${this.renderCard(r, i)}</li>`)}
    </ul>`;
  }

  private renderCard(r: ShownReview, i: number): TemplateResult {
    const vote = this.votes[r.id];
    const helpful = vote ? Math.max(r.helpful, vote.base + 1) : r.helpful;
    const long = r.body.length > LONG || r.body.split('\n').length > 6;
    const open = this.expanded.includes(r.id);
    const lang = r.language ?? nothing;
    return html`<article part="review" class="card" tabindex="-1" data-id=${r.id} aria-label=${r.title || r.author || this.t('rated', { v: r.rating })}>
      <div class="head">
        ${this.stars(r.rating)}
        ${r.title ? TITLES[this.titleLevel](r.title, lang) : nothing}
        ${this.since !== undefined && r.date !== undefined && r.date > this.since ? html`<span class="badge new">${this.t('isNew')}</span>` : nothing}
      </div>
      <p class="meta">
        ${r.author ? html`<bdi>${r.author}</bdi>` : nothing}${r.location ? html` · <bdi>${r.location}</bdi>` : nothing}
        ${r.date !== undefined ? html` · <time datetime=${new Date(r.date).toISOString()}>${this.l.date(r.date)}</time>` : nothing}
        ${r.verified ? html` · <span class="badge verified"><span aria-hidden="true">✓</span>&nbsp;${this.t('verified')}</span>` : nothing}
      </p>
      ${r.body ? html`<p class="body ${long && !open ? 'clamp' : ''}" dir="auto" lang=${lang} id="b-${i}" tabindex="-1">${r.body}</p>` : nothing}
      ${
        long && !open
          ? html`<button class="link" aria-expanded="false" aria-controls="b-${i}" @click=${(e: Event) => this.expand(r, e)}>${this.t('readMore')}</button>`
          : nothing
      }
      ${
        r.media.length
          ? html`<ul class="photos" @pointerover=${lightbox.get} @focusin=${lightbox.get}>
            ${r.media.map(
              (m, i) => html`<li>
                <button @click=${(e: Event) => this.openPhoto(r, i, e.currentTarget as HTMLElement)}>
                  <img src=${m.thumb ?? m.url} alt=${m.alt || this.t('photoBy', { i: i + 1, name: r.author })} loading="lazy" width="72" height="72" />
                </button>
              </li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        r.reply
          ? html`<div part="reply" class="reply">
            <p class="meta"><strong>${r.reply.author ? html`<bdi>${r.reply.author}</bdi>` : this.t('reply')}</strong>${r.reply.date !== undefined ? html` · ${this.l.date(r.reply.date)}` : nothing}</p>
            <p class="body" dir="auto" lang=${lang}>${r.reply.body}</p>
          </div>`
          : nothing
      }
      <button class="vote" aria-pressed=${!!vote} @click=${() => this.vote(r)}>${this.t('vote')}${helpful ? html` · ${this.l.number(helpful)}` : nothing}</button>
    </article>`;
  }

  private async expand(r: Review, event: Event): Promise<void> {
    const body = (event.currentTarget as HTMLElement).parentElement!.querySelector<HTMLElement>('.body');
    this.expanded = [...this.expanded, r.id];
    await this.updateComplete;
    body?.focus();
  }
}

defineElement('retain-review-showcase', RetainReviewShowcase);

declare global {
  interface HTMLElementTagNameMap {
    'retain-review-showcase': RetainReviewShowcase;
  }
}
