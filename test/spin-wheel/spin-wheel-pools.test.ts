/**
 * Code pools used up on this device: a prize whose `codes` were all handed out here can no longer be won, so
 * the odds listed are those of the prizes that still can be (the wheel's face stays as it is), and a wheel with
 * nothing left to win says so, politely and once to the store owner, instead of offering a spin that fails.
 */
import { expect, fixtureSync, html } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import { readCounters } from '../../src/core/counters.js';
import { cooldownEnds } from '../../src/core/triggers.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import { isReady, shadow, spin, spinButton, wheel } from '../support/spin-wheel.js';
import { testSetup } from '../support/test-setup.js';
import { waitUntil } from '../support/wait.js';

const FAST = '--retain-spin-wheel-duration: 40ms';
/** Two prizes, each a pool of one code, and no "no prize" slice: two spins hand out everything. */
const POOLS = html`
  <retain-slice codes="A1">First</retain-slice>
  <retain-slice codes="A2" type="shipping">Second</retain-slice>
`;
const EMPTY = 'No prizes are left to win here. Thanks for playing!';

/** What the prize list shows, one line per prize. */
const listed = (el: RetainSpinWheel) =>
  [...shadow(el, '[part~=prizes]')!.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
const cardText = (el: RetainSpinWheel) => shadow(el, '[part~=result]')?.textContent?.replace(/\s+/g, ' ').trim();
const said = (el: RetainSpinWheel) => shadow(el, '[role=status]')!.textContent;
const slicesDrawn = (el: RetainSpinWheel) => el.shadowRoot!.querySelectorAll('[part~=wheel] path').length;

/** A wheel that may have nothing to offer: once it has read what this device remembers. */
async function settled(template: TemplateResult): Promise<RetainSpinWheel> {
  const el = fixtureSync<RetainSpinWheel>(template);
  el.scrollIntoView({ block: 'nearest' });
  await el.loaded;
  await el.updateComplete;
  return el;
}

/** Spins `el` (its cooldown 0) until both codes of `POOLS` are handed out; the codes won. */
async function useUp(el: RetainSpinWheel): Promise<(string | null)[]> {
  const first = await spin(el);
  await waitUntil(() => isReady(el), 'the wheel did not offer its second spin');
  const second = await spin(el);
  return [first.code, second.code];
}

describe('retain-spin-wheel: code pools used up on this device', () => {
  const kit = testSetup();

  it('lists a used-up prize as none left, with the odds of the prizes still to win, on the same wheel face', async () => {
    // Its pool prize is as good as certain (the other slice never comes up in practice): one spin hands out B1.
    const el = await wheel(html`<retain-spin-wheel instance="one" cooldown="0" style=${FAST}>
      <retain-slice weight="1000000" codes="B1">Pool</retain-slice>
      <retain-slice weight="0.000001" code="FIX">Fixed</retain-slice>
    </retain-spin-wheel>`);
    expect((await spin(el)).code).to.equal('B1');
    // Told at once, without a reload: the pool is used up, the other prize is now a certainty.
    await waitUntil(() => listed(el)[0] === 'Pool none left', `the odds still say ${listed(el).join(', ')}`);
    expect(listed(el)[1]).to.equal('Fixed 100% chance');

    // Another wheel of this device, with the same pool: it can no longer hand out B1.
    const other = await wheel(html`<retain-spin-wheel instance="two" cooldown="0" style=${FAST}>
      <retain-slice weight="1" codes="B1">Pool</retain-slice>
      <retain-slice weight="1" code="FIX">Fixed</retain-slice>
      <retain-slice weight="2" type="none">Next time</retain-slice>
    </retain-spin-wheel>`);
    expect(listed(other)).to.deep.equal(['Pool none left', 'Fixed 33.3% chance', 'Next time 66.7% chance']);
    expect(slicesDrawn(other), 'the wheel face keeps every slice').to.equal(3);
    await expect(other).to.be.accessible();
    for (let i = 0; i < 4; i++) {
      await waitUntil(() => isReady(other));
      expect((await spin(other)).slice, 'landed on the used-up prize').to.not.equal(0);
    }
  });

  it('keeps the last code shown, then says that no prize is left instead of offering a spin: once to the owner', async () => {
    const el = await wheel(html`<retain-spin-wheel instance="here" cooldown="0" style=${FAST}>${POOLS}</retain-spin-wheel>`);
    const codes = await useUp(el);
    expect([...codes].sort()).to.deep.equal(['A1', 'A2']);
    // The code just won stays on the card; no spin is offered that could not be honoured.
    await waitUntil(() => !isReady(el), 'the wheel still offers a spin with nothing left to win');
    expect(shadow(el, '[part~=code]')!.textContent).to.equal(codes[1]);
    expect(listed(el)).to.deep.equal(['First none left', 'Second none left']);
    const warnings = kit.warnings.take();
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('<retain-spin-wheel instance="here">').and.contain('codes');

    // A wheel with the same prizes, later (another page): nothing left to win, from its first read.
    const later = await settled(html`<retain-spin-wheel instance="later" lang="ru">${POOLS}</retain-spin-wheel>`);
    expect(cardText(later)).to.equal('Призов больше не осталось. Спасибо за игру!');
    expect(isReady(later)).to.equal(false);
    expect(kit.warnings.take()).to.have.length(1);
    await expect(later).to.be.accessible();
    expect(kit.named('retain-spin-started')).to.have.length(2);
  });

  it('pressing Spin on a wheel made ready before the last code went: says so, takes no spin, fires nothing', async () => {
    const POOLED = html`<retain-spin-wheel instance="late" style=${FAST}>${POOLS}</retain-spin-wheel>`;
    const late = await wheel(POOLED);
    await useUp(await wheel(html`<retain-spin-wheel instance="here" cooldown="0" style=${FAST}>${POOLS}</retain-spin-wheel>`));
    expect(isReady(late), 'the other wheel has not read the pools again').to.equal(true);
    spinButton(late).click();
    await waitUntil(() => cardText(late), 'the wheel did not say that no prize is left');
    expect(cardText(late)).to.equal(EMPTY);
    expect(said(late)).to.equal(EMPTY);
    expect(isReady(late)).to.equal(false);
    await waitUntil(() => late.shadowRoot!.activeElement === shadow(late, '[part~=result]'), 'focus did not move to the card');
    // One warning per wheel, about the pools (not "could not record the spin"); no spin taken, no event.
    const warnings = kit.warnings.take();
    expect(warnings).to.have.length(2);
    expect(warnings[1]).to.contain('<retain-spin-wheel instance="late">').and.not.contain('could not');
    expect(kit.named('retain-spin-started').map((record) => record.detail.instance)).to.deep.equal(['here', 'here']);
    expect(await cooldownEnds('spin-wheel/late/spin')).to.equal(null);
    expect(await readCounters('spin-wheel', 'late')).to.not.have.property('interacted');
    await expect(late).to.be.accessible();
  });
});
