/**
 * The review data the showcase reads (inline JSON, a `src` URL, or the `data` property), checked and
 * normalized once into typed reviews. Everything in it was typed by strangers: text is cleaned (no
 * bidi overrides, no runaway combining marks, bounded length), URLs are kept only when they are https:
 * or relative, and a review that cannot be shown honestly (no id, no 1–5 rating) is skipped and counted.
 *
 * The aggregate the store gives is the truth over all its reviews; only when it gives none is one
 * computed from the reviews at hand (and marked `computed`).
 */
import { checkNumber } from '../core/config.js';
import { Slice } from '../core/slice.js';
import { primaryLanguage, wilson } from './review-query.js';
import type { Media, Reply, Review, ShownReview, Distribution, Aggregate, Product, ReviewData } from './review.types.js';

export type { Media, Reply, Review, ShownReview, Distribution, Aggregate, Product, ReviewData };

// Bidi embeddings, overrides and isolates (U+202A–202E, U+2066–2069) let a stranger's text reorder the
// text around it; C0/C1 controls other than tab and newline have no business in a review.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// More than four combining marks on one letter is "Zalgo" text that paints over its neighbours.
const MARKS = /(\p{M}{4})\p{M}+/gu;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A number, or a decimal in a text as `checkNumber` reads one (`"4.6"`); NaN for what `Number` makes 0 of (`null`, `""`, `false`). */
function numberIn(value: unknown): number {
  const n = typeof value === 'string' ? checkNumber(value) : value;
  return typeof n === 'number' ? n : NaN;
}

/** A stranger's text made tidy: controls and overrides gone, marks capped, at most `max` characters. */
export function cleanText(raw: unknown, max: number, multiline = false): string {
  if (typeof raw !== 'string' && typeof raw !== 'number') return '';
  let text = String(raw).replace(/\r\n?/g, '\n').replace(CONTROLS, '').replace(MARKS, '$1');
  text = multiline ? text.replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n') : text.replace(/\s+/g, ' ');
  text = text.trim();
  // Cut on a code point, not inside a surrogate pair.
  if (text.length > max)
    text = `${text
      .slice(0, max)
      .replace(/[\ud800-\udbff]$/, '')
      .trimEnd()}…`;
  return text;
}

/**
 * Milliseconds for a timestamp or a date as review exports write it; undefined when it is not a date. Read
 * alike in every engine, as ISO 8601: `2025-03-15 12:30:45 UTC` (as Ruby's `Time#to_s` writes it; WebKit's
 * `Date.parse` refuses its space and zone name), and a day alone (`2025-03-15`) as that day's midnight where the
 * shopper is (`Date.parse` takes it as midnight UTC: the day before, west of Greenwich).
 */
export function parseDate(raw: unknown): number | undefined {
  const text = typeof raw === 'string' ? raw.trim() : '';
  const ms =
    typeof raw === 'number'
      ? raw
      : // An ISO timestamp (an API's) is read as it is: rewriting every one cost 10,000 reviews 7–17 ms in Node, not 2–6.
        Date.parse(
          /T[\d:.]+(?:Z|[+-]\d\d:\d\d)$/.test(text)
            ? text
            : text.replace(
                /^(\d{4}-\d\d-\d\d)(?:[ T](.+?) ?(?:(UTC|GMT|Z)|([+-]\d\d):?(\d\d))?)?$/i,
                (_, day: string, time = '00:00', utc?: string, hours?: string, minutes?: string) =>
                  `${day}T${time}${utc ? 'Z' : hours ? `${hours}:${minutes}` : ''}`,
              ),
        );
  // Within what a Date holds (±8.64e15 ms; a day less, for the zone's shift): a card's `toISOString()` throws past it.
  return Math.abs(ms) < 8.6e15 ? ms : undefined;
}

/**
 * A URL from data, resolved against `base`: kept only when https:, or http: on this origin or localhost
 * (the rule of `safeUrl` in the core, with one parse instead of two: it runs for every photo).
 */
