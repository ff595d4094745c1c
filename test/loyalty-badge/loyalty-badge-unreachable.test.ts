/**
 * The badge whose snapshot check cannot load (a connection that drops the kit's file): the estimate, with one
 * warning, and the badge loaded (before, "…" for good and a rejected `loaded`). The badge's code comes from a path
 * of this test's own (test/support/unreachable.endpoint.mjs), its check's file cut there.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { RetainLoyaltyBadge } from '../../src/loyalty-badge/loyalty-badge.js';
import { testSetup } from '../support/test-setup.js';
import { makeStoreKeys, signSnapshot } from './loyalty-support.js';

const text = (el: Element) => el.textContent!.replace(/\s+/g, ' ').trim();

describe('<retain-loyalty-badge> whose snapshot check cannot load', () => {
  const kit = testSetup();

  it('shows the estimate with one warning, and is loaded (not "…" for good)', async () => {
    const keys = await makeStoreKeys();
    const snapshot = JSON.stringify({ customer: 'c_1', points: 1240, issuedAt: Date.now() - 60_000 });
    const signature = await signSnapshot(keys, snapshot);
    const fresh = `/test-api/fresh/${kit.key}`;
    await fetch(`${fresh}/cut?path=/src/loyalty-badge/verify.`, { method: 'POST' });
    await import(/* @vite-ignore */ `${fresh}/src/loyalty-badge/loyalty-badge.ts`);
    const el = await fixture<RetainLoyaltyBadge>(
      html`<retain-loyalty-badge points-per-unit="1" snapshot=${snapshot} signature=${signature} public-key=${keys.jwk}></retain-loyalty-badge>`,
    );
    await el.loaded;
    await el.updateComplete;
    const badge = el.shadowRoot!.querySelector('[part="badge"]')!;
    expect(text(badge)).to.contain('(estimate)');
    expect(badge.closest('[aria-busy="true"]')).to.equal(null);
    expect(kit.warnings.take()).to.satisfy(
      (said: string[]) => said.length === 1 && said[0].includes('<retain-loyalty-badge> could not load its snapshot check'),
    );
  });
});
