import { expect } from '@open-wc/testing';
import { normalizeReview, type Review } from '../../src/review-showcase/review-data.js';
import {
  ALL,
  filterReviews,
  isSelection,
  languageFirst,
  selectReviews,
  sortReviews,
  starsOf,
  wilson,
} from '../../src/review-showcase/review-query.js';
import { fold, searchReviews } from '../../src/review-showcase/review-search.js';

function review(id: string, fields: Record<string, unknown>): Review {
  const r = normalizeReview({ id, rating: 5, date: '2025-01-01', ...fields }, location.href);
  if (typeof r === 'string') throw new Error(r);
  return r;
}

const day = (d: number) => `2025-01-${String(d).padStart(2, '0')}`;
const ids = (reviews: readonly Review[]) => reviews.map((r) => r.id);

const reviews = [
  review('a', { rating: 3, date: day(1), helpful: 1, unhelpful: 0, title: 'Jó bögre', body: 'Nagyon tetszik' }),
  review('b', { rating: 5, date: day(5), helpful: 40, unhelpful: 5, media: ['/1.svg'] }),
  review('c', { rating: 1, date: day(3), helpful: 2, unhelpful: 8, body: 'Треснула через неделю' }),
  review('d', { rating: 5, date: day(2), helpful: 0, featured: true }),
  review('e', { rating: 4, date: undefined, helpful: 5, unhelpful: 0, media: ['/2.svg'], author: 'Olena' }),
  review('f', { rating: 4, date: day(4), helpful: 0, featured: true, body: 'ÉLMÉNY' }),
];

describe('review query: Wilson lower bound', () => {
  it('is 0 without votes and within [0, 1]', () => {
    expect(wilson(0, 0)).to.equal(0);
    for (const [up, down] of [
      [1, 0],
      [0, 1],
      [100, 0],
      [5, 5],
    ]) {
      expect(wilson(up, down)).to.be.within(0, 1);
    }
  });

  it('does not over-rank a review with few votes', () => {
    // 1 of 1 helpful is 100 %, but says little; 40 of 45 says a lot.
    expect(wilson(1, 0)).to.be.lessThan(wilson(40, 5));
    expect(wilson(3, 0)).to.be.lessThan(wilson(30, 2));
    // More evidence of the same share ranks higher.
    expect(wilson(10, 0)).to.be.greaterThan(wilson(2, 0));
    // Known value: 1 of 1 at 95 % → 0.2065.
    expect(wilson(1, 0)).to.be.closeTo(0.2065, 0.0005);
  });
});

describe('review query: sort', () => {
  it('newest first, undated last', () => {
    expect(ids(sortReviews(reviews, 'newest'))).to.deep.equal(['b', 'f', 'c', 'd', 'a', 'e']);
  });

  it('highest rating first, newest first among equals', () => {
    expect(ids(sortReviews(reviews, 'highest'))).to.deep.equal(['b', 'd', 'f', 'e', 'a', 'c']);
  });

  it('lowest rating first, newest first among equals', () => {
    expect(ids(sortReviews(reviews, 'lowest'))).to.deep.equal(['c', 'a', 'f', 'e', 'b', 'd']);
  });

  it('most helpful by Wilson bound, not by raw share', () => {
    // b: 40/45, e: 5/5, a: 1/1 (100 % but one vote), c: 2/10; no votes last (newest first).
    expect(ids(sortReviews(reviews, 'helpful'))).to.deep.equal(['b', 'e', 'a', 'c', 'f', 'd']);
  });

  it('with photos first, then newest', () => {
    expect(ids(sortReviews(reviews, 'photos'))).to.deep.equal(['b', 'e', 'f', 'c', 'd', 'a']);
  });

  it('does not change the given array', () => {
    const before = ids(reviews);
    sortReviews(reviews, 'lowest');
    expect(ids(reviews)).to.deep.equal(before);
  });
});

