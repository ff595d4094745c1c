import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/account-prompt/account-prompt.js';
import '../../src/order/order.js';
import { EMAIL_PATTERN, SNOOZE_KEY, orderKey, type RetainAccountPrompt } from '../../src/account-prompt/account-prompt.js';
import { asciiEmail } from '../../src/account-prompt/account-prompt.actions.js';
import type { RetainAccountRequestEvent } from '../../src/account-prompt/account-prompt.events.js';
import { forward, outboxStats } from '../../src/core/delivery.js';
import type { KitEventRecord } from '../../src/core/events.js';
import { listOrders } from '../../src/core/orders.js';
import { storage } from '../../src/core/storage.js';
import { dumpDatabase, freshDatabase } from '../support/database.js';
import { shownOfPairs } from '../support/tabs.js';
import { waitUntil } from '../support/wait.js';
import { takenOut } from '../support/taken-out.js';
import { testSetup } from '../support/test-setup.js';

const DAY = 86_400_000;
const EMAIL = 'ann.guest+order@example.com';
const PASSWORD = 'correct horse battery';

type Prompt = RetainAccountPrompt;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
const emailInput = (el: Element) => $<HTMLInputElement>(el, 'input[name="email"]')!;
const passwordInput = (el: Element) => $<HTMLInputElement>(el, 'input[name="password"]');
const box = (el: Element, channel: string) => $<HTMLInputElement>(el, `input[name="consent_${channel}"]`);
const submit = (el: Element) => $<HTMLButtonElement>(el, '[part="submit"]')!;
const dismiss = (el: Element) => $<HTMLButtonElement>(el, '[part="dismiss"]')!;
const alertText = (el: Element) => $(el, '[role="alert"]')!.textContent!.trim();
const fieldError = (el: Element, name: string) => $(el, `#${name}-error`)!.textContent!;

/** Mounts a prompt and waits until it has decided whether to show. */
async function mount(template: ReturnType<typeof html>, selector = 'retain-account-prompt'): Promise<Prompt> {
  // A prompt renders and decides once near the viewport, and a later fixture of one test can sit more than a
  // screen below an earlier one: scrolled to before anything is awaited (`fixture` would await its first render).
  const root = fixtureSync<HTMLElement>(template);
  const el = (root.localName === 'retain-account-prompt' ? root : root.querySelector(selector)) as Prompt;
  el.scrollIntoView({ block: 'nearest' });
  await el.decision;
  await el.updateComplete;
  return el;
}

async function received(key: string): Promise<{ contentType: string; body: Record<string, unknown> }[]> {
  return (await fetch(`/test-api/accounts/received?key=${key}`)).json();
}

