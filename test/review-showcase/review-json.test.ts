import { expect } from '@open-wc/testing';
import { parseInSlices } from '../../src/review-showcase/review-json.js';
import { startPageTasks } from '../support/page-tasks.js';

/** The error JSON.parse throws for `text`, or undefined. */
function parseError(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    return String(error);
  }
}

async function sliceError(text: string): Promise<string | undefined> {
  try {
    await parseInSlices(text, 'reviews');
    return undefined;
  } catch (error) {
    return String(error);
  }
}

/** Reviews whose texts are full of what a scanner could mistake for structure. */
function tricky(n: number) {
  return {
    product: { id: 'p', name: 'The "reviews": [ tea ]', reviews: [{ id: 'not these' }] },
    reviews: Array.from({ length: n }, (_, i) => ({
      id: `r${i}`,
      rating: (i % 5) + 1,
      body: `${'"},{"x":[1,{"\\\\"}]}],'.repeat(i % 7)}</script> é 😀 \u202e`,
      media: [{ url: ']', alt: '}' }, [i, [i]]],
    })),
    next: '/page/2',
    aggregate: { average: 4.2, count: n },
  };
}

describe('parseInSlices: JSON.parse of a large review document, a slice at a time', () => {
  it('gives what JSON.parse gives, whatever the strings hold and however the text is spaced', async () => {
    const value = tricky(3000);
    for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2), JSON.stringify(value, null, '\t')]) {
      expect(await parseInSlices(text, 'reviews')).to.deep.equal(JSON.parse(text));
    }
  });

  it('leaves documents of other shapes to JSON.parse, with the same result', async () => {
    const texts = [
      '{"reviews":[]}',
      ' \n{ "reviews" : [ 1, "a", null, {"x":"},{"}, [1,[2]] ] }',
      '{"reviews":[{"a":1}],"reviews":[{"b":2}]}',
      '{"reviews":5}',
      '{"a":"reviews","b":[1]}',
      '{"product":{"reviews":[9]}}',
      '{"\\u0072eviews":[{"a":1}]}',
      '[{"reviews":[1]}]',
      '"reviews"',
      '{}',
    ];
    for (const text of texts) expect(await parseInSlices(text, 'reviews'), text).to.deep.equal(JSON.parse(text));
  });

  it('throws the SyntaxError JSON.parse throws for text that is not JSON', async () => {
    const texts = [
      '',
      '{"reviews":[{"a":1}{"b":2}]}',
      '{"reviews":[{"a":1},]}',
      '{"reviews":[{"a":"x}]}',
      '{"reviews":[{"a":1}]',
      '{"reviews":[{"a":1}]}}',
      '{"reviews" [1]}',
      `${JSON.stringify(tricky(2000)).slice(0, -1)}`,
    ];
    for (const text of texts) {
      const expected = parseError(text);
      expect(expected, text).to.be.a('string');
      expect(await sliceError(text), text.slice(0, 80)).to.equal(expected);
    }
  });

  it('lets other tasks run while it parses megabytes (no long task)', async () => {
    const text = JSON.stringify(tricky(20_000));
    expect(text.length).to.be.above(2_000_000);
    const others = startPageTasks();
    const value = await parseInSlices(text, 'reviews');
    others.stop();
    expect((value as { reviews: unknown[] }).reviews).to.have.length(20_000);
    // All at once, no other task could run before it returned.
    expect(others.count).to.be.at.least(2);
  });
});
