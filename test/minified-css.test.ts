/**
 * The build ships the kit's `css` literals minified (scripts/template-literals.ts, scripts/minify-css.ts): each
 * widget's style sheets, minified, must be the same style sheets to the engine, rule for rule, in every
 * engine; and strings, selectors and values that need a space keep it.
 */
import { expect } from '@open-wc/testing';
import type { CSSResult } from 'lit';
import { minifyCss } from '../scripts/minify-css.js';
import { watchConsole, type ConsoleWatch } from './support/console-guard.js';

const SHEETS: Record<string, () => Promise<Record<string, unknown>>> = {
  'account-prompt': () => import('../src/account-prompt/account-prompt.styles.js'),
  'account-prompt actions': () => import('../src/account-prompt/account-prompt.actions.styles.js'),
  card: () => import('../src/core/card.styles.js').then(({ cardStyles }) => ({ sheets: cardStyles('survey') })),
  'host reset': () => import('../src/core/host-reset.js'),
  'screen-reader only': () => import('../src/core/sr.styles.js'),
  'loyalty-badge': () => import('../src/loyalty-badge/loyalty-badge.styles.js'),
  'loyalty panel': () => import('../src/loyalty-badge/panel.styles.js'),
  'next-order-offer': () => import('../src/next-order-offer/next-order-offer.styles.js'),
  reminder: () => import('../src/next-order-offer/reminder.styles.js'),
  'recently-viewed': () => import('../src/recently-viewed/recently-viewed.styles.js'),
  referral: () => import('../src/referral/referral.styles.js'),
  report: () => import('../src/report/report.styles.js'),
  'review-showcase': () => import('../src/review-showcase/review-showcase.styles.js'),
  'spin-wheel': () => import('../src/spin-wheel/spin-wheel.styles.js'),
  'spin popup': () => import('../src/spin-wheel/popup.styles.js'),
  'spin result': () => import('../src/spin-wheel/result.styles.js'),
  survey: () => import('../src/survey/survey.styles.js'),
  'survey actions': () => import('../src/survey/survey.actions.styles.js'),
};

/**
 * The rules of `css` as the engine reads them back. A value the engine keeps as written (a `var()` with its
 * fallback) keeps the space after a comma, which no value reads: that one space is left out of both.
 */
function rules(css: string): string[] {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(css);
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

describe('minified css literals', () => {
  let console: ConsoleWatch;
  beforeEach(() => (console = watchConsole()));
  afterEach(() => console.stop());

  it('keeps every widget’s style sheets the same, rule for rule', async () => {
    let before = 0;
    let after = 0;
    for (const [name, load] of Object.entries(SHEETS)) {
      const sheets = Object.values(await load())
        .flat()
        .filter((value): value is CSSResult => typeof (value as CSSResult)?.cssText === 'string');
      expect(sheets, `${name}: style sheets`).to.not.be.empty;
      for (const { cssText } of sheets) {
        const minified = minifyCss(cssText);
        before += cssText.length;
        after += minified.length;
        expect(rules(minified), name).to.deep.equal(rules(cssText));
      }
    }
    expect(after, 'characters after').to.be.below(before * 0.9);
  });

  it('keeps strings, and the spaces a selector or a value needs', () => {
    expect(minifyCss(`/* why */\n  .a  .b > .c ,\n  .d::before {\n    content: '  ✓  ';\n    margin: 0  auto;\n  }\n`)).to.equal(
      ` .a .b > .c,.d::before{content: '  ✓  ';margin: 0 auto;}`,
    );
    // A comment may hold quotes of its own: it goes, and the rest is minified.
    expect(minifyCss(`/* a store's column, a "10" */\n  .a  {\n    color: red;\n  }`)).to.equal(` .a{color: red;}`);
    // A quote or a comment that closes in another part of the literal (across a `${…}`): the part is left as it is.
    expect(minifyCss(`  content: '  a`)).to.equal(`  content: '  a`);
    expect(minifyCss(`  /* a  ${''}`)).to.equal(`  /* a  `);
  });
});
