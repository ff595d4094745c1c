/**
 * schema.org JSON-LD for search engines: the Product with its aggregateRating (over all reviews) and
 * the reviews that are visible on the page (and only those), with the properties Google requires for
 * review snippets: Review → author (Person with name), reviewRating (Rating with ratingValue), the item
 * reviewed implied by nesting; AggregateRating → ratingValue and ratingCount/reviewCount; Product → name.
 *
 * Merging: the page usually has its own Product JSON-LD (price, offers, images) in a light-DOM
 * `<script type="application/ld+json">`. When one of them holds a node whose `@id` equals ours (at the
 * top, in a top-level array or in `@graph`), the ratings are written INTO that node, in place, so the page
 * keeps one Product and search engines need not merge two. Otherwise the widget adds one script of its
 * own to `<head>` with a complete Product node. Withdrawing restores the store's text exactly.
 */
import { setScriptJson } from '../core/trusted-json.js';
import type { ReviewData, ShownReview } from './review-data.js';
import { roundAverage } from './review-query.js';

type Node = Record<string, unknown>;

/** The day the card shows (the shopper's), as YYYY-MM-DD: a review dated by its day alone keeps that day in every zone. */
const day = (ms: number | undefined) =>
  ms === undefined ? undefined : new Date(ms - new Date(ms).getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

function reviewNode(r: ShownReview): Node {
  return {
    '@type': 'Review',
    author: { '@type': 'Person', name: r.author },
    reviewRating: { '@type': 'Rating', ratingValue: r.rating, bestRating: 5, worstRating: 1 },
    datePublished: day(r.date),
    name: r.title || undefined,
    reviewBody: r.body || undefined,
    inLanguage: r.language,
  };
}

/**
 * The Product node: `@id`, name, aggregateRating over all reviews, and `visible` as reviews. A review
 * without an author name is left out (Google requires the author).
 */
export function productNode(data: ReviewData, visible: readonly ShownReview[], id: string): Node {
  const { aggregate, product } = data;
  const node: Node = { '@type': 'Product', '@id': id, name: product.name || undefined, url: product.url };
  if (aggregate.count > 0) {
    node.aggregateRating = {
      '@type': 'AggregateRating',
      ratingValue: roundAverage(aggregate.average),
      ratingCount: aggregate.count,
      reviewCount: aggregate.count,
      bestRating: 5,
      worstRating: 1,
    };
  }
  const reviews = visible.filter((r) => r.author).map(reviewNode);
  if (reviews.length) node.review = reviews;
  return node;
}

/** JSON for a script element: `<` escaped, so that no text in it can close the element if the page is serialized. */
export function serialize(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const OWN = 'data-retain-review-showcase';

function findById(json: unknown, id: string): Node | undefined {
  const nodes: unknown[] = Array.isArray(json) ? json : [json];
  for (const node of nodes) {
    if (!node || typeof node !== 'object') continue;
    if ((node as Node)['@id'] === id) return node as Node;
    const inGraph = (node as Node)['@graph'];
    if (Array.isArray(inGraph)) {
      const found = findById(inGraph, id);
      if (found) return found;
    }
  }
  return undefined;
}

/** Publishes one Product's ratings into the document, and withdraws them. */
export class JsonLdPublisher {
  private script?: HTMLScriptElement;
  /** The store's own text, restored on withdraw; undefined for the widget's own script. */
  private original?: string;
  /** The page refused the text (Trusted Types without the kit's policy): nothing more is tried. */
  private refused = false;

  /** `who` names the widget in the one warning of a page whose Trusted Types refuse the text. */
  constructor(
    private readonly doc: Document = document,
    private readonly who = '<retain-review-showcase>',
  ) {}

  publish(node: Node): void {
    if (this.refused) return;
    const id = node['@id'] as string;
    if (!this.script?.isConnected) this.attach(id);
    const script = this.script!;
    if (this.original === undefined) {
      // Refused (a page's Trusted Types without the kit's policy): no JSON-LD, the widget goes on.
      if (!setScriptJson(script, serialize({ '@context': 'https://schema.org', ...node }), this.who)) this.refuse();
      return;
    }
    let json: unknown;
    try {
      json = JSON.parse(this.original);
    } catch {
      return;
    }
    const target = findById(json, id);
    if (!target) return;
    delete target.aggregateRating;
    delete target.review;
    // The store's name, url and the rest stay as the store wrote them.
    for (const key of ['aggregateRating', 'review'] as const) if (node[key]) target[key] = node[key];
    if (!setScriptJson(script, serialize(json), this.who)) this.refuse();
  }

  private refuse(): void {
    this.withdraw();
    this.refused = true;
  }

  private attach(id: string): void {
    for (const script of this.doc.querySelectorAll<HTMLScriptElement>('script[type="application/ld+json"]')) {
      if (script.hasAttribute(OWN)) continue;
      try {
        if (findById(JSON.parse(script.textContent ?? ''), id)) {
          this.script = script;
          this.original = script.textContent ?? '';
          return;
        }
      } catch {
        // Not our business: a broken script of the store's stays as it is.
      }
    }
    this.script = this.doc.createElement('script');
    this.script.type = 'application/ld+json';
    this.script.setAttribute(OWN, '');
    this.original = undefined;
    this.doc.head.append(this.script);
  }

  withdraw(): void {
    if (this.original !== undefined) {
      if (this.script && this.script.textContent !== this.original) setScriptJson(this.script, this.original, this.who);
    } else this.script?.remove();
    this.script = this.original = undefined;
  }
}
