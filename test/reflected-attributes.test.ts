/**
 * Every attribute a widget's own CSS reads on its host (`:host([view='summary'])`) must follow its property:
 * a store that sets `el.view = 'summary'` from script gets the summary's layout, and the store's CSS
 * (`retain-review-showcase[view='summary']`) matches too. Found by reading the widgets' style sheets, so
 * a new `:host([…])` rule on a property that does not reflect fails here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { CSSResultOrNative, LitElement } from 'lit';
import '../src/account-prompt/account-prompt.js';
import '../src/loyalty-badge/loyalty-badge.js';
import '../src/next-order-offer/next-order-offer.js';
import '../src/referral/referral.js';
import '../src/review-showcase/review-showcase.js';
import '../src/spin-wheel/spin-wheel.js';
import '../src/survey/survey.js';
import type { RetainReviewShowcase } from '../src/review-showcase/review-showcase.js';
import type { RetainSpinWheel } from '../src/spin-wheel/spin-wheel.js';
// Looks adopted later, with the code that needs them: their host rules count as much.
import * as accountActionsStyles from '../src/account-prompt/account-prompt.actions.styles.js';
import * as panelStyles from '../src/loyalty-badge/panel.styles.js';
import * as reminderStyles from '../src/next-order-offer/reminder.styles.js';
import * as popupStyles from '../src/spin-wheel/popup.styles.js';
import * as resultStyles from '../src/spin-wheel/result.styles.js';
import * as surveyActionsStyles from '../src/survey/survey.actions.styles.js';
import { watchConsole, type ConsoleWatch } from './support/console-guard.js';
import { deleteDatabases, freshDatabase } from './support/database.js';
import { waitUntil } from './support/wait.js';

const WIDGETS: Record<string, unknown[]> = {
  'retain-spin-wheel': Object.values({ ...popupStyles, ...resultStyles }),
  'retain-loyalty-badge': Object.values(panelStyles),
  'retain-review-showcase': [],
  'retain-account-prompt': Object.values(accountActionsStyles),
  'retain-next-order-offer': Object.values(reminderStyles),
  'retain-survey': Object.values(surveyActionsStyles),
  'retain-referral': [],
};

/** What each widget needs to render without a warning. */
const SETUP: Record<string, { attributes?: Record<string, string>; children?: string }> = {
  'retain-spin-wheel': {
    children: '<retain-slice weight="1" code="TEN">10% off</retain-slice><retain-slice weight="1" type="none">Next time</retain-slice>',
  },
  'retain-loyalty-badge': {},
  'retain-review-showcase': { children: '<script type="application/json">{"product":{"id":"mug"},"reviews":[]}</script>' },
  'retain-account-prompt': { attributes: { 'order-id': 'R-1' } },
  'retain-next-order-offer': { attributes: { 'order-id': 'R-1', codes: 'NEXT-1' } },
  'retain-survey': { attributes: { 'order-id': 'R-1' } },
  'retain-referral': { attributes: { link: 'https://store.example/?ref=ANNA10' } },
};

const cssTextOf = (style: unknown): string =>
  style instanceof CSSStyleSheet
    ? [...style.cssRules].map((rule) => rule.cssText).join('\n')
    : typeof (style as { cssText?: unknown })?.cssText === 'string'
      ? (style as { cssText: string }).cssText
      : '';

/** `[view='summary' i]` for each `:host([view='summary' i])` in the sheets. */
function hostAttributeSelectors(styles: unknown[]): string[] {
  const found = new Set<string>();
  for (const style of styles) for (const match of cssTextOf(style).matchAll(/:host\((\[[^\]]+\])\)/g)) found.add(match[1]);
  return [...found];
}

/** The property behind an attribute: a Lit property's declaration, or a native reflecting one (`hidden`). */
function declarationOf(tag: string, attribute: string): { property: string; reflect: boolean } | undefined {
  const element = customElements.get(tag) as unknown as typeof LitElement;
  for (const [property, options] of element.elementProperties) {
    const name = typeof options.attribute === 'string' ? options.attribute : String(property).toLowerCase();
    if (options.attribute !== false && name === attribute) return { property: String(property), reflect: !!options.reflect };
  }
  return attribute in HTMLElement.prototype ? { property: attribute, reflect: true } : undefined;
}

