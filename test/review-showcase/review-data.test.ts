import { expect } from '@open-wc/testing';
import {
  cleanText,
  dataUrl,
  distributionOf,
  normalizeData,
  normalizeReview,
  parseDate,
  ready,
  summarize,
  type ReviewData,
  type ShownReview,
} from '../../src/review-showcase/review-data.js';

const base = 'https://shop.example/products/mug';

function data(value: unknown): ReviewData {
  const result = normalizeData(value, base);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

function review(value: Record<string, unknown>): ShownReview {
  const result = normalizeReview({ id: 'r1', rating: 5, ...value }, base);
  if (typeof result === 'string') throw new Error(result);
  return ready(result);
}

const ratings = (...stars: number[]) => stars.map((rating, i) => ({ id: `r${i}`, rating }));

describe('review data: aggregate and distribution', () => {
  it('computes count, average and distribution from the reviews when the store gives none', () => {
    const d = data({ product: { id: 'p', name: 'Mug' }, reviews: ratings(5, 5, 4, 3, 1, 5, 4) });
    expect(d.aggregate).to.deep.equal({ count: 7, average: 27 / 7, distribution: [1, 0, 1, 2, 3], computed: true });
  });

  it('takes the store aggregate as the truth over all reviews, even with only a few reviews at hand', () => {
    const d = data({
      product: { id: 'p', name: 'Mug' },
      aggregate: { average: 4.6, count: 187, distribution: { 5: 140, 4: 30, 3: 10, 2: 4, 1: 3 } },
      reviews: ratings(1, 1),
    });
    expect(d.aggregate).to.deep.equal({ average: 4.6, count: 187, distribution: [3, 4, 10, 30, 140], computed: false });
    expect(d.problems).to.deep.equal([]);
  });

  it('accepts a distribution as an array from 1★ to 5★', () => {
    const d = data({ product: { id: 'p' }, aggregate: { average: 3, count: 5, distribution: [1, 1, 1, 1, 1] }, reviews: [] });
    expect(d.aggregate.distribution).to.deep.equal([1, 1, 1, 1, 1]);
  });

  it('drops a distribution that does not add up to the count, and says why', () => {
    const d = data({ product: { id: 'p' }, aggregate: { average: 4.5, count: 10, distribution: [0, 0, 0, 2, 9] }, reviews: [] });
    expect(d.aggregate.distribution).to.equal(undefined);
    expect(d.aggregate.count).to.equal(10);
    expect(d.problems[0]).to.match(/adds up to 11, not to count 10/);
  });

  it('derives the distribution from the reviews only when they are all of them', () => {
    const all = data({ product: { id: 'p' }, aggregate: { average: 4.5, count: 2 }, reviews: ratings(4, 5) });
    expect(all.aggregate.distribution).to.deep.equal([0, 0, 0, 1, 1]);
    const some = data({ product: { id: 'p' }, aggregate: { average: 4.5, count: 3 }, reviews: ratings(4, 5) });
    expect(some.aggregate.distribution).to.equal(undefined);
    const paged = data({ product: { id: 'p' }, aggregate: { average: 4.5, count: 2 }, reviews: ratings(4, 5), next: '/page/2' });
    expect(paged.aggregate.distribution).to.equal(undefined);
  });

  it('rejects an impossible store aggregate and computes one instead, with a problem', () => {
    const d = data({ product: { id: 'p' }, aggregate: { average: 7, count: 3 }, reviews: ratings(2, 4) });
    expect(d.aggregate).to.include({ computed: true, count: 2, average: 3 });
    expect(d.problems[0]).to.match(/aggregate needs/);
  });

  it('an aggregate of nulls or empty texts is none: the figures come from the reviews, with a problem', () => {
    // `Number` makes 0 of null and "": the list said "0 reviews" over its cards, and the JSON-LD lost its rating.
    for (const aggregate of [
      { average: null, count: null },
      { average: '', count: '' },
      { average: 4.6, count: '' },
    ]) {
      const d = data({ product: { id: 'p' }, aggregate, reviews: ratings(2, 4), total: null });
      expect(d.aggregate, JSON.stringify(aggregate)).to.include({ computed: true, count: 2, average: 3 });
      expect(d.problems[0]).to.match(/aggregate needs/);
      expect(d.total).to.equal(undefined);
    }
    expect(data({ product: { id: 'p' }, aggregate: { average: '4.5', count: '2' }, reviews: ratings(4, 5) }).aggregate).to.include({
      computed: false,
      count: 2,
      average: 4.5,
    });
  });

  it('an empty product has count 0 and average 0', () => {
    expect(data({ product: { id: 'p' }, reviews: [] }).aggregate).to.deep.equal({
      count: 0,
      average: 0,
      distribution: [0, 0, 0, 0, 0],
      computed: true,
    });
    expect(summarize([0, 0, 0, 0, 0])).to.deep.equal({ count: 0, average: 0 });
  });

  it('distribution and summary agree', () => {
    const reviews = [5, 5, 5, 4, 2].map((rating, i) => review({ id: `x${i}`, rating }));
    const d = distributionOf(reviews);
    expect(d).to.deep.equal([0, 1, 0, 1, 3]);
    expect(summarize(d)).to.deep.equal({ count: 5, average: 21 / 5 });
  });
});

describe('review data: reviews', () => {
  it('maps every documented field', () => {
    const r = review({
      id: 'a-1',
      rating: 4,
      title: 'Good mug',
      body: 'Line one\r\nLine two',
      author: { name: 'Anna K.', location: 'Debrecen' },
      date: '2025-03-14T10:20:00Z',
      verified: true,
      media: [{ url: '/p/1.jpg', alt: 'Mug on a desk', width: 800, height: 600, thumb: '/p/1-s.jpg' }],
      helpful: 12,
      unhelpful: 3,
      reply: { body: 'Thank you!', author: 'Mug Store', date: '2025-03-15' },
      language: 'hu-hu',
      featured: true,
    });
    expect(r).to.deep.include({
      id: 'a-1',
      rating: 4,
      title: 'Good mug',
      body: 'Line one\nLine two',
      author: 'Anna K.',
      location: 'Debrecen',
      date: Date.UTC(2025, 2, 14, 10, 20),
      verified: true,
      helpful: 12,
      unhelpful: 3,
      language: 'hu-HU',
      featured: true,
    });
    expect(r.media).to.deep.equal([
      { url: 'https://shop.example/p/1.jpg', alt: 'Mug on a desk', width: 800, height: 600, thumb: 'https://shop.example/p/1-s.jpg' },
    ]);
    // A day alone is that day where the shopper is (midnight there), not midnight UTC.
    expect(r.reply).to.deep.equal({ body: 'Thank you!', author: 'Mug Store', date: new Date(2025, 2, 15).getTime() });
    expect(r.score).to.be.greaterThan(0.5).and.lessThan(0.8);
  });

  it('accepts an author as a plain string and a reply as plain text', () => {
    const r = review({ author: 'Bob', location: 'Kyiv', reply: 'Thanks' });
    expect(r).to.include({ author: 'Bob', location: 'Kyiv' });
    expect(r.reply).to.deep.equal({ body: 'Thanks', author: '', date: undefined });
  });

  it('skips reviews without an id, without a 1–5 rating, or repeating an id; keeps the rest and counts the problems', () => {
    const d = data({
      product: { id: 'p' },
      reviews: [
        { id: 'a', rating: 5 },
        { rating: 5 },
        { id: 'b', rating: 0 },
        { id: 'c', rating: '6' },
        { id: 'd', rating: 'x' },
        { id: 'a', rating: 4 },
        'nope',
        { id: 'e', rating: 3.6 },
      ],
    });
    expect(d.reviews.map((r) => [r.id, r.rating])).to.deep.equal([
      ['a', 5],
      ['e', 4],
    ]);
    expect(d.problems).to.have.length(6);
  });

  it('requires an object with a product id', () => {
    expect(normalizeData(null, base)).to.be.a('string');
    expect(normalizeData([], base)).to.be.a('string');
    expect(normalizeData({ reviews: [] }, base)).to.match(/product\.id/);
  });

  it('keeps a missing or invalid date as undefined', () => {
    expect(review({ date: 'yesterday' }).date).to.equal(undefined);
    expect(parseDate(0)).to.equal(0);
    expect(parseDate('2025-01-02')).to.equal(new Date(2025, 0, 2).getTime());
    expect(parseDate({})).to.equal(undefined);
    expect(parseDate(NaN)).to.equal(undefined);
    // Past what a Date holds: a card's <time datetime> would throw (toISOString), and the showcase with it.
    expect(parseDate(1e20)).to.equal(undefined);
    expect(parseDate(-8.64e15)).to.equal(undefined);
    expect(review({ date: 1e20 }).date).to.equal(undefined);
    expect(parseDate('2025-03-15 12:30')).to.equal(new Date(2025, 2, 15, 12, 30).getTime());
  });

  it("reads the dates review exports write alike in every engine (WebKit's Date.parse refuses Ruby's `Time#to_s`)", () => {
    const instant = Date.UTC(2025, 2, 15, 12, 30, 45);
    // Ruby's `Time#to_s` (and exports written with it): a space before the time, the zone's name or offset after it.
    expect(parseDate('2025-03-15 12:30:45 UTC')).to.equal(instant);
    expect(parseDate(' 2025-03-15 12:30:45 +0000 ')).to.equal(instant);
    expect(parseDate('2025-03-15 14:30:45 +02:00')).to.equal(instant);
    expect(parseDate('2025-03-15 07:30:45.000-0500')).to.equal(instant);
    expect(parseDate('2025-03-15T12:30:45.123456Z')).to.equal(instant + 123);
    expect(parseDate('2025-03-15T12:30:45z')).to.equal(instant);
    // Without an offset, the time is the shopper's, as ISO 8601 has it.
    expect(parseDate('2025-03-15 12:30:45')).to.equal(new Date(2025, 2, 15, 12, 30, 45).getTime());
    expect(review({ date: '2025-03-15 12:30:45 UTC', reply: { body: 'Thanks', date: '2025-03-16 09:00:00 UTC' } })).to.deep.include({
      date: instant,
      reply: { body: 'Thanks', author: '', date: Date.UTC(2025, 2, 16, 9) },
    });
  });

  it('drops an invalid language tag', () => {
    expect(review({ language: 'not a tag!' }).language).to.equal(undefined);
    expect(review({ language: 'UK' }).language).to.equal('uk');
  });
});

describe('review data: untrusted text and URLs', () => {
  it('keeps only https: or relative URLs for media and links', () => {
    expect(dataUrl('javascript:alert(1)', base)).to.equal(undefined);
    expect(dataUrl('JaVaScRiPt:alert(1)', base)).to.equal(undefined);
    expect(dataUrl(' javascript:alert(1)', base)).to.equal(undefined);
    expect(dataUrl('data:image/svg+xml,<svg onload=alert(1)>', base)).to.equal(undefined);
    expect(dataUrl('vbscript:x', base)).to.equal(undefined);
    expect(dataUrl('http://evil.example/x.jpg', base)).to.equal(undefined);
    expect(dataUrl('//cdn.example/x.jpg', base)).to.equal('https://cdn.example/x.jpg');
    expect(dataUrl('photos/1.svg', base)).to.equal('https://shop.example/products/photos/1.svg');
    const r = review({
      media: ['javascript:alert(1)', { url: 'data:image/png;base64,AAAA' }, { url: 'https://cdn.example/a.jpg', alt: 'ok' }, 42],
    });
    expect(r.media.map((m) => m.url)).to.deep.equal(['https://cdn.example/a.jpg']);
    const d = data({ product: { id: 'p', url: 'javascript:alert(1)' }, reviews: [], next: 'javascript:x', all: 'data:text/html,x' });
    expect([d.product.url, d.next, d.all]).to.deep.equal([undefined, undefined, undefined]);
  });

  it('removes bidi overrides, embeddings and isolates, and control characters', () => {
    expect(cleanText('abc\u202Eevil\u202C\u2066x\u2069\u0000\u0007', 100)).to.equal('abcevilx');
    // Plain right-to-left text is kept as it is.
    expect(cleanText('שלום עולם', 100)).to.equal('שלום עולם');
  });

  it('caps runs of combining marks at four, keeping ordinary accents', () => {
    const zalgo = `Z${'\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308'.repeat(10)}a`;
    expect(cleanText(zalgo, 100)).to.equal('Z\u0301\u0302\u0303\u0304a');
    expect(cleanText('Tiếng Việt', 100)).to.equal('Tiếng Việt');
  });

  it('bounds lengths without splitting an emoji', () => {
    expect(cleanText('x'.repeat(50), 10)).to.equal(`${'x'.repeat(10)}…`);
    expect(cleanText(`${'x'.repeat(9)}😀😀`, 10)).to.equal(`${'x'.repeat(9)}…`);
    expect(review({ body: 'y'.repeat(30_000) }).body).to.have.length(20_001);
    expect(review({ author: { name: 'n'.repeat(500) } }).author).to.have.length(101);
  });

  it('keeps paragraphs in bodies and collapses whitespace in names', () => {
    expect(cleanText('a  \n\n\n\n b', 100, true)).to.equal('a\n\n b');
    expect(cleanText('Anna \n  K.', 100)).to.equal('Anna K.');
  });

  it('keeps markup as plain text (it is rendered as text, never parsed)', () => {
    expect(review({ title: '<img src=x onerror=alert(1)>' }).title).to.equal('<img src=x onerror=alert(1)>');
  });
});
