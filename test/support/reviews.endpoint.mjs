// A store's paged review endpoint, for the review showcase's `src` tests. It generates `count` reviews
// deterministically, filters and sorts them as the widget asks, and pages them through `next`.
//
//   GET /test-api/reviews?count=N&per=P         N reviews (default 45), P per page (default 10)
//       &page=K                                 page K, from 1
//       &sort=newest|highest|lowest|helpful|photos
//       &rating=4,5  &photos=1  &featured=1  &q=word
//       &lang=en                                reviews in that language (or none) first
//       &languages=uk,en                        gives the reviews these languages in turn (default: none)
//       &delay=MS                               answers after MS milliseconds
//       &fail=1                                 answers 500
//       &key=K                                  counts requests per key: GET /test-api/reviews/requests?key=K
//
// The answer is the documented shape: product, aggregate (over ALL reviews, whatever the filter),
// reviews (this page), total (how many match), next (the next page's URL, when there is one).
const requests = new Map();
const RATINGS = [5, 5, 4, 5, 3, 5, 4, 2, 5, 1];

function review(i, count, languages) {
  return {
    ...(languages.length ? { language: languages[i % languages.length] } : {}),
    id: `p${i + 1}`,
    rating: RATINGS[i % RATINGS.length],
    title: `Paged review ${i + 1}`,
    body: i % 6 === 0 ? `Mentions teapot ${i + 1}` : `Body ${i + 1}`,
    author: { name: `Reviewer ${i + 1}` },
    date: new Date(Date.UTC(2025, 0, 1) + (count - i) * 3_600_000).toISOString(),
    helpful: (i * 7) % 11,
    unhelpful: i % 3,
    media: i % 4 === 0 ? [{ url: '/demo/data/photos/leaves.svg', alt: `Leaves ${i + 1}` }] : [],
    featured: i % 9 === 0,
  };
}

function wilson(up, down, z = 1.96) {
  const n = up + down;
  if (!n) return 0;
  const p = up / n;
  return (p + (z * z) / (2 * n) - z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / (1 + (z * z) / n);
}

const newest = (a, b) => Date.parse(b.date) - Date.parse(a.date);
const SORTS = {
  newest,
  highest: (a, b) => b.rating - a.rating || newest(a, b),
  lowest: (a, b) => a.rating - b.rating || newest(a, b),
  helpful: (a, b) => wilson(b.helpful, b.unhelpful) - wilson(a.helpful, a.unhelpful) || newest(a, b),
  photos: (a, b) => (b.media.length > 0) - (a.media.length > 0) || newest(a, b),
};

export default async function reviews(ctx, next) {
  if (ctx.path === '/test-api/reviews/requests') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(requests.get(ctx.query.key) ?? []);
    return;
  }
  if (ctx.path !== '/test-api/reviews') return next();
  const q = ctx.query;
  if (q.key) {
    if (!requests.has(q.key)) requests.set(q.key, []);
    requests.get(q.key).push(ctx.querystring);
  }
  if (q.delay) await new Promise((resolve) => setTimeout(resolve, Number(q.delay)));
  if (q.fail) {
    ctx.status = 500;
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ message: 'failed on purpose' });
    return;
  }
  const count = Number(q.count ?? 45);
  const per = Number(q.per ?? 10);
  const page = Number(q.page ?? 1);
  const languages = q.languages ? String(q.languages).split(',') : [];
  const all = Array.from({ length: count }, (_, i) => review(i, count, languages));
  const distribution = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  for (const r of all) distribution[r.rating]++;
  const stars = q.rating ? String(q.rating).split(',').map(Number) : [];
  const word = String(q.q ?? '').toLowerCase();
  const matching = all
    .filter((r) => !stars.length || stars.includes(r.rating))
    .filter((r) => !q.photos || r.media.length)
    .filter((r) => !q.featured || r.featured)
    .filter((r) => !word || `${r.title} ${r.body}`.toLowerCase().includes(word))
    .sort(SORTS[q.sort] ?? newest)
    .sort((a, b) => (q.lang ? Number(!!a.language && a.language !== q.lang) - Number(!!b.language && b.language !== q.lang) : 0));
  const url = new URL(ctx.href);
  url.searchParams.set('page', String(page + 1));
  ctx.type = 'application/json';
  ctx.body = JSON.stringify({
    product: { id: 'paged-tea', name: 'Paged Tea' },
    aggregate: { average: all.reduce((s, r) => s + r.rating, 0) / (count || 1), count, distribution },
    reviews: matching.slice((page - 1) * per, page * per),
    total: matching.length,
    next: page * per < matching.length ? `${url.pathname}${url.search}` : undefined,
  });
}
