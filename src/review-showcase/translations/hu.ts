/** Hungarian texts of `<retain-review-showcase>`, loaded only on pages in Hungarian. */
import type { Terms } from '../../core/localize.js';
import { avg, counted, matches, num, type ReviewTerm } from '../review-showcase.terms.js';

const hu = counted({ other: 'értékelés' });

const terms: Terms<ReviewTerm> = {
  heading: 'Vásárlói értékelések',
  count: hu,
  rated: (a, l) => `Értékelés: ${avg(a, l)} / 5`,
  based: (a, l) => `${avg(a, l)} (${hu(a, l)} alapján)`,
  star: (a, l) => `${a.s} csillag: ${hu(a, l)}`,
  byStars: 'Szűrés értékelés szerint',
  sortBy: 'Rendezés',
  newest: 'Legújabb elöl',
  highest: 'Legjobb értékelés elöl',
  lowest: 'Leggyengébb értékelés elöl',
  helpful: 'Leghasznosabb',
  photos: 'Fotósak elöl',
  withPhotos: 'Fotóval',
  languageFirst: 'Előbb a magyar nyelvű értékelések',
  search: 'Keresés az értékelésekben',
  showing: (a, l) => `Megjelenítve: ${a.what}${matches(a, l)}`,
  featured: 'kiemelt',
  quote: (a) => `„${a.q}”`,
  seeAll: 'Összes értékelés',
  more: 'Továbbiak',
  shown: (a, l) => `${num(a, 'n', l)} / ${num(a, 'total', l)} látható`,
  verified: 'Igazolt vásárló',
  reply: 'A bolt válasza',
  vote: 'Hasznos',
  isNew: 'Új',
  photo: (a) => `${a.i}. fotó / ${a.n}`,
  photoBy: (a) => (a.name ? `${a.name} ${a.i}. fotója` : `${a.i}. fotó`),
  close: 'Bezárás',
  prev: 'Előző',
  next: 'Következő',
  readMore: 'Tovább olvasom',
  loading: 'Értékelések betöltése…',
  error: 'Az értékelések nem tölthetők be.',
  retry: 'Újra',
  empty: 'Még nincs értékelés.',
  noMatch: 'Nincs a szűrésnek megfelelő értékelés.',
  carousel: 'körhinta',
};

export default terms;
