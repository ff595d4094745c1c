/**
 * The build ships the kit's `html` and `svg` literals with each line break and its indentation made one
 * space (scripts/template-literals.ts, scripts/minify-html.ts). Markup of every shape the kit's templates
 * have, rendered by Lit as written and as shipped, must be the same to the page: the same elements with the
 * same attributes, the same text as the shopper reads it, the same size.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import { html as htmlTag, nothing, svg as svgTag } from 'lit';
import { collapseLineBreaks } from '../scripts/minify-html.js';

/** A template's literal parts, as a tagged template hands them over (Lit accepts only such an array). */
function strings(parts: readonly string[]): TemplateStringsArray {
  return Object.assign([...parts], { raw: [...parts] }) as unknown as TemplateStringsArray;
}

/** Each element with its attributes, in document order: what the engine built. */
function structure(root: Element): string[] {
  return [...root.querySelectorAll('*')].map(
    (el) =>
      `${el.localName} ${[...el.attributes]
        .map((a) => `${a.name}=${a.value}`)
        .sort()
        .join(' ')}`,
  );
}

/** What the page makes of a box: its elements and attributes, the text as read, the height. */
interface Drawn {
  structure: string[];
  text: string;
  height: number;
}

/**
 * The markup rendered as written and as the build ships it, each in the same place in the page, one after
 * the other (WebKit's `innerText` of a box ends with line breaks or not by what follows it in the page).
 */
async function bothWays(parts: readonly string[], values: unknown[]): Promise<[Drawn, Drawn]> {
  const drawn = async (template: unknown): Promise<Drawn> => {
    const box = await fixture<HTMLElement>(htmlTag`<div style="inline-size: 320px">${template}</div>`);
    const seen = { structure: structure(box), text: box.innerText, height: box.getBoundingClientRect().height };
    fixtureCleanup();
    return seen;
  };
  return [await drawn(htmlTag(strings(parts), ...values)), await drawn(htmlTag(strings(parts.map(collapseLineBreaks)), ...values))];
}

/** The kit's shapes: attributes over lines (with a binding inside a value), text and inline elements over lines, flex items, a list. */
const SHAPES: [name: string, parts: string[], values: unknown[]][] = [
  [
    'attributes over lines',
    [
      `<section\n      part="base"\n      class="strip `,
      `"\n      aria-labelledby="heading"\n    >\n      <p id="heading" role="heading" aria-level="2">Recently viewed</p>\n    </section>`,
    ],
    ['pending'],
  ],
  [
    'text and inline elements over lines',
    [
      `<p class="expiry">\n        Expires\n        <strong>`,
      `</strong>\n        (<time datetime="2026-12-09">December 9</time>)\n      </p>\n      <p>Save `,
      ` on your next order.</p>`,
    ],
    ['in 3 days', '10%'],
  ],
  [
    'flex items and a list',
    [
      `<div style="display: flex; gap: 4px">\n  <button type="button">Copy</button>\n  <a href="#apply">Apply</a>\n</div>\n<ul>\n  `,
      `\n</ul>`,
    ],
    [['a', 'b'].map((x) => htmlTag`<li>\n    <span>${x}</span>\n    <span> · </span>\n  </li>`)],
  ],
  ['a binding alone, and nothing', [`\n  <p class="body">`, `</p>\n  `, `\n`], ['Line one\nline two', nothing]],
];

describe('minified html literals', () => {
  for (const [name, parts, values] of SHAPES) {
    it(`renders the same: ${name}`, async () => {
      expect(parts.map(collapseLineBreaks), 'the build changes these').to.not.deep.equal(parts);
      const [written, shipped] = await bothWays(parts, values);
      expect(shipped).to.deep.equal(written);
      expect(written.text, 'drawn').to.not.equal('');
    });
  }

  it('renders the same svg', async () => {
    const parts = [`\n    <path\n      d=`, `\n      fill="currentColor"\n    />\n  `];
    const wheel = (p: readonly string[]) =>
      htmlTag`<svg viewBox="0 0 10 10" width="40" height="40">${svgTag(strings(p), 'M0 0L10 0L10 10Z')}</svg>`;
    const [written, shipped] = await bothWays([`<p>`, `</p>`], [wheel(parts)]).then(async (asWritten) => [
      asWritten[0],
      (await bothWays([`<p>`, `</p>`], [wheel(parts.map(collapseLineBreaks))]))[0],
    ]);
    expect(shipped).to.deep.equal(written);
    expect(written.structure).to.include('path d=M0 0L10 0L10 10Z fill=currentColor');
  });

  it('keeps spaces without a line break: they are the template’s words', () => {
    expect(collapseLineBreaks(` · <span>a</span>  b `)).to.equal(` · <span>a</span>  b `);
    expect(collapseLineBreaks(`<a\n\t  href="#"\r\n  >x</a>  \n  `)).to.equal(`<a href="#" >x</a> `);
  });
});
