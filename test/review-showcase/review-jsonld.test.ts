import { aTimeout, expect, fixture, html } from '@open-wc/testing';
import '../../src/review-showcase/review-showcase.js';
import type { RetainReviewShowcase } from '../../src/review-showcase/review-showcase.js';
import { normalizeData, ready, type ReviewData } from '../../src/review-showcase/review-data.js';
import { JsonLdPublisher, productNode, serialize } from '../../src/review-showcase/review-jsonld.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';

/** Opening a fresh database can take seconds on a loaded CI machine; that is not the failure under test. */
const SLOW_MACHINE_MS = 15_000;

const ID = 'https://shop.example/teas/jasmine#product';
const shown = (data: ReviewData) => data.reviews.map(ready);
type Node = Record<string, any>;

function makeData(n: number, extra: Record<string, unknown> = {}): ReviewData {
  const data = normalizeData({
    product: { id: 'jasmine', name: 'Jasmine Silver Needle', url: '/teas/jasmine' },
    aggregate: { average: 4.56, count: 187, distribution: [3, 4, 10, 30, 140] },
    reviews: Array.from({ length: n }, (_, i) => ({
      id: `r${i + 1}`,
      rating: i % 2 ? 4 : 5,
      title: `Title ${i + 1}`,
      body: `Body ${i + 1}`,
      author: { name: `Author ${i + 1}` },
      // Noon where the test runs: datePublished is the day the card shows, the shopper's (UTC's noon is the next day
      // in UTC+12 to +14).
      date: new Date(2025, 5, 30 - i, 12).toISOString(),
      language: 'en',
    })),
    ...extra,
  });
  if (typeof data === 'string') throw new Error(data);
  return data;
}

/** Every JSON-LD node in the document with the given @id (top level, in arrays or in @graph). */
function nodesWithId(id: string): Node[] {
  const found: Node[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      if ((value as Node)['@id'] === id) found.push(value as Node);
      if (Array.isArray((value as Node)['@graph'])) visit((value as Node)['@graph']);
    }
  };
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) visit(JSON.parse(script.textContent!));
  return found;
}

function storeScript(json: unknown): HTMLScriptElement {
  const script = document.createElement('script');
  script.type = 'application/ld+json';
  script.textContent = JSON.stringify(json, null, 2);
  document.head.append(script);
  return script;
}

