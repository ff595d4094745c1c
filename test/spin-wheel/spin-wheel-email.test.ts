/**
 * `email-endpoint`: the email of `require-email` reaches the store's list with HTML alone, with its
 * marketing consent stated apart (as ticked, unticked by default) and the consent text shown; only when the
 * shopper spins, never stored on the device, never forwarded.
 */
import { expect, html } from '@open-wc/testing';
import { onKitEvent, type KitEventRecord } from '../../src/core/events.js';
import { storage } from '../../src/core/storage.js';
import '../../src/spin-wheel/spin-wheel.js';
import type { RetainSpinWheel } from '../../src/spin-wheel/spin-wheel.js';
import type { SpinEmail } from '../../src/spin-wheel/email.js';
import { watchConsole, type ConsoleWatch } from '../support/console-guard.js';
import { deleteDatabases, freshDatabase } from '../support/database.js';
import { shadow, spin, wheel } from '../support/spin-wheel.js';
import { waitUntil } from '../support/wait.js';

const SLICES = html`
  <retain-slice code="TEN">10% off</retain-slice>
  <retain-slice type="none">Next time</retain-slice>
`;

/** Types the email, ticks the box if asked, and spins; resolves with the started event's detail once the spin ended. */
async function spinWith(el: RetainSpinWheel, email: string, tick: boolean): Promise<{ id: string }> {
  shadow<HTMLInputElement>(el, '[part~=email]')!.value = email;
  if (tick) shadow<HTMLInputElement>(el, 'input[type=checkbox]')!.click();
  const started = new Promise<{ id: string }>((resolve) =>
    el.addEventListener('retain-spin-started', (event) => resolve(event.detail), { once: true }),
  );
  await spin(el);
  return started;
}

const received = async (key: string): Promise<{ contentType: string; body: SpinEmail }[]> =>
  (await fetch(`/test-api/spin-emails/received?key=${key}`)).json();

describe('retain-spin-wheel email-endpoint', () => {
  let console: ConsoleWatch;
  let key: string;

  beforeEach(() => {
    freshDatabase();
    console = watchConsole();
    key = `k${Math.random().toString(36).slice(2)}`;
  });
  afterEach(async () => {
    console.stop();
    await deleteDatabases();
  });

  it('sends the email with its marketing consent, as ticked, and the consent text, when the shopper spins', async () => {
    const el = await wheel(
      html`<retain-spin-wheel instance="home" campaign="welcome" require-email duration="40ms" email-endpoint=${`/test-api/spin-emails?key=${key}`}
        >${SLICES}</retain-spin-wheel
      >`,
    );
    // Typing is not the shopper's action: nothing goes yet.
    shadow<HTMLInputElement>(el, '[part~=email]')!.value = 'early@example.com';
    expect(await received(key)).to.deep.equal([]);
    const before = Date.now();
    const started = await spinWith(el, 'shopper@example.com', true);
    await waitUntil(async () => (await received(key)).length === 1, 'the email did not reach the endpoint');
    const [{ contentType, body }] = await received(key);
    expect(contentType).to.equal('application/json');
    expect(body).to.deep.include({
      email: 'shopper@example.com',
      marketingConsent: true,
      consentText: 'Email me offers and news',
      lang: 'en',
      instance: 'home',
      campaign: 'welcome',
      spinId: started.id,
    });
    expect(Date.parse(body.at)).to.be.within(before - 1000, Date.now() + 1000);
  });

  it('says the consent was not given when the box was left unticked, and sends the store’s own consent text', async () => {
    const el = await wheel(
      html`<retain-spin-wheel require-email duration="40ms" lang="hu" email-endpoint=${`/test-api/spin-emails?key=${key}`}>
        ${SLICES}<span slot="consent">Kérem a Teabolt hírlevelét</span>
      </retain-spin-wheel>`,
    );
    await spinWith(el, 'vasarlo@example.com', false);
    await waitUntil(async () => (await received(key)).length === 1, 'the email did not reach the endpoint');
    expect((await received(key))[0].body).to.deep.include({
      email: 'vasarlo@example.com',
      marketingConsent: false,
      consentText: 'Kérem a Teabolt hírlevelét',
      lang: 'hu',
      campaign: null,
    });
  });

  it('keeps the email off the device and out of forwarding', async () => {
    const forwarded: KitEventRecord[] = [];
    const stop = onKitEvent((record) => forwarded.push(record));
    try {
      const el = await wheel(
        html`<retain-spin-wheel require-email duration="40ms" email-endpoint=${`/test-api/spin-emails?key=${key}`}>${SLICES}</retain-spin-wheel>`,
      );
      await spinWith(el, 'private@example.com', true);
      await waitUntil(async () => (await received(key)).length === 1, 'the email did not reach the endpoint');
      await waitUntil(() => forwarded.some((record) => record.name === 'retain-spin-ended'), 'the spin was not forwarded');
      const everything = JSON.stringify(
        await Promise.all((['state', 'counters', 'orders', 'outbox'] as const).map((store) => storage().getAll(store))),
      );
      expect(everything).not.to.contain('private@example.com');
      expect(JSON.stringify(forwarded)).not.to.contain('private@example.com');
    } finally {
      stop();
    }
  });

  it('a failing endpoint: one warning without the email, and the spin goes on to its result', async () => {
    const el = await wheel(
      html`<retain-spin-wheel require-email duration="40ms" email-endpoint=${`/test-api/spin-emails?key=${key}&fail=1`}>${SLICES}</retain-spin-wheel>`,
    );
    await spinWith(el, 'shopper@example.com', true);
    expect(shadow(el, '[part~=result]')).to.exist;
    await waitUntil(async () => (await received(key)).length === 1, 'the endpoint was not asked');
    let warnings: string[] = [];
    await waitUntil(() => (warnings = [...warnings, ...console.take()]).length > 0, 'no warning');
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('could not send the email to its email-endpoint').and.contain('the store answered 500');
    expect(warnings[0]).not.to.contain('shopper@example.com');
  });

  it('bad configuration: an unsafe URL, or an endpoint without require-email: one warning each, nothing sent', async () => {
    const unsafe = await wheel(
      html`<retain-spin-wheel require-email duration="40ms" email-endpoint="javascript:alert(1)">${SLICES}</retain-spin-wheel>`,
    );
    const first = console.take();
    expect(first).to.have.length(1);
    expect(first[0]).to.contain('email-endpoint="javascript:alert(1)" is not an https: or relative URL');
    await spinWith(unsafe, 'shopper@example.com', true);

    await wheel(
      html`<retain-spin-wheel instance="plain" email-endpoint=${`/test-api/spin-emails?key=${key}`}>${SLICES}</retain-spin-wheel>`,
    );
    const second = console.take();
    expect(second).to.have.length(1);
    expect(second[0]).to.contain('has no effect without require-email; no email is asked for or sent');
    expect(await received(key)).to.deep.equal([]);
  });
});