describe('<retain-account-prompt>', () => {
  const kit = testSetup();
  const { named } = kit;

  describe('showing', () => {
    it('invites a guest: prefilled email, reasons with the incentive, a password field, unticked consent boxes', async () => {
      const el = await mount(
        html`<retain-account-prompt
          order-id="1001"
          total="59.90"
          currency="EUR"
          email=${EMAIL}
          incentive-points="60"
          incentive="10% off your next order"
        ></retain-account-prompt>`,
      );
      expect(await el.decision).to.equal(true);
      expect(el.hidden).to.equal(false);
      expect(emailInput(el).value).to.equal(EMAIL);
      expect(emailInput(el).type).to.equal('email');
      expect(passwordInput(el)!.required).to.equal(true);
      const reasons = [...el.shadowRoot!.querySelectorAll('li')].map((li) => li.textContent!.trim());
      expect(reasons).to.deep.equal([
        'Track order 1001',
        'Faster checkout next time',
        'Earn 60 points on this order',
        '10% off your next order',
      ]);
      expect(box(el, 'email')!.checked).to.equal(false);
      expect(box(el, 'sms')!.checked).to.equal(false);
      expect(box(el, 'email')!.required).to.equal(false);
      expect(named('retain-account-shown')).to.have.length(1);
      expect(named('retain-account-shown')[0].detail).to.include({
        orderId: '1001',
        status: 'guest',
        variant: 'inline',
        widget: 'account-prompt',
      });
      expect(named('retain-account-shown')[0].detail.counters).to.deep.equal({ seen: 1 });
      expect((await listOrders()).map((o) => [o.orderId, o.total, o.currency])).to.deep.equal([['1001', 59.9, 'EUR']]);
      await expect(el).to.be.accessible();
    });

    it('shows at most once per order: a later page for the same order stays hidden, another order shows', async () => {
      const first = await mount(html`<retain-account-prompt order-id="A-1"></retain-account-prompt>`);
      expect(await first.decision).to.equal(true);
      first.remove();
      const again = await mount(
        html`<div>
          <retain-account-prompt order-id="A-1"></retain-account-prompt>
          <p>after</p>
        </div>`,
      );
      expect(await again.decision).to.equal(false);
      expect(again.hidden).to.equal(true);
      expect(again.getBoundingClientRect().height).to.equal(0);
      const other = await mount(html`<retain-account-prompt order-id="A-2"></retain-account-prompt>`);
      expect(await other.decision).to.equal(true);
      expect(named('retain-account-shown').map((r) => r.detail.orderId)).to.deep.equal(['A-1', 'A-2']);
      expect(await storage().get('state', orderKey('A-1'))).to.have.property('shownAt');
    });

    it('is never shown to a logged-in shopper: no space, no state, no event; the order is still recorded', async () => {
      const root = await fixture<HTMLElement>(
        html`<div>
          <retain-account-prompt order-id="L-1" total="20" status="logged-in" email=${EMAIL}></retain-account-prompt>
        </div>`,
      );
      const el = root.querySelector('retain-account-prompt')!;
      // Hidden from the first render, before any storage answer.
      expect(el.hidden).to.equal(true);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(await el.decision).to.equal(false);
      expect(el.shadowRoot!.querySelector('section')).to.equal(null);
      expect(await storage().get('state', orderKey('L-1'))).to.equal(undefined);
      await waitUntil(async () => (await listOrders()).length === 1, 'the order was not recorded');
      expect(kit.records).to.deep.equal([]);
    });

    it('reserves its space while deciding: content after it does not move when the card appears', async () => {
      // fixtureSync and updateComplete (microtasks): `fixture` would wait a frame for the <div>, and the
      // storage answer (a task) may come within it on a busy machine.
      const root = fixtureSync<HTMLElement>(
        html`<div>
          <retain-account-prompt order-id="R-1"></retain-account-prompt>
          <p id="after">after</p>
        </div>`,
      );
      const el = root.querySelector('retain-account-prompt')!;
      await el.updateComplete;
      const after = root.querySelector('#after')!;
      expect($(el, '.pending'), 'still deciding at first render').to.not.equal(null);
      const before = after.getBoundingClientRect().top;
      expect(await el.decision).to.equal(true);
      await el.updateComplete;
      expect($(el, '.pending')).to.equal(null);
      expect(after.getBoundingClientRect().top).to.equal(before);
      expect(el.getBoundingClientRect().height).to.be.greaterThan(200);
    });

    it('is decided once across two tabs: of two pages for one order opened together, exactly one shows', async () => {
      const tab = await kit.openTab();
      await tab.load('/src/account-prompt/account-prompt.ts');
      const orders = ['T-1', 'T-2', 'T-3'].map((id) => ({ 'order-id': id }));
      expect(await shownOfPairs(tab, 'retain-account-prompt', orders)).to.deep.equal([1, 1, 1]);
    });

    it('loads the code of sign-up and "no thanks" only at the first sign of interest in the card', async () => {
      // A fresh page, whose module map has not seen the actions yet.
      const tab = await kit.openTab();
      await tab.load('/src/account-prompt/account-prompt.ts');
      const win = tab.window;
      const loaded = () => win.performance.getEntriesByType('resource').some((entry) => entry.name.includes('/account-prompt.actions.'));
      const there = win.document.createElement('retain-account-prompt') as Prompt;
      there.setAttribute('order-id', 'D-1');
      win.document.body.append(there);
      expect(await there.decision).to.equal(true);
      await there.updateComplete;
      expect(there.shadowRoot!.querySelector('form'), 'the form is shown without it').to.not.equal(null);
      expect(loaded(), 'loaded before any interest').to.equal(false);
      there.shadowRoot!.querySelector('input')!.dispatchEvent(new FocusEvent('focusin', { bubbles: true, composed: true }));
      // A first load through the dev server (transforming each module) may take a while on a busy machine.
      await waitUntil(loaded, 'focus in the card did not load it');
    });

    it('records the order once together with <retain-order> for the same id', async () => {
      const root = await fixture<HTMLElement>(
        html`<div>
          <retain-order order-id="O-1" total="30" currency="USD"></retain-order>
          <retain-account-prompt order-id="O-1" total="30" currency="USD"></retain-account-prompt>
        </div>`,
      );
      await root.querySelector('retain-order')!.recorded;
      await root.querySelector('retain-account-prompt')!.decision;
      await waitUntil(async () => (await listOrders()).length > 0);
      expect((await listOrders()).map((o) => o.orderId)).to.deep.equal(['O-1']);
    });

    it('a slide-in is fixed, non-modal and takes no focus', async () => {
      const el = await mount(
        html`<retain-account-prompt
          order-id="S-1"
          variant="slide-in"
          style="--retain-account-prompt-duration: 0s"
        ></retain-account-prompt>`,
      );
      const base = $(el, '[part="base"]')!;
      expect(getComputedStyle(base).position).to.equal('fixed');
      expect(base.getAttribute('role')).to.equal(null);
      expect(el.getBoundingClientRect().height).to.equal(0);
      expect(el.shadowRoot!.activeElement).to.equal(null);
      expect(named('retain-account-shown')[0].detail.variant).to.equal('slide-in');
      await expect(el).to.be.accessible();
      dismiss(el).click();
      await oneEvent(el, 'retain-account-dismissed');
      expect(el.hidden).to.equal(true);
    });

    it('speaks the page language: Russian and Ukrainian plurals, Hungarian', async () => {
      // Three prompts, one below the other. In a short window (WebKit's was 800 × 431 inside after other test
      // files had resized it) the third starts more than a screen below: mount() scrolls to each before it waits.
      const ru = await mount(html`<retain-account-prompt lang="ru" order-id="P-1" incentive-points="21"></retain-account-prompt>`);
      expect(text(ru)).to.contain('Получите 21 балл за этот заказ').and.contain('Создать аккаунт');
      const uk = await mount(
        html`<div lang="uk"><retain-account-prompt order-id="P-2" incentive-points="3"></retain-account-prompt></div>`,
      );
      expect(text(uk)).to.contain('Отримайте 3 бали за це замовлення');
      const hu = await mount(html`<retain-account-prompt lang="hu-HU" order-id="P-3" incentive-points="1500"></retain-account-prompt>`);
      // The engine's own Hungarian digits: '1500', or '1 500' with a (narrow) no-break space in WebKit.
      const points = new Intl.NumberFormat('hu').format(1500).replace(/\s+/g, ' ');
      expect(text(hu)).to.contain(`Szerezz ${points} pontot`).and.contain('Fiók létrehozása');
      expect($(hu, 'section')!.lang).to.equal('hu');
    });
  });

  describe('never nagging', () => {
    it('"No thanks" snoozes this device: no prompt for another order here or in a fresh page, until the snooze ends', async () => {
      const el = await mount(html`<retain-account-prompt order-id="N-1" snooze="2d"></retain-account-prompt>`);
      const before = Date.now();
      dismiss(el).click();
      const dismissed = await oneEvent(el, 'retain-account-dismissed');
      expect(dismissed.detail.snoozedUntil).to.be.within(before + 2 * DAY, Date.now() + 2 * DAY);
      expect(named('retain-account-dismissed')).to.have.length(1);
      expect(named('retain-account-dismissed')[0].detail.counters).to.deep.equal({ dismissed: 1 });
      await el.updateComplete;
      expect(text(el)).to.contain('we won’t ask again');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.note'));
      await expect(el).to.be.accessible();

      const later = await mount(html`<retain-account-prompt order-id="N-2"></retain-account-prompt>`);
      expect(await later.decision, 'another order, same page').to.equal(false);

      // A fresh page (its own realm and modules, like a reload) in another tab reads the same snooze.
      const tab = await kit.openTab();
      await tab.load('/src/account-prompt/account-prompt.ts');
      const there = tab.window.document.createElement('retain-account-prompt') as Prompt;
      there.setAttribute('order-id', 'N-3');
      tab.window.document.body.append(there);
      expect(await there.decision, 'another tab').to.equal(false);

      const realNow = Date.now;
      Date.now = () => realNow() + 2 * DAY + 1000;
      try {
        const afterSnooze = await mount(html`<retain-account-prompt order-id="N-4"></retain-account-prompt>`);
        expect(await afterSnooze.decision, 'after the snooze').to.equal(true);
      } finally {
        Date.now = realNow;
      }
      // The order that was snoozed was not claimed: it may still be offered after the snooze.
      expect(await storage().get('state', orderKey('N-2'))).to.equal(undefined);
    });

    it('snooze="0" snoozes nothing', async () => {
      const el = await mount(html`<retain-account-prompt order-id="Z-1" snooze="0"></retain-account-prompt>`);
      dismiss(el).click();
      await oneEvent(el, 'retain-account-dismissed');
      const next = await mount(html`<retain-account-prompt order-id="Z-2"></retain-account-prompt>`);
      expect(await next.decision).to.equal(true);
    });
  });

  describe('sign-up', () => {
    it('json mode: posts the account request with consent proof; created fires after the 2xx answer', async () => {
      const el = await mount(
        html`<retain-account-prompt
          order-id="J-1"
          total="42.5"
          currency="eur"
          email=${EMAIL}
          action="/test-api/accounts?key=${kit.key}"
          mode="json"
          consent-version="consent-2024-05"
        ></retain-account-prompt>`,
      );
      const requests: RetainAccountRequestEvent[] = [];
      el.addEventListener('retain-account-request', (e) => requests.push(e));
      passwordInput(el)!.value = PASSWORD;
      box(el, 'email')!.click();
      const before = new Date().toISOString();
      submit(el).click();
      const created = await oneEvent(el, 'retain-account-created');
      const after = new Date().toISOString();

      expect(requests).to.have.length(1);
      const detail = requests[0].detail;
      expect(detail).to.include({ orderId: 'J-1', total: 42.5, currency: 'EUR', mode: 'json', email: EMAIL, password: PASSWORD });
      expect(detail.consent).to.include({ email: true, sms: false, textVersion: 'consent-2024-05' });
      expect(detail.consent.at >= before && detail.consent.at <= after, detail.consent.at).to.equal(true);
      expect(new Date(detail.consent.at).toISOString()).to.equal(detail.consent.at);

      const [arrived, ...more] = await received(kit.key);
      expect(more).to.have.length(0);
      expect(arrived.contentType).to.equal('application/json');
      expect(arrived.body).to.deep.equal({
        orderId: 'J-1',
        total: 42.5,
        currency: 'EUR',
        email: EMAIL,
        password: PASSWORD,
        consent: detail.consent,
        requestId: detail.id,
      });

      expect(created.detail).to.deep.include({ orderId: 'J-1', mode: 'json', consent: detail.consent, invited: false });
      expect(named('retain-account-created')).to.have.length(1);
      expect(named('retain-account-created')[0].detail.counters).to.deep.equal({ converted: 1 });
      await el.updateComplete;
      expect(text(el)).to.contain('Your account is ready').and.contain('Order J-1 is saved to it.');
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.note'));
      await expect(el).to.be.accessible();
    });

    it('once the account is created the card shrinks to one line where it was; a later page for the order keeps no space', async () => {
      const page = html`<div>
        <p id="above">Thank you for your order</p>
        <retain-account-prompt order-id="H-1" email=${EMAIL} password="optional"></retain-account-prompt>
        <p id="below">Your tea</p>
      </div>`;
      let root = await fixture<HTMLElement>(page);
      let el = root.querySelector<Prompt>('retain-account-prompt')!;
      await el.decision;
      await el.updateComplete;
      const top = (selector: string) => root.querySelector(selector)!.getBoundingClientRect().top;
      const before = { above: top('#above'), prompt: top('retain-account-prompt'), height: el.getBoundingClientRect().height };
      el.addEventListener('retain-account-request', (event) => event.respondWith(Promise.resolve()));
      passwordInput(el)!.value = PASSWORD;
      submit(el).click();
      await oneEvent(el, 'retain-account-created');
      await el.updateComplete;

      // Nothing above moves; the card holds one line of text and its padding, nothing else.
      expect({ above: top('#above'), prompt: top('retain-account-prompt') }).to.deep.equal({ above: before.above, prompt: before.prompt });
      const note = $(el, '.note')!;
      const card = $(el, '[part~=base]')!;
      const style = getComputedStyle(card);
      const frame = ['paddingTop', 'paddingBottom', 'borderTopWidth', 'borderBottomWidth'] as const;
      const lineHeight = parseFloat(getComputedStyle(note).lineHeight);
      expect(note.getBoundingClientRect().height, 'the note is one line').to.be.below(lineHeight * 1.5);
      const room = frame.reduce((sum, side) => sum + parseFloat(style[side]), note.getBoundingClientRect().height);
      expect(el.getBoundingClientRect().height, 'the card is its note').to.be.closeTo(room, 1);
      expect(el.getBoundingClientRect().height).to.be.below(before.height / 3);
      expect(text(el)).to.contain('Your account is ready.').and.contain('Order H-1 is saved to it.');
      await expect(el).to.be.accessible();

      // A reload: the same order's page again. The prompt takes no space at all.
      root.remove();
      root = await fixture<HTMLElement>(page);
      el = root.querySelector<Prompt>('retain-account-prompt')!;
      expect(await el.decision).to.equal(false);
      expect(el.getBoundingClientRect().height).to.equal(0);
      const above = root.querySelector('#above')!.getBoundingClientRect();
      const gap = top('#below') - above.bottom;
      expect(gap, 'the paragraphs meet as if there were no prompt').to.equal(
        parseFloat(getComputedStyle(root.querySelector('#below')!).marginTop),
      );
    });

    it('form mode: a real form POST reaches the store (here into a named frame), consent fields included', async () => {
      const frame = `account-answer-${kit.key}`;
      const el = await mount(
        html`<div>
          <iframe name=${frame} title="The store's answer"></iframe>
          <retain-account-prompt order-id="F-1" email=${EMAIL} action="/test-api/accounts?key=${kit.key}" target=${frame} consent-version="v3">
          </retain-account-prompt>
        </div>`,
      );
      const form = $<HTMLFormElement>(el, 'form')!;
      expect(form.method).to.equal('post');
      expect(form.action).to.equal(new URL(`/test-api/accounts?key=${kit.key}`, location.href).href);
      const iframe = document.querySelector<HTMLIFrameElement>(`iframe[name="${frame}"]`)!;
      const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
      passwordInput(el)!.value = PASSWORD;
      box(el, 'sms')!.click();
      submit(el).click();
      await loaded;
      expect(iframe.contentDocument!.querySelector('#result')!.textContent).to.equal('Account created');
      const [arrived, ...more] = await received(kit.key);
      expect(more).to.have.length(0);
      expect(arrived.contentType).to.equal('application/x-www-form-urlencoded');
      const request = named('retain-account-request')[0].detail as { consent: { at: string } };
      expect(arrived.body).to.deep.equal({
        email: EMAIL,
        password: PASSWORD,
        consent_sms: 'yes',
        order_id: 'F-1',
        consent_version: 'v3',
        consent_at: request.consent.at,
      });
      await el.updateComplete;
      expect(text(el)).to.contain('Your request has been sent');
      // No 2xx can be read from a form navigation: no created event.
      expect(named('retain-account-created')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('an endpoint error keeps everything typed, says so, and the retry succeeds', async () => {
      const el = await mount(
        html`<retain-account-prompt
          order-id="E-1"
          email=${EMAIL}
          action="/test-api/accounts?key=${kit.key}&fail=1&message=Servers%20are%20busy"
          mode="json"
        ></retain-account-prompt>`,
      );
      emailInput(el).value = 'changed@example.com';
      passwordInput(el)!.value = PASSWORD;
      box(el, 'sms')!.click();
      submit(el).click();
      await waitUntil(() => alertText(el) !== '', 'no error was shown');
      expect(alertText(el)).to.contain('We couldn’t create your account').and.contain('Servers are busy');
      expect(emailInput(el).value).to.equal('changed@example.com');
      expect(passwordInput(el)!.value).to.equal(PASSWORD);
      expect(box(el, 'sms')!.checked).to.equal(true);
      expect(submit(el).textContent!.trim()).to.equal('Try again');
      expect(named('retain-account-created')).to.have.length(0);
      await expect(el).to.be.accessible();

      submit(el).click();
      await oneEvent(el, 'retain-account-created');
      const bodies = (await received(kit.key)).map((r) => r.body);
      expect(bodies).to.have.length(2);
      expect(bodies[1]).to.include({ email: 'changed@example.com', password: PASSWORD });
      expect(named('retain-account-request')).to.have.length(2);
      expect(named('retain-account-created')).to.have.length(1);
    });

    it('the request event can be cancelled: the store takes over and nothing is sent', async () => {
      const el = await mount(
        html`<retain-account-prompt order-id="C-1" email=${EMAIL} password="none" action="/test-api/accounts?key=${kit.key}" mode="json">
        </retain-account-prompt>`,
      );
      el.addEventListener('retain-account-request', (e) => e.preventDefault());
      submit(el).click();
      await oneEvent(el, 'retain-account-request');
      await waitUntil(() => named('retain-account-request').length === 1);
      await el.updateComplete;
      expect(named('retain-account-request')[0].cancelled).to.equal(true);
      expect(await received(kit.key)).to.deep.equal([]);
      expect($(el, 'form')).to.not.equal(null);
      expect(submit(el).getAttribute('aria-disabled')).to.equal('false');
      expect(named('retain-account-created')).to.have.length(0);
    });

    it('respondWith lets the store answer (event mode): a rejection shows its message, a fulfilment succeeds', async () => {
      const el = await mount(html`<retain-account-prompt order-id="W-1" email=${EMAIL} password="optional"></retain-account-prompt>`);
      // The store's second answer comes when the test has seen the busy state (a timer could beat axe on a loaded machine).
      let answer: (() => void) | undefined;
      const answers = [() => Promise.reject('That email already has an account'), () => new Promise<void>((resolve) => (answer = resolve))];
      el.addEventListener('retain-account-request', (e) => e.respondWith(answers.shift()!()));
      submit(el).click();
      await waitUntil(() => alertText(el) !== '');
      expect(alertText(el)).to.contain('That email already has an account');
      submit(el).click();
      await waitUntil(() => $(el, '[role="status"]')?.textContent!.trim() === 'Creating your account…');
      expect(getComputedStyle(submit(el)).opacity, 'looks busy').to.equal('0.7');
      await expect(el).to.be.accessible();
      // The request event follows the busy state once its count is stored: on a loaded machine, after axe is done.
      await waitUntil(() => answer !== undefined, 'the store was asked a second time');
      const creating = oneEvent(el, 'retain-account-created');
      answer!();
      const created = await creating;
      expect(created.detail).to.include({ mode: 'event', invited: true });
      await el.updateComplete;
      expect(text(el)).to.contain('We’ll email you a link to set your password.');
    });

    it('event mode with no one answering warns and keeps the form for a retry', async () => {
      const el = await mount(html`<retain-account-prompt order-id="W-2" email=${EMAIL} password="none"></retain-account-prompt>`);
      submit(el).click();
      await waitUntil(() => alertText(el) !== '');
      expect(kit.warnings.take()).to.have.length(1);
      expect(emailInput(el).value).to.equal(EMAIL);
    });

    it('password="none" leaves the field out and says a link will come; "optional" may stay empty', async () => {
      const none = await mount(
        html`<retain-account-prompt order-id="PW-1" password="none" email=${EMAIL} action="/test-api/accounts?key=${kit.key}" mode="json">
        </retain-account-prompt>`,
      );
      expect(passwordInput(none)).to.equal(null);
      expect(text(none)).to.contain('We’ll email you a link to set your password.');
      expect(text(none)).to.not.contain('Password');
      submit(none).click();
      await oneEvent(none, 'retain-account-created');
      expect((await received(kit.key))[0].body).to.not.have.property('password');

      const optional = await mount(
        html`<retain-account-prompt order-id="PW-2" password="optional" email=${EMAIL} action="/test-api/accounts?key=${kit.key}" mode="json">
        </retain-account-prompt>`,
      );
      expect(passwordInput(optional)!.required).to.equal(false);
      expect(text(optional)).to.contain('Password (optional)');
      submit(optional).click();
      await oneEvent(optional, 'retain-account-created');
    });

    it('validates the email as the HTML spec does, with clear localized messages, and sends nothing', async () => {
      const el = await mount(
        html`<retain-account-prompt order-id="V-1" password="none" action="/test-api/accounts?key=${kit.key}" mode="json">
        </retain-account-prompt>`,
      );
      const plainBorder = getComputedStyle(emailInput(el)).borderTopColor;
      submit(el).click();
      // The checks load with the rest of the actions' code, at the first submit here (no pointer, no focus before).
      await waitUntil(() => fieldError(el, 'email') !== '', 'no error was shown');
      expect(fieldError(el, 'email')).to.equal('Enter an email address like name@example.com.');
      // The looks of errors came with the actions' code.
      expect(getComputedStyle($(el, '#email-error')!).fontWeight).to.equal('600');
      expect(getComputedStyle(emailInput(el)).borderTopColor).to.not.equal(plainBorder);
      emailInput(el).value = 'ann@';
      emailInput(el).dispatchEvent(new Event('input'));
      await el.updateComplete;
      expect(fieldError(el, 'email'), 'typing clears the message').to.equal('');
      expect(emailInput(el).getAttribute('aria-invalid')).to.equal('false');
      expect(getComputedStyle(emailInput(el)).borderTopColor).to.equal(plainBorder);
      submit(el).click();
      await waitUntil(() => fieldError(el, 'email') !== '', 'no error was shown');
      expect(fieldError(el, 'email')).to.equal('Enter an email address like name@example.com.');
      expect(emailInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(emailInput(el).getAttribute('aria-describedby')).to.contain('email-error');
      expect(el.shadowRoot!.activeElement).to.equal(emailInput(el));
      await expect(el).to.be.accessible();
      expect(named('retain-account-request')).to.have.length(0);
      expect(await received(kit.key)).to.deep.equal([]);

      el.lang = 'ru';
      submit(el).click();
      await waitUntil(() => fieldError(el, 'email') === 'Введите адрес вида name@example.com.', fieldError(el, 'email'));
    });

    it('takes an address whose domain is not in Latin letters, as <input type=email> does, and sends its ASCII form', async () => {
      // Chromium's field gives the domain in ASCII; Firefox's keeps the Unicode, which the rule alone refused.
      const el = await mount(
        html`<retain-account-prompt order-id="I-1" email="anna@bücher.de" password="none" action="/test-api/accounts?key=${kit.key}" mode="json">
        </retain-account-prompt>`,
      );
      expect(kit.warnings.take(), 'the prefilled address is taken').to.deep.equal([]);
      el.addEventListener('retain-account-request', (e) => e.preventDefault());
      submit(el).click();
      const request = (await oneEvent(el, 'retain-account-request')) as CustomEvent<{ email: string }>;
      expect(request.detail.email).to.equal('anna@xn--bcher-kva.de');
      expect(asciiEmail('anna@bücher.de:80', EMAIL_PATTERN), 'a port is no domain').to.equal(null);
      expect(asciiEmail('ann@Example.com', EMAIL_PATTERN)).to.equal('ann@Example.com');
      expect(asciiEmail('anna@bü cher.de', EMAIL_PATTERN)).to.equal(null);
      expect(asciiEmail('änna@bücher.de', EMAIL_PATTERN), 'other letters before the @, as <input type=email>').to.equal(null);
    });

    it('a required password is asked for', async () => {
      const el = await mount(html`<retain-account-prompt order-id="V-2" email=${EMAIL}></retain-account-prompt>`);
      submit(el).click();
      await waitUntil(() => fieldError(el, 'password') !== '', 'no error was shown');
      expect(fieldError(el, 'password')).to.equal('Enter a password.');
      expect(el.shadowRoot!.activeElement).to.equal(passwordInput(el));
      expect(named('retain-account-request')).to.have.length(0);
    });

    it('its email rule agrees with <input type=email>', () => {
      const input = document.createElement('input');
      input.type = 'email';
      const samples = [
        'a@b',
        'a@b.c',
        'first.last+tag@example.co.uk',
        "o'hara@x.io",
        'a@-b.c',
        'a@b-.c',
        'a b@c.d',
        'a@b..c',
        '@b.c',
        'a@',
        'a@b_c.d',
        'ä@b.c',
        `a@${'x'.repeat(64)}.com`,
        `a@${'x'.repeat(63)}.com`,
      ];
      for (const sample of samples) {
        input.value = sample;
        expect(EMAIL_PATTERN.test(sample), sample).to.equal(!input.validity.typeMismatch);
      }
    });

    it('has-account: offers "log in to link this order" instead of a form', async () => {
      const el = await mount(
        html`<retain-account-prompt
          order-id="H-1"
          status="has-account"
          login-url="/login?order=H-1"
          email=${EMAIL}
        ></retain-account-prompt>`,
      );
      expect(emailInput(el)).to.equal(null);
      expect(text(el)).to.contain('Welcome back').and.contain('log in to link order H-1 to it.');
      const link = $<HTMLAnchorElement>(el, 'a[part="submit"]')!;
      expect(link.href).to.equal(new URL('/login?order=H-1', location.href).href);
      expect(link.textContent!.trim()).to.equal('Log in to link this order');
      expect(named('retain-account-shown')[0].detail.status).to.equal('has-account');
      await expect(el).to.be.accessible();
    });
  });

  describe('keyboard', () => {
    it('completes sign-up by keyboard alone', async () => {
      const root = await fixture<HTMLElement>(
        html`<div>
          <button id="before">before</button>
          <retain-account-prompt order-id="K-1" email=${EMAIL} action="/test-api/accounts?key=${kit.key}" mode="json"></retain-account-prompt>
        </div>`,
      );
      const el = root.querySelector('retain-account-prompt')!;
      await el.decision;
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('#before')!.focus();
      const focused = () => el.shadowRoot!.activeElement;
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(emailInput(el));
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(passwordInput(el));
      await sendKeys({ type: PASSWORD });
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(box(el, 'email'));
      await sendKeys({ press: 'Space' });
      expect(box(el, 'email')!.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(box(el, 'sms'));
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(submit(el));
      const created = oneEvent(el, 'retain-account-created');
      await sendKeys({ press: 'Enter' });
      await created;
      expect((await received(kit.key))[0].body).to.deep.include({ email: EMAIL, password: PASSWORD });
      expect(named('retain-account-created')[0].detail.consent).to.include({ email: true, sms: false });
      await el.updateComplete;
      expect(focused()).to.equal($(el, '.note'));
    });

    it('says "no thanks" by keyboard, and focus lands on the note that replaced the card', async () => {
      const el = await mount(html`<retain-account-prompt order-id="K-2" password="none" marketing="none"></retain-account-prompt>`);
      emailInput(el).focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(submit(el));
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(dismiss(el));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => named('retain-account-dismissed').length === 1);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '.note'));
    });
  });

  describe('privacy', () => {
    it('after a full flow the email and password are in no IndexedDB store and no forwarded event', async () => {
      const email = 'privacy.check+7@example.org';
      // A forwarder that is "offline": everything it is given waits in the outbox in IndexedDB.
      const handed: KitEventRecord[] = [];
      forward(
        (record) => {
          handed.push(record);
          throw new Error('offline');
        },
        { name: 'privacy-test' },
      );
      const page = await fixture<HTMLElement>(
        html`<div>
          <retain-order order-id="X-1" total="10"></retain-order>
          <retain-account-prompt
            order-id="X-1"
            total="10"
            email=${email}
            action="/test-api/accounts?key=${kit.key}&fail=1"
            mode="json"
          ></retain-account-prompt>
          <retain-account-prompt order-id="X-2" email=${email}></retain-account-prompt>
        </div>`,
      );
      const [el, other] = page.querySelectorAll('retain-account-prompt');
      await Promise.all([el.decision, other.decision]);
      await el.updateComplete;
      let domDetail: Record<string, unknown> | undefined;
      el.addEventListener('retain-account-request', (e) => (domDetail = { ...e.detail }));
      passwordInput(el)!.value = PASSWORD;
      box(el, 'email')!.click();
      box(el, 'sms')!.click();
      submit(el).click();
      await waitUntil(() => alertText(el) !== '');
      submit(el).click();
      await oneEvent(el, 'retain-account-created');
      dismiss(other).click();
      await oneEvent(other, 'retain-account-dismissed');

      // The page's own listener did get them (so the scans below would find them if they leaked).
      expect(domDetail).to.include({ email, password: PASSWORD });
      expect(named('retain-account-request')).to.have.length(2);
      for (const name of ['retain-account-shown', 'retain-account-created', 'retain-account-dismissed'])
        expect(named(name), name).to.not.be.empty;

      await waitUntil(async () => (await outboxStats()).queued >= 5, 'the outbox did not fill');
      expect(handed.map((r) => r.name)).to.include('retain-account-request');
      expect(kit.warnings.take().every((w) => w.includes('retainkit.forward() failed: offline'))).to.equal(true);
      const forwarded = JSON.stringify([kit.records, handed]);
      expect(forwarded).to.not.contain(email);
      expect(forwarded).to.not.contain(PASSWORD);
      expect(forwarded).to.contain('"consent"');

      const dump = await dumpDatabase(kit.db);
      for (const store of ['state', 'counters', 'orders', 'outbox']) expect(JSON.parse(dump)[store].keys, store).to.not.be.empty;
      expect(dump).to.contain(orderKey('X-1')).and.contain(SNOOZE_KEY);
      expect(dump.toLowerCase()).to.not.contain(email);
      expect(dump.toLowerCase()).to.not.contain('privacy.check');
      expect(dump).to.not.contain(PASSWORD);
    });

    it('a bad prefilled email is not repeated in the warning', async () => {
      const el = await mount(html`<retain-account-prompt order-id="B-0" email="secret-person@@example.com"></retain-account-prompt>`);
      const [warning, ...more] = kit.warnings.take();
      expect(more).to.have.length(0);
      expect(warning).to.contain('email=').and.contain('not a valid email address');
      expect(warning).to.not.contain('secret-person');
      expect(emailInput(el).value).to.equal('');
    });
  });

  describe('robustness', () => {
    it('bad attributes warn once each and fall back safely', async () => {
      const el = await mount(
        html`<retain-account-prompt
          order-id="B-1"
          email="not an email"
          action="javascript:alert(1)"
          mode="form"
          status="admin"
          incentive-points="lots"
          snooze="forever"
          marketing="email fax"
          variant="popup"
          password="maybe"
          currency="euro"
        ></retain-account-prompt>`,
      );
      el.requestUpdate();
      await el.updateComplete;
      const seen = kit.warnings.take();
      const about = (attr: string) => seen.filter((w) => w.includes(` ${attr}="`));
      for (const attr of ['email', 'action', 'status', 'incentive-points', 'snooze', 'marketing', 'variant', 'password', 'currency']) {
        expect(about(attr), attr).to.have.length(1);
      }
      expect(seen).to.have.length(9);
      expect(about('currency')[0]).to.contain('currency="euro" is not an ISO 4217 currency code such as EUR; using "USD" instead');
      expect(about('action')[0]).to.contain('javascript:alert(1)').and.contain('not an https: or relative URL');
      // Fallbacks: no action on the form (event mode), empty email, guest, default snooze, only the email box.
      expect($(el, 'form')!.hasAttribute('action')).to.equal(false);
      expect(emailInput(el).value).to.equal('');
      expect(passwordInput(el)!.required).to.equal(true);
      expect(box(el, 'email')).to.not.equal(null);
      expect(box(el, 'sms')).to.equal(null);
      expect(getComputedStyle($(el, '[part="base"]')!).position).to.equal('static');
      expect(el.shadowRoot!.querySelectorAll('li')).to.have.length(2);

      // The javascript: URL never runs: submitting goes to the event (answered here), not to a navigation.
      emailInput(el).value = EMAIL;
      passwordInput(el)!.value = PASSWORD;
      let currency: string | undefined;
      el.addEventListener('retain-account-request', (e) => {
        currency = e.detail.currency;
        e.respondWith(Promise.resolve());
      });
      submit(el).click();
      const created = await oneEvent(el, 'retain-account-created');
      expect(created.detail.mode).to.equal('event');
      expect(currency).to.equal('USD');
    });

    it('without an order id or a login URL for has-account it stays hidden, with one warning', async () => {
      const none = await mount(html`<retain-account-prompt email=${EMAIL}></retain-account-prompt>`);
      expect(await none.decision).to.equal(false);
      expect(none.hidden).to.equal(true);
      const noLogin = await mount(html`<retain-account-prompt order-id="H-2" status="has-account"></retain-account-prompt>`);
      expect(await noLogin.decision).to.equal(false);
      const seen = kit.warnings.take();
      expect(seen).to.have.length(2);
      expect(seen[0]).to.contain('needs an order-id');
      expect(seen[1]).to.contain('login-url');
      expect(kit.records).to.deep.equal([]);
    });

    it('reads its order once, at its first render: a changed order-id gets one warning and changes nothing', async () => {
      const el = await mount(html`<retain-account-prompt order-id="C-1" email=${EMAIL}></retain-account-prompt>`);
      expect(text(el)).to.contain('C-1');
      el.setAttribute('order-id', 'C-2');
      await el.updateComplete;
      expect(text(el)).to.contain('C-1').and.not.to.contain('C-2');
      expect(await storage().get('state', orderKey('C-2')), 'the other order is not claimed').to.equal(undefined);
      const said = kit.warnings.take();
      expect(said).to.have.length(1);
      expect(said[0]).to.contain('order-id="C-2" came after the first render').and.to.contain('order "C-1" is kept');
    });

    it('taken out of the page before it decided, it claims nothing; put back, it shows then', async () => {
      const el = document.createElement('retain-account-prompt') as Prompt;
      el.setAttribute('order-id', 'R-1');
      el.setAttribute('loading', 'eager');
      document.body.prepend(el);
      try {
        const putBack = await takenOut(el);
        expect(await storage().get('state', orderKey('R-1')), 'no showing claimed').to.equal(undefined);
        expect(kit.records).to.deep.equal([]);
        putBack();
        expect(await el.decision).to.equal(true);
        await waitUntil(() => named('retain-account-shown').length === 1, 'shown once it is back');
      } finally {
        el.remove();
      }
    });

    it('events fire once per shopper action, never on a property set by code', async () => {
      const el = await mount(html`<retain-account-prompt order-id="PS-1" email=${EMAIL}></retain-account-prompt>`);
      el.email = 'other@example.com';
      el.incentive = 'Free shipping';
      el.snooze = '1d';
      await el.updateComplete;
      expect(text(el)).to.contain('Free shipping');
      expect(kit.records.map((r) => r.name)).to.deep.equal(['retain-account-shown']);
    });

    it('keeps working in memory when IndexedDB is missing, with one warning', async () => {
      const original = Object.getOwnPropertyDescriptor(window, 'indexedDB')!;
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
      try {
        freshDatabase();
        const el = await mount(html`<retain-account-prompt order-id="M-1" email=${EMAIL}></retain-account-prompt>`);
        expect(await el.decision).to.equal(true);
        const again = await mount(html`<retain-account-prompt order-id="M-1"></retain-account-prompt>`);
        expect(await again.decision, 'still once per order, in memory').to.equal(false);
        dismiss(el).click();
        await oneEvent(el, 'retain-account-dismissed');
        const seen = kit.warnings.take();
        expect(seen).to.have.length(1);
        expect(seen[0]).to.contain('IndexedDB is unavailable');
      } finally {
        Object.defineProperty(window, 'indexedDB', original);
      }
    });
  });
});