describe('review JSON-LD', () => {
  describe('productNode', () => {
    it("has Google's required Product, AggregateRating and Review properties", () => {
      const data = makeData(3);
      const node = productNode(data, shown(data), ID);
      expect(node).to.deep.include({
        '@type': 'Product',
        '@id': ID,
        name: 'Jasmine Silver Needle',
        url: `${location.origin}/teas/jasmine`,
      });
      expect(node.aggregateRating).to.deep.equal({
        '@type': 'AggregateRating',
        ratingValue: 4.6,
        ratingCount: 187,
        reviewCount: 187,
        bestRating: 5,
        worstRating: 1,
      });
      const reviews = node.review as Node[];
      expect(reviews).to.have.length(3);
      expect(reviews[0]).to.deep.equal({
        '@type': 'Review',
        author: { '@type': 'Person', name: 'Author 1' },
        reviewRating: { '@type': 'Rating', ratingValue: 5, bestRating: 5, worstRating: 1 },
        datePublished: '2025-06-30',
        name: 'Title 1',
        reviewBody: 'Body 1',
        inLanguage: 'en',
      });
      // The item reviewed is implied by nesting in the Product.
      for (const review of reviews) {
        expect(review.author.name).to.be.a('string').and.not.equal('');
        expect(review.reviewRating.ratingValue).to.be.within(1, 5);
      }
    });

    it('marks up only the reviews given as visible, and the aggregate over all', () => {
      const data = makeData(10);
      const node = productNode(data, shown(data).slice(0, 2), ID);
      expect((node.review as Node[]).map((r) => r.name)).to.deep.equal(['Title 1', 'Title 2']);
      expect((node.aggregateRating as Node).ratingCount).to.equal(187);
      expect(productNode(data, [], ID)).not.to.have.property('review');
    });

    it('leaves out reviews without an author name, and the aggregate when there are no reviews', () => {
      const data = normalizeData({ product: { id: 'p', name: 'P' }, reviews: [{ id: 'a', rating: 5 }] }) as ReviewData;
      expect(productNode(data, shown(data), ID)).not.to.have.property('review');
      const none = normalizeData({ product: { id: 'p', name: 'P' }, reviews: [] }) as ReviewData;
      expect(productNode(none, [], ID)).not.to.have.property('aggregateRating');
    });

    it('serializes so that no text can close the script element', () => {
      expect(serialize({ body: '</script><script>alert(1)</script>' })).to.equal(
        '{"body":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>"}',
      );
      expect(JSON.parse(serialize({ body: '</script>' })).body).to.equal('</script>');
    });
  });

  describe('publishing into the document', () => {
    const scripts: HTMLScriptElement[] = [];
    afterEach(() => scripts.splice(0).forEach((s) => s.remove()));

    it("merges into the store's Product with the same @id, in place, and restores it on withdraw", () => {
      const store = {
        '@context': 'https://schema.org',
        '@type': 'Product',
        '@id': ID,
        name: 'Store name',
        offers: { '@type': 'Offer', price: '18.50', priceCurrency: 'EUR' },
      };
      const script = storeScript(store);
      scripts.push(script);
      const original = script.textContent;
      const count = document.querySelectorAll('script[type="application/ld+json"]').length;
      const data = makeData(3);
      const publisher = new JsonLdPublisher();
      publisher.publish(productNode(data, shown(data), ID));
      expect(document.querySelectorAll('script[type="application/ld+json"]').length).to.equal(count);
      const nodes = nodesWithId(ID);
      expect(nodes).to.have.length(1);
      expect(nodes[0]).to.deep.include({ '@type': 'Product', name: 'Store name', offers: store.offers });
      expect(nodes[0].aggregateRating.ratingValue).to.equal(4.6);
      expect(nodes[0].review).to.have.length(3);
      publisher.publish(productNode(data, shown(data).slice(0, 1), ID));
      expect(nodesWithId(ID)[0].review).to.have.length(1);
      publisher.withdraw();
      expect(script.textContent).to.equal(original);
    });

    it('finds the Product inside @graph and leaves the other nodes alone', () => {
      const graph = {
        '@context': 'https://schema.org',
        '@graph': [
          { '@type': 'Organization', '@id': 'https://shop.example/#org', name: 'Shop' },
          {
            '@type': 'Product',
            '@id': ID,
            name: 'Store name',
            aggregateRating: { '@type': 'AggregateRating', ratingValue: 1, ratingCount: 1 },
          },
        ],
      };
      scripts.push(storeScript(graph));
      const data = makeData(2);
      const publisher = new JsonLdPublisher();
      publisher.publish(productNode(data, shown(data), ID));
      expect(nodesWithId('https://shop.example/#org')).to.deep.equal([graph['@graph'][0]]);
      // A stale rating of the store's is replaced by the one over all reviews.
      expect(nodesWithId(ID)[0].aggregateRating.ratingCount).to.equal(187);
      publisher.withdraw();
      expect(nodesWithId(ID)[0].aggregateRating.ratingCount).to.equal(1);
    });

    it('adds its own complete Product when the page has none with that @id, and removes it on withdraw', () => {
      scripts.push(
        storeScript({ '@context': 'https://schema.org', '@type': 'Product', '@id': 'https://shop.example/other#product', name: 'Other' }),
      );
      const count = document.querySelectorAll('script[type="application/ld+json"]').length;
      const data = makeData(1);
      const publisher = new JsonLdPublisher();
      publisher.publish(productNode(data, shown(data), ID));
      expect(document.querySelectorAll('script[type="application/ld+json"]').length).to.equal(count + 1);
      const own = document.head.querySelector<HTMLScriptElement>('script[data-retain-review-showcase]')!;
      expect(JSON.parse(own.textContent!)).to.deep.include({
        '@context': 'https://schema.org',
        '@type': 'Product',
        '@id': ID,
        name: 'Jasmine Silver Needle',
      });
      expect(nodesWithId('https://shop.example/other#product')[0]).not.to.have.property('review');
      publisher.withdraw();
      expect(own.isConnected).to.equal(false);
      expect(document.querySelectorAll('script[type="application/ld+json"]').length).to.equal(count);
    });

    it('leaves a broken script of the store alone', () => {
      const broken = document.createElement('script');
      broken.type = 'application/ld+json';
      broken.textContent = '{ not json';
      document.head.append(broken);
      scripts.push(broken);
      const publisher = new JsonLdPublisher();
      const data = makeData(1);
      publisher.publish(productNode(data, shown(data), ID));
      expect(broken.textContent).to.equal('{ not json');
      publisher.withdraw();
    });
  });

  describe('the element', () => {
    let consoleWatch: ConsoleWatch;
    const scripts: HTMLScriptElement[] = [];
    beforeEach(() => {
      freshDatabase({ openTimeoutMs: SLOW_MACHINE_MS });
      consoleWatch = watchConsole();
    });
    afterEach(async () => {
      scripts.splice(0).forEach((s) => s.remove());
      consoleWatch.stop();
      await deleteDatabases();
    });

    const raw = (n: number) => ({
      product: { id: 'jasmine', name: 'Jasmine', schemaId: ID },
      reviews: Array.from({ length: n }, (_, i) => ({
        id: `r${i + 1}`,
        rating: i % 3 ? 5 : 3,
        author: `A${i + 1}`,
        date: new Date(Date.UTC(2025, 0, 30 - i)).toISOString(),
      })),
    });

    it('marks up exactly the visible reviews, following paging and filters, merged into the Product by @id', async () => {
      scripts.push(
        storeScript({
          '@context': 'https://schema.org',
          '@type': 'Product',
          '@id': ID,
          name: 'Jasmine',
          offers: { '@type': 'Offer', price: '1' },
        }),
      );
      const el = await fixture<RetainReviewShowcase>(html`<retain-review-showcase page-size="3" .data=${raw(9)}></retain-review-showcase>`);
      await el.updateComplete;
      const marked = () => (nodesWithId(ID)[0].review as Node[]).map((r) => r.author.name);
      const visible = () => [...el.shadowRoot!.querySelectorAll('article')].map((a) => a.querySelector('.meta bdi')!.textContent);
      expect(nodesWithId(ID)).to.have.length(1);
      expect(marked()).to.deep.equal(['A1', 'A2', 'A3']);
      expect(marked()).to.deep.equal(visible());
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="more"]')!.click();
      await aTimeout(0);
      await el.updateComplete;
      expect(marked()).to.deep.equal(['A1', 'A2', 'A3', 'A4', 'A5', 'A6']);
      el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.histogram button')[2].click(); // 3★
      await el.updateComplete;
      await aTimeout(0);
      expect(marked()).to.deep.equal(['A1', 'A4', 'A7']);
      expect(marked()).to.deep.equal(visible());
      // The aggregate is over all 9 reviews whatever is shown: (3×3 + 6×5) / 9 = 4.33.
      expect(nodesWithId(ID)[0].aggregateRating).to.deep.include({ ratingValue: 4.3, ratingCount: 9 });
      expect(nodesWithId(ID)[0].offers).to.deep.equal({ '@type': 'Offer', price: '1' });
      el.remove();
      expect(nodesWithId(ID)[0]).not.to.have.property('review');
    });

    it('schema-id picks the Product; no-schema writes nothing', async () => {
      const other = 'https://shop.example/x#product';
      scripts.push(storeScript({ '@context': 'https://schema.org', '@type': 'Product', '@id': other, name: 'X' }));
      const count = document.querySelectorAll('script[type="application/ld+json"]').length;
      const el = await fixture<RetainReviewShowcase>(
        html`<retain-review-showcase schema-id=${other} .data=${raw(2)}></retain-review-showcase>`,
      );
      expect(nodesWithId(other)[0].review).to.have.length(2);
      expect(nodesWithId(ID)).to.have.length(0);
      el.remove();
      const quiet = await fixture<RetainReviewShowcase>(html`<retain-review-showcase no-schema .data=${raw(2)}></retain-review-showcase>`);
      await quiet.updateComplete;
      expect(document.querySelectorAll('script[type="application/ld+json"]').length).to.equal(count);
      expect(nodesWithId(other)[0]).not.to.have.property('review');
    });
  });
});