describe('attributes read by CSS are reflected', () => {
  let consoleWatch: ConsoleWatch;
  beforeEach(() => {
    freshDatabase();
    consoleWatch = watchConsole();
  });
  afterEach(async () => {
    consoleWatch.stop();
    await deleteDatabases();
  });

  for (const [tag, later] of Object.entries(WIDGETS)) {
    it(`<${tag}>: every :host([…]) attribute follows its property`, async () => {
      const element = customElements.get(tag) as unknown as typeof LitElement;
      const styles = [...(element.elementStyles as CSSResultOrNative[]), ...later];
      const selectors = hostAttributeSelectors(styles);
      // Each widget hides with [hidden]: the scan is reading the sheets.
      expect(selectors).to.include('[hidden]');
      for (const selector of selectors) {
        const [, attribute, value] = /^\[([\w-]+)(?:[~|^$*]?=\s*['"]?([^'"\s\]]*)['"]?)?/.exec(selector)!;
        const declaration = declarationOf(tag, attribute);
        expect(declaration, `${tag} ${selector}: no property`).to.not.equal(undefined);
        expect(declaration!.reflect, `${tag} ${selector}: the property does not reflect`).to.equal(true);
        // And in fact: set from script, the attribute the CSS reads appears.
        const el = document.createElement(tag) as LitElement & Record<string, unknown>;
        // Rendered at once, wherever it lands on the page (a widget otherwise waits until it is near).
        for (const [name, value] of Object.entries({ loading: 'eager', ...SETUP[tag].attributes })) el.setAttribute(name, value);
        el.innerHTML = SETUP[tag].children ?? '';
        document.body.append(el);
        try {
          el[declaration!.property] = value ?? true;
          await el.updateComplete;
          expect(el.matches(selector), `${tag}.${declaration!.property} = ${JSON.stringify(value ?? true)} → ${selector}`).to.equal(true);
        } finally {
          el.remove();
        }
      }
    });
  }

  it('<retain-review-showcase>: view set from script gives the summary its inline layout, and back', async () => {
    const data = { product: { id: 'mug', name: 'Mug' }, reviews: [{ id: 'r1', rating: 4, title: 'Good' }] };
    const el = await fixture<RetainReviewShowcase>(html`<retain-review-showcase loading="eager" .data=${data}></retain-review-showcase>`);
    await el.updateComplete;
    expect(getComputedStyle(el).display).to.equal('block');
    el.view = 'summary';
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('summary');
    expect(el.matches("[view='summary']"), 'the store’s CSS matches').to.equal(true);
    expect(getComputedStyle(el).display).to.equal('inline-block');
    expect(el.shadowRoot!.querySelector('[part~="summary"]')).to.not.equal(null);
    expect(el.shadowRoot!.querySelector('article')).to.equal(null);
    el.view = 'list';
    await el.updateComplete;
    expect(el.getAttribute('view')).to.equal('list');
    expect(getComputedStyle(el).display).to.equal('block');
    await waitUntil(() => el.shadowRoot!.querySelector('article'), 'the list came back');
  });

  it('<retain-spin-wheel>: mode set from script gives the popup its layout (no box in the page)', async () => {
    const el = await fixture<RetainSpinWheel>(html`<retain-spin-wheel loading="eager">
      <retain-slice weight="1" code="TEN">10% off</retain-slice>
      <retain-slice weight="1" type="none">Next time</retain-slice>
    </retain-spin-wheel>`);
    expect(getComputedStyle(el).display).to.equal('block');
    el.mode = 'popup';
    await el.updateComplete;
    expect(el.getAttribute('mode')).to.equal('popup');
    expect(getComputedStyle(el).display).to.equal('contents');
  });
});
