/**
 * A yes-or-no attribute (`guest`, `launcher`, `require-email`) is on when present, as HTML's own are, and off when
 * absent. A store whose template writes `guest="false"` means off, and gets it: every widget takes false, no, off and
 * 0 as off. Found from each widget's own property declarations, so a new yes-or-no property without the kit's
 * converter (core/element.ts `yesOrNo`) fails here.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../src/account-prompt/account-prompt.js';
import '../src/loyalty-badge/loyalty-badge.js';
import '../src/next-order-offer/next-order-offer.js';
import '../src/recently-viewed/recently-viewed.js';
import '../src/referral/referral.js';
import '../src/review-showcase/review-showcase.js';
import '../src/spin-wheel/spin-wheel.js';
import '../src/survey/survey.js';
import type { RetainLoyaltyBadge } from '../src/loyalty-badge/loyalty-badge.js';
import { deleteDatabases, freshDatabase } from './support/database.js';

const TAGS = [
  'retain-spin-wheel',
  'retain-loyalty-badge',
  'retain-review-showcase',
  'retain-account-prompt',
  'retain-next-order-offer',
  'retain-survey',
  'retain-referral',
  'retain-recently-viewed',
];

/** The yes-or-no properties of a widget, with their attributes: from Lit's declarations. */
function yesOrNo(tag: string): { property: string; attribute: string }[] {
  const element = customElements.get(tag) as unknown as typeof LitElement;
  return [...element.elementProperties]
    .filter(([, options]) => options.type === Boolean && options.attribute !== false)
    .map(([property, options]) => ({
      property: String(property),
      attribute: typeof options.attribute === 'string' ? options.attribute : String(property).toLowerCase(),
    }));
}

describe('yes-or-no attributes', () => {
  // The badge below reads this device; a warning anywhere fails the test (the suite's console guard).
  beforeEach(() => freshDatabase());
  afterEach(() => deleteDatabases());

  it('the widgets have yes-or-no attributes to check', () => {
    const all = TAGS.flatMap((tag) => yesOrNo(tag).map(({ attribute }) => `${tag}[${attribute}]`));
    expect(all).to.include.members(['retain-loyalty-badge[guest]', 'retain-spin-wheel[launcher]', 'retain-spin-wheel[require-email]']);
  });

  for (const tag of TAGS.filter((tag) => yesOrNo(tag).length)) {
    it(`<${tag}>: "false", "no", "off" and "0" turn each off; present, empty or "true", on`, () => {
      for (const { property, attribute } of yesOrNo(tag)) {
        const el = document.createElement(tag) as LitElement & Record<string, unknown>;
        for (const [value, on] of [
          ['false', false],
          ['', true],
          [' No ', false],
          ['true', true],
          ['OFF', false],
          [attribute, true],
          ['0', false],
          ['yes', true],
        ] as const) {
          el.setAttribute(attribute, value);
          expect(el[property], `${attribute}="${value}"`).to.equal(on);
        }
        el.removeAttribute(attribute);
        expect(el[property], `no ${attribute}`).to.equal(false);
      }
    });
  }

  it('a member’s badge written guest="false" shows the member’s points, not the invitation to join', async () => {
    const el = await fixture<RetainLoyaltyBadge>(
      html`<retain-loyalty-badge loading="eager" guest="false" points="120" join-url="/join"></retain-loyalty-badge>`,
    );
    await el.updateComplete;
    const text = el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
    expect(text).to.contain('120');
    expect(el.shadowRoot!.querySelector('[part~="join"]')).to.equal(null);
  });
});