describe('review query: filter', () => {
  it('by stars', () => {
    expect(ids(filterReviews(reviews, { ...ALL, stars: [5] }))).to.deep.equal(['b', 'd']);
    expect(ids(filterReviews(reviews, { ...ALL, stars: [4, 5] }))).to.deep.equal(['b', 'd', 'e', 'f']);
  });

  it('with photos', () => {
    expect(ids(filterReviews(reviews, { ...ALL, photos: true }))).to.deep.equal(['b', 'e']);
  });

  it('featured', () => {
    expect(ids(filterReviews(reviews, { ...ALL, featured: true }))).to.deep.equal(['d', 'f']);
  });

  it('by keyword in title, body and author, ignoring case and accents', () => {
    expect(ids(searchReviews(reviews, 'jo bogre'))).to.deep.equal(['a']);
    expect(ids(searchReviews(reviews, 'élmény'))).to.deep.equal(['f']);
    expect(ids(searchReviews(reviews, 'треснула'))).to.deep.equal(['c']);
    expect(ids(searchReviews(reviews, 'olena'))).to.deep.equal(['e']);
    expect(ids(searchReviews(reviews, '  '))).to.have.length(6);
    expect(fold('ÁRVÍZTŰRŐ')).to.equal('arvizturo');
  });

  it('combines filters (and) and then sorts', () => {
    expect(ids(selectReviews(reviews, { ...ALL, stars: [4, 5], photos: true, sort: 'lowest' }))).to.deep.equal(['e', 'b']);
    expect(ids(selectReviews(reviews, { ...ALL, stars: [4, 5], featured: true, sort: 'highest' }))).to.deep.equal(['d', 'f']);
  });
});

describe('review query: selection', () => {
  it('all reviews is no selection; any filter is one', () => {
    expect(isSelection(ALL)).to.equal(false);
    expect(isSelection({ ...ALL, sort: 'lowest' })).to.equal(false);
    expect(isSelection({ ...ALL, stars: [1, 2, 3, 4, 5] })).to.equal(false);
    expect(isSelection({ ...ALL, keyword: ' ' })).to.equal(false);
    expect(isSelection({ ...ALL, stars: [4, 5] })).to.equal(true);
    expect(isSelection({ ...ALL, photos: true })).to.equal(true);
    expect(isSelection({ ...ALL, featured: true })).to.equal(true);
    expect(isSelection({ ...ALL, keyword: 'x' })).to.equal(true);
  });

  it('stars are sorted, unique and within 1–5', () => {
    expect(starsOf({ ...ALL, stars: [5, 4, 4, 9, 0] })).to.deep.equal([4, 5]);
  });
});

describe('review query: the shopper’s language first', () => {
  const mixed = [
    review('uk1', { language: 'uk-UA' }),
    review('en1', { language: 'en' }),
    review('none', {}),
    review('hu1', { language: 'HU' }),
    review('en2', { language: 'en-GB' }),
    review('bad', { language: '12' }),
  ];

  it('puts reviews in the language (any region, any case) or with none first, each group in its order', () => {
    expect(ids(languageFirst(mixed, 'en'))).to.deep.equal(['en1', 'none', 'en2', 'bad', 'uk1', 'hu1']);
    expect(ids(languageFirst(mixed, 'hu'))).to.deep.equal(['none', 'hu1', 'bad', 'uk1', 'en1', 'en2']);
  });

  it('changes nothing when off, and is not a selection', () => {
    expect(languageFirst(mixed, '')).to.equal(mixed);
    expect(isSelection({ ...ALL, language: 'en' })).to.equal(false);
  });

  it('applies after the sort and the filters', () => {
    const dated = mixed.map((r, i) => review(r.id, { language: r.primaryLanguage, date: day(10 - i), rating: i % 2 ? 5 : 4 }));
    expect(ids(selectReviews(dated, { ...ALL, sort: 'newest', language: 'uk' }))).to.deep.equal([
      'uk1',
      'none',
      'bad',
      'en1',
      'hu1',
      'en2',
    ]);
    expect(ids(selectReviews(dated, { ...ALL, stars: [5], language: 'en' }))).to.deep.equal(['en1', 'bad', 'hu1']);
  });
});