export function dataUrl(raw: unknown, base: string): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  const { protocol, hostname, origin } = url;
  const local = origin === location.origin || /^(localhost|127\.0\.0\.1|\[::1\])$|\.localhost$/.test(hostname);
  return protocol === 'https:' || (protocol === 'http:' && local) ? url.href : undefined;
}

const count = (raw: unknown): number => {
  const n = Number(raw);
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
};

function language(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || !raw.trim()) return undefined;
  try {
    return Intl.getCanonicalLocales(raw.trim())[0];
  } catch {
    return undefined;
  }
}

function media(raw: unknown, base: string): Media[] {
  const list: Media[] = [];
  for (const item of Array.isArray(raw) ? raw.slice(0, 12) : []) {
    const entry: Obj = isObj(item) ? item : { url: item };
    const url = dataUrl(entry.url ?? entry.src, base);
    if (!url) continue;
    const width = count(entry.width);
    const height = count(entry.height);
    list.push({
      url,
      alt: cleanText(entry.alt, 300),
      width: width || undefined,
      height: height || undefined,
      thumb: dataUrl(entry.thumb ?? entry.thumbnail, base),
    });
  }
  return list;
}

/**
 * One review, or why it cannot be shown. Only what sorting, filtering and the figures need is read
 * here, for every review; the texts are cleaned by `ready` when the review is about to be shown, so
 * that 10,000 reviews cost one light pass.
 */
export function normalizeReview(raw: unknown, base: string): Review | string {
  if (!isObj(raw)) return 'is not an object';
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id).trim().slice(0, 200) : '';
  if (!id) return 'has no id';
  const rating = Number(raw.rating);
  if (!(rating >= 1 && rating <= 5)) return `review ${id} has no rating from 1 to 5`;
  const helpful = count(raw.helpful);
  const unhelpful = count(raw.unhelpful);
  const language = typeof raw.language === 'string' ? primaryLanguage(raw.language) : '';
  return {
    id,
    rating: Math.round(rating),
    date: parseDate(raw.date),
    verified: raw.verified === true,
    media: raw.media ? media(raw.media, base) : [],
    helpful,
    unhelpful,
    featured: raw.featured === true,
    // A language subtag is 2–8 letters; anything else is no language.
    primaryLanguage: /^[a-z]{2,8}$/.test(language) ? language : undefined,
    score: wilson(helpful, unhelpful),
    raw,
  };
}

const authorOf = (raw: Obj): Obj => (isObj(raw.author) ? raw.author : { name: raw.author });

/** The review with its texts cleaned (once; later calls return the same object). */
export function ready(review: Review): ShownReview {
  const r = review as ShownReview;
  if (r.body !== undefined) return r;
  const { raw } = r;
  const author = authorOf(raw);
  const reply = isObj(raw.reply) ? raw.reply : { body: raw.reply };
  const replyBody = cleanText(reply.body, 5000, true);
  r.title = cleanText(raw.title, 200);
  r.author = cleanText(author.name, 100);
  r.location = cleanText(author.location ?? raw.location, 100);
  r.reply = replyBody ? { body: replyBody, author: cleanText(reply.author, 100), date: parseDate(reply.date) } : undefined;
  r.language = language(raw.language);
  r.body = cleanText(raw.body, 20_000, true);
  return r;
}

/** Counts per star of `reviews`. */
export function distributionOf(reviews: readonly Review[]): Distribution {
  const d: Distribution = [0, 0, 0, 0, 0];
  for (const r of reviews) d[r.rating - 1]++;
  return d;
}

/** Count and average of a distribution (the average unrounded; 0 when there are no reviews). */
export function summarize(d: Distribution): { count: number; average: number } {
  let total = 0;
  let sum = 0;
  d.forEach((n, i) => {
    total += n;
    sum += n * (i + 1);
  });
  return { count: total, average: total ? sum / total : 0 };
}

function readDistribution(raw: unknown): Distribution | undefined {
  const values = Array.isArray(raw) ? raw : isObj(raw) ? [1, 2, 3, 4, 5].map((s) => raw[s]) : undefined;
  if (!values || values.length !== 5) return undefined;
  const d = values.map(Number);
  return d.every((n) => Number.isInteger(n) && n >= 0) ? (d as Distribution) : undefined;
}

/**
 * The store's aggregate when it gives a usable one, else one computed from `reviews`. A distribution
 * that does not add up to the count is dropped (a histogram must not contradict the figures).
 */
function aggregateOf(raw: unknown, reviews: Review[], complete: boolean, problems: string[]): Aggregate {
  const average = isObj(raw) ? numberIn(raw.average) : NaN;
  const total = isObj(raw) ? numberIn(raw.count) : NaN;
  if (Number.isInteger(total) && total >= 0 && ((average >= 1 && average <= 5) || (total === 0 && average === 0))) {
    let distribution = readDistribution((raw as Obj).distribution);
    if (distribution && summarize(distribution).count !== total) {
      problems.push(`aggregate.distribution adds up to ${summarize(distribution).count}, not to count ${total}`);
      distribution = undefined;
    }
    // Without a distribution, the reviews give it only when they are all of them.
    if (!distribution && complete && reviews.length === total) distribution = distributionOf(reviews);
    return { average, count: total, distribution, computed: false };
  }
  if (raw !== undefined) problems.push('aggregate needs an average from 1 to 5 and a whole count');
  const distribution = distributionOf(reviews);
  return { ...summarize(distribution), distribution, computed: true };
}

/** Reviews normalized between looks at the clock (a few hundred microseconds on a slow phone). */
const STEP = 50;

/**
 * Checks and normalizes the documented JSON shape (see docs/review-showcase.md, "The JSON"). `base` resolves relative URLs: the
 * page for inline data, the response URL for a `src`. Returns a string when there is nothing to show.
 * With `slices`, yields to the browser whenever a slice's time is spent (a promise is returned), so
 * that 10,000 reviews make no long task; without, it does all the work at once.
 */
export function normalizeData(value: unknown, base?: string): ReviewData | string;
export function normalizeData(value: unknown, base: string | undefined, slices: true): Promise<ReviewData | string>;
export function normalizeData(value: unknown, base = document.baseURI, slices = false): ReviewData | string | Promise<ReviewData | string> {
  if (!isObj(value)) return 'is not an object with product and reviews';
  const p = isObj(value.product) ? value.product : {};
  const product: Product = {
    id: cleanText(p.id, 200),
    name: cleanText(p.name, 300),
    url: dataUrl(p.url, base),
    schemaId: typeof p.schemaId === 'string' ? p.schemaId.trim() || undefined : undefined,
  };
  if (!product.id) return 'has no product.id';
  const problems: string[] = [];
  const reviews: Review[] = [];
  const ids = new Set<string>();
  const languages = new Set<string>();
  const list: unknown[] = Array.isArray(value.reviews) ? value.reviews : [];
  const take = (from: number, to: number) => {
    for (const item of list.slice(from, to)) {
      const review = normalizeReview(item, base);
      const why = typeof review === 'string' ? review : ids.has(review.id) ? `review ${review.id} repeats an id` : undefined;
      if (why) problems.push(why);
      else {
        const accepted = review as Review;
        ids.add(accepted.id);
        reviews.push(accepted);
        languages.add(accepted.primaryLanguage ?? '');
      }
    }
  };
  const finish = (): ReviewData => {
    const next = dataUrl(value.next, base);
    const total = numberIn(value.total);
    return {
      product,
      aggregate: aggregateOf(value.aggregate, reviews, !next, problems),
      reviews,
      next,
      total: Number.isInteger(total) && total >= 0 ? total : undefined,
      all: dataUrl(value.all, base),
      languages: [...languages],
      problems,
    };
  };
  if (!slices) {
    take(0, list.length);
    return finish();
  }
  return (async () => {
    const slice = new Slice();
    for (let from = 0; from < list.length; from += STEP) {
      if (slice.due) await slice.pause();
      take(from, from + STEP);
    }
    return finish();
  })();
}
