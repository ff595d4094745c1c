import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/referral/referral.js';
import type { RetainReferral } from '../../src/referral/referral.js';
import { rememberedKey } from '../../src/referral/referral-link.js';
import { readCounters } from '../../src/core/counters.js';
import { storage } from '../../src/core/storage.js';
import { stubClipboard } from '../support/clipboard.js';
import { withoutIndexedDB } from '../support/database.js';
import { waitUntil } from '../support/wait.js';
import { testSetup } from '../support/test-setup.js';

type El = RetainReferral;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
const copyButton = (el: Element) => $<HTMLButtonElement>(el, '[part~=copy-button]')!;
const channel = (el: Element, name: string) => $<HTMLAnchorElement>(el, `[part~=channel-${name}]`);
const channels = (el: Element) => [...el.shadowRoot!.querySelectorAll('[part~=channel]')].map((a) => a.getAttribute('part'));
const ANNA = 'https://store.example/?ref=ANNA10';

/** Mounts a referral and waits until it has decided (shown, hidden, or the store could not be reached). */
async function mount(template: ReturnType<typeof html>): Promise<El> {
  const root = await fixture<HTMLElement>(template);
  const el = (root.localName === 'retain-referral' ? root : root.querySelector('retain-referral')) as El;
  await el.ready;
  await el.updateComplete;
  return el;
}

/** A referral made in `doc` (this page or another tab's), added to its body. */
function make(doc: Document, attributes: Record<string, string>): El {
  const el = doc.createElement('retain-referral') as El;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  doc.body.append(el);
  made.push(el);
  return el;
}
const made: Element[] = [];

/** The Web Share API, as a browser without it (most desktops) or with it (phones): a stand-in that records. */
function webShare(kind: 'none' | 'ok' | 'cancel' | 'fail'): { calls: ShareData[]; restore: () => void } {
  const calls: ShareData[] = [];
  const share =
    kind === 'none'
      ? undefined
      : async (data: ShareData) => {
          calls.push(data);
          if (kind === 'cancel') throw new DOMException('Share canceled', 'AbortError');
          if (kind === 'fail') throw new DOMException('no share target', 'DataError');
        };
  const canShare = kind === 'none' ? undefined : (data: ShareData) => typeof data.text === 'string';
  Object.defineProperty(navigator, 'share', { configurable: true, value: share });
  Object.defineProperty(navigator, 'canShare', { configurable: true, value: canShare });
  return {
    calls,
    restore: () => {
      delete (navigator as unknown as Record<string, unknown>).share;
      delete (navigator as unknown as Record<string, unknown>).canShare;
    },
  };
}

async function received(key: string): Promise<unknown[]> {
  return (await fetch(`/test-api/referral/received?key=${key}`)).json();
}

describe('<retain-referral>', () => {
  let share: ReturnType<typeof webShare>;
  let clipboard: ReturnType<typeof stubClipboard>;
  let started: number;
  /** Keeps the page here when a share link is followed (the store's page would open the app). */
  const stay = (event: Event) => event.preventDefault();

  beforeEach(() => {
    // A millisecond after the last test's: an element of that test can be seen while its database is deleted, before
    // its fixture is removed, and its event dated the very millisecond this test began (Firefox under load: a second
    // "shown" in the next test). Waiting out the millisecond dates everything before this test earlier than it.
    const last = Date.now();
    while (Date.now() === last);
    started = Date.now();
    share = webShare('none');
    clipboard = stubClipboard();
    document.addEventListener('click', stay);
  });

  // Registered before the shared setup's, so that the referrals go before their database.
  afterEach(() => {
    document.removeEventListener('click', stay);
    for (const el of made.splice(0)) el.remove();
    share.restore();
    clipboard.restore();
  });

  const kit = testSetup();
  /** This test's events: an element of an earlier test may still be counting its own (its detail dates from then). */
  const ours = () => kit.records.filter((record) => (record.detail.timestamp as number) >= started);
  const named = (name: string) => ours().filter((record) => record.name === name);
  /** Shown once half in view and counted: counting waits for IndexedDB, which a loaded machine can make slow. */
  const whenShown = async () => {
    await waitUntil(() => named('retain-referral-shown').length > 0, 'shown', { timeout: 15_000 });
    const shown = named('retain-referral-shown').map(({ detail }) => ({ ...detail, timestamp: (detail.timestamp as number) - started }));
    expect(shown, `shown once (ms after the test began): ${JSON.stringify(shown)}`).to.have.length(1);
  };
  describe('the link from the store’s HTML', () => {
    it('says what the friend and the shopper get, and that the store gives the rewards; shown once, counted', async () => {
      const el = await mount(
        html`<retain-referral link=${ANNA} friend-gets="10%" you-get="5" currency="EUR" heading="Give 10 %, get €5"></retain-referral>`,
      );
      expect(el.hidden).to.equal(false);
      expect(text($(el, '[part~=title]'))).to.equal('Give 10 %, get €5');
      expect(text($(el, '[part~=friend-gets]'))).to.equal('10% off');
      const euros = new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(5);
      expect(text($(el, '[part~=you-get]'))).to.equal(`${euros} off`);
      expect(text($(el, '[part~=rewards]')))
        .to.contain('Your friend gets')
        .and.to.contain('You get');
      expect(text($(el, '[part~=note]'))).to.equal('The store gives the rewards on its own terms, once your friend has ordered.');
      expect(text($(el, '[part~=link]'))).to.equal(ANNA);
      await whenShown();
      expect(named('retain-referral-shown')[0].detail).to.include({ link: ANNA, code: null, source: 'link', widget: 'referral' });
      expect(named('retain-referral-shown')[0].detail.counters).to.deep.equal({ seen: 1 });
      await expect(el).to.be.accessible();
      el.requestUpdate();
      await el.updateComplete;
      expect(named('retain-referral-shown'), 'once per page view').to.have.length(1);
    });

    it('the store’s own words for the rewards are shown as written', async () => {
      const el = await mount(html`<retain-referral link=${ANNA} friend-gets="A free sample tin" you-get="100 points"></retain-referral>`);
      expect(text($(el, '[part~=friend-gets]'))).to.equal('A free sample tin');
      expect(text($(el, '[part~=you-get]'))).to.equal('100 points');
      expect(new URL(channel(el, 'whatsapp')!.href).searchParams.get('text')).to.equal(
        `A gift for you from a shop I like: A free sample tin. ${ANNA}`,
      );
    });

    it('without the Web Share API: copy and the share links, the whole way by keyboard, each counted once', async () => {
      const el = await mount(html`<retain-referral instance="keys" link=${ANNA} friend-gets="shipping"></retain-referral>`);
      expect($(el, '[part~=share-button]')).to.equal(null);
      expect(channels(el)).to.deep.equal([
        'channel channel-email',
        'channel channel-whatsapp',
        'channel channel-telegram',
        'channel channel-sms',
      ]);
      copyButton(el).focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => named('retain-referral-copied').length === 1, 'copied');
      expect(clipboard.written).to.deep.equal([ANNA]);
      expect(text(copyButton(el))).to.equal('Copied');
      expect(text($(el, '[role=status]')), 'the live region says so').to.equal('Link copied');
      expect(named('retain-referral-copied')[0].detail).to.include({ link: ANNA, copied: 'link' });
      expect(named('retain-referral-copied')[0].detail.counters).to.deep.equal({ copied: 1 });
      await expect(el).to.be.accessible();
      for (const name of ['email', 'whatsapp', 'telegram', 'sms']) {
        await sendKeys({ press: 'Tab' });
        expect(el.shadowRoot!.activeElement, name).to.equal(channel(el, name));
        await sendKeys({ press: 'Enter' });
        await waitUntil(() => named('retain-referral-shared').some((r) => r.detail.channel === name), `shared by ${name}`);
      }
      expect(named('retain-referral-shared').map((r) => r.detail.channel)).to.deep.equal(['email', 'whatsapp', 'telegram', 'sms']);
      expect(named('retain-referral-shared')[0].detail).to.include({ link: ANNA, code: null });
      await waitUntil(async () => (await readCounters('referral', 'keys')).shared === 4, 'shared counted');
      expect(await readCounters('referral', 'keys')).to.deep.equal({ seen: 1, copied: 1, shared: 4 });
      expect(channel(el, 'whatsapp')!.target).to.equal('_blank');
      expect(channel(el, 'whatsapp')!.rel).to.equal('noopener noreferrer');
      expect(text(channel(el, 'whatsapp'))).to.equal('WhatsApp (opens in a new tab)');
    });

    it('the share links carry the link and the message, encoded as each app documents', async () => {
      const el = await mount(
        html`<retain-referral code="ANNA10%/é" link-pattern="https://store.example/discount/{code}?x=1" friend-gets="15%"></retain-referral>`,
      );
      const link = 'https://store.example/discount/ANNA10%25%2F%C3%A9?x=1';
      expect(text($(el, '[part~=link]'))).to.equal(link);
      const message = 'A gift for you from a shop I like: 15% off.';
      const enc = encodeURIComponent;
      expect(channel(el, 'email')!.getAttribute('href')).to.equal(
        `mailto:?subject=${enc('A shop I like')}&body=${enc(`${message}\n\n${link}`)}`,
      );
      expect(channel(el, 'whatsapp')!.getAttribute('href')).to.equal(`https://wa.me/?text=${enc(`${message} ${link}`)}`);
      expect(channel(el, 'telegram')!.getAttribute('href')).to.equal(`https://t.me/share/url?url=${enc(link)}&text=${enc(message)}`);
      expect(channel(el, 'sms')!.getAttribute('href')).to.equal(`sms:?&body=${enc(`${message} ${link}`)}`);
      // Read back as the apps read them: the link arrives whole.
      expect(new URL(channel(el, 'telegram')!.href).searchParams.get('url')).to.equal(link);
      expect(new URL(channel(el, 'whatsapp')!.href).searchParams.get('text')).to.equal(`${message} ${link}`);
      expect(named('retain-referral-shown')).to.have.length.at.most(1);
      await whenShown();
      expect(named('retain-referral-shown')[0].detail).to.include({ link, code: 'ANNA10%/é', source: 'pattern' });
    });

    it('a code alone is shared as a code: copy code, no Telegram (it needs a link), the code in the message', async () => {
      const el = await mount(
        html`<retain-referral code="ANNA10" message="Use my code at Kettlebloom!" channels="whatsapp telegram email"></retain-referral>`,
      );
      expect(text($(el, '.label'))).to.equal('Your code');
      expect(text($(el, '[part~=link]'))).to.equal('ANNA10');
      expect(channels(el)).to.deep.equal(['channel channel-email', 'channel channel-whatsapp']);
      expect(new URL(channel(el, 'whatsapp')!.href).searchParams.get('text')).to.equal('Use my code at Kettlebloom! My code: ANNA10');
      copyButton(el).click();
      await waitUntil(() => named('retain-referral-copied').length === 1, 'copied');
      expect(clipboard.written).to.deep.equal(['ANNA10']);
      expect(text($(el, '[role=status]'))).to.equal('Code copied');
      expect(named('retain-referral-copied')[0].detail).to.include({ link: null, code: 'ANNA10', copied: 'code' });
    });

    it('where the clipboard is refused, selects the link and says how to copy it; nothing counted', async () => {
      clipboard.restore();
      clipboard = stubClipboard(true);
      const el = await mount(html`<retain-referral link=${ANNA}></retain-referral>`);
      copyButton(el).click();
      await waitUntil(() => text(el).includes('Select the text above to copy it.'), 'says how');
      expect(named('retain-referral-copied')).to.have.length(0);
      await expect(el).to.be.accessible();
    });
  });

  describe('the Web Share API', () => {
    it('where it exists, offers the device’s share sheet first, by keyboard, with the link and the message', async () => {
      share.restore();
      share = webShare('ok');
      const el = await mount(html`<retain-referral link=${ANNA} friend-gets="10%"></retain-referral>`);
      const button = $<HTMLButtonElement>(el, '[part~=share-button]')!;
      expect(text(button)).to.equal('Share…');
      expect(channels(el), 'the share sheet has the apps').to.deep.equal([]);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => named('retain-referral-shared').length === 1, 'shared');
      expect(share.calls).to.deep.equal([{ title: 'Invite a friend', text: 'A gift for you from a shop I like: 10% off.', url: ANNA }]);
      expect(named('retain-referral-shared')[0].detail).to.include({ channel: 'native', link: ANNA });
      expect(named('retain-referral-shared')[0].detail.counters).to.deep.equal({ shared: 1 });
      expect(text($(el, '[role=status]'))).to.equal('Shared');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement, 'then copy').to.equal(copyButton(el));
      await expect(el).to.be.accessible();
    });

    it('a cancelled share sheet is no share; a failed one offers the links instead, with one warning', async () => {
      share.restore();
      share = webShare('cancel');
      const el = await mount(html`<retain-referral link=${ANNA}></retain-referral>`);
      $<HTMLButtonElement>(el, '[part~=share-button]')!.click();
      await waitUntil(() => share.calls.length === 1, 'asked');
      await el.updateComplete;
      expect(named('retain-referral-shared')).to.deep.equal([]);
      expect($(el, '[part~=share-button]')).to.not.equal(null);
      share.restore();
      share = webShare('fail');
      el.requestUpdate();
      await el.updateComplete;
      $<HTMLButtonElement>(el, '[part~=share-button]')!.click();
      await waitUntil(() => channels(el).length === 4, 'the links instead');
      expect($(el, '[part~=share-button]')).to.equal(null);
      expect(named('retain-referral-shared')).to.deep.equal([]);
      const said = kit.warnings.take();
      expect(said).to.have.length(1);
      expect(said[0]).to.contain('the share sheet failed');
    });
  });

  describe('the link from the store’s endpoint', () => {
    const src = (query = '') => `/test-api/referral?key=${kit.key}${query}`;

    it('asks once per device: remembered, read back on the next page without asking', async () => {
      const el = await mount(html`<retain-referral referral-src=${src()} friend-gets="10%"></retain-referral>`);
      expect(await el.ready).to.equal(true);
      const link = `https://store.example/r/${kit.key}`;
      expect(text($(el, '[part~=link]'))).to.equal(link);
      expect(await received(kit.key)).to.deep.equal([{ instance: 'default' }]);
      expect(await storage().get('state', rememberedKey('default'))).to.include({ link, code: 'ANNA10' });
      await whenShown();
      expect(named('retain-referral-shown')[0].detail).to.include({ link, code: 'ANNA10', source: 'store' });
      el.remove();
      const again = await mount(html`<retain-referral referral-src=${src()}></retain-referral>`);
      expect(text($(again, '[part~=link]'))).to.equal(link);
      expect(await received(kit.key), 'not asked again').to.have.length(1);
    });

    it('set from script after the first render, the endpoint is asked then and its link shown', async () => {
      const el = await mount(html`<retain-referral></retain-referral>`);
      expect(el.hidden).to.equal(true);
      expect(kit.warnings.take()).to.satisfy((said: string[]) => said.length === 1 && said[0].includes('link="" is missing'));
      el.setAttribute('referral-src', src());
      const link = `https://store.example/r/${kit.key}`;
      await waitUntil(() => el.shadowRoot!.querySelector('[part~=link]')?.textContent?.trim() === link, 'the link is shown');
      expect(el.hidden).to.equal(false);
      expect(await received(kit.key)).to.deep.equal([{ instance: 'default' }]);
      await whenShown();
    });

    it('asks once across two tabs: the second tab shows the link the first was given', async () => {
      const tab = await kit.openTab();
      await tab.load('/src/referral/referral.ts');
      const here = make(document, { 'referral-src': src() });
      expect(await here.ready).to.equal(true);
      const there = make(tab.window.document, { 'referral-src': src() });
      expect(await there.ready).to.equal(true);
      await there.updateComplete;
      expect(text(there.shadowRoot!.querySelector('[part~=link]'))).to.equal(`https://store.example/r/${kit.key}`);
      expect(await received(kit.key)).to.have.length(1);
    });

    it('with remember="0" asks on every page and keeps nothing', async () => {
      await mount(html`<retain-referral referral-src=${src()} remember="0"></retain-referral>`);
      await mount(html`<retain-referral referral-src=${src()} remember="0"></retain-referral>`);
      expect(await received(kit.key)).to.have.length(2);
      expect(await storage().get('state', rememberedKey('default'))).to.equal(undefined);
    });

    it('puts a code the store answers without a link into link-pattern, encoded', async () => {
      const el = await mount(html`<retain-referral referral-src=${src('&code-only=1')} link-pattern="/discount/{code}"></retain-referral>`);
      expect(text($(el, '[part~=link]'))).to.equal(new URL('/discount/ANNA10%25', location.href).href);
    });

    it('while asking says so (axe-clean), then shows the link in the same space', async () => {
      const root = await fixture<HTMLElement>(
        html`<div><retain-referral referral-src=${src('&hold=1')} referral-timeout="60s"></retain-referral>
          <p id="after">after</p></div>`,
      );
      const el = root.querySelector<El>('retain-referral')!;
      await waitUntil(() => text($(el, '[role=status]')) === 'Getting your link…', 'asking');
      expect(text($(el, '[part~=link]'))).to.equal('Getting your link…');
      expect(copyButton(el).closest('[inert]'), 'nothing to copy yet').to.not.equal(null);
      await expect(el).to.be.accessible();
      const top = root.querySelector('#after')!.getBoundingClientRect().top;
      await fetch(`/test-api/referral/release?key=${kit.key}`, { method: 'POST' });
      expect(await el.ready).to.equal(true);
      await el.updateComplete;
      expect(text($(el, '[part~=link]'))).to.equal(`https://store.example/r/${kit.key}`);
      expect(root.querySelector('#after')!.getBoundingClientRect().top, 'nothing moved').to.equal(top);
      await expect(el).to.be.accessible();
    });

    it('a refusal (an empty answer or 204) hides it, taking no space; nothing remembered', async () => {
      for (const query of ['&refuse=1', '&empty=1']) {
        const el = await mount(html`<retain-referral instance="refused" referral-src=${src(query)}></retain-referral>`);
        expect(await el.ready, query).to.equal(false);
        expect(el.hidden).to.equal(true);
        expect(el.getBoundingClientRect().height).to.equal(0);
        await expect(el).to.be.accessible();
        el.remove();
      }
      expect(await storage().get('state', rememberedKey('refused'))).to.equal(undefined);
      expect(ours()).to.deep.equal([]);
    });

    it('when the store cannot be reached says so (axe-clean), and gets the link on "Try again" by keyboard', async () => {
      const el = await mount(html`<retain-referral referral-src=${src('&fail=1')}></retain-referral>`);
      expect(await el.ready).to.equal(false);
      expect(text($(el, '[role=alert]'))).to.equal('We couldn’t get your link just now.');
      expect(kit.warnings.take()).to.satisfy(
        (said: string[]) => said.length === 1 && said[0].includes('could not get a link from referral-src'),
      );
      await expect(el).to.be.accessible();
      $<HTMLButtonElement>(el, '[part~=retry-button]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => text($(el, '[part~=link]')) === `https://store.example/r/${kit.key}`, 'the link');
      await waitUntil(() => el.shadowRoot!.activeElement === copyButton(el), 'focus on copy');
      await expect(el).to.be.accessible();
    });

    it('an answer it cannot use (a javascript: link) is a failure, not a link', async () => {
      const el = await mount(html`<retain-referral referral-src=${src('&bad=1')}></retain-referral>`);
      expect(await el.ready).to.equal(false);
      expect($(el, '[part~=retry-button]')).to.not.equal(null);
      expect(el.shadowRoot!.innerHTML).to.not.contain('javascript:');
      const said = kit.warnings.take();
      expect(said).to.have.length(1);
      expect(said[0]).to.contain('not https: or relative');
    });

    it('opens IndexedDB only after its first render', async () => {
      const open = indexedDB.open.bind(indexedDB);
      let renderedAtOpen: boolean | undefined;
      const el = document.createElement('retain-referral') as El;
      el.setAttribute('referral-src', src());
      indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
        renderedAtOpen ??= (el.shadowRoot?.childElementCount ?? 0) > 0;
        return open(...args);
      };
      try {
        document.body.append(el);
        made.push(el);
        await el.ready;
      } finally {
        indexedDB.open = open;
      }
      expect(renderedAtOpen, 'rendered when IndexedDB was opened').to.equal(true);
    });
  });

  describe('robustness', () => {
    it('bad attributes warn once each and fall back safely: a bad link with a code shares the code', async () => {
      const el = await mount(
        html`<retain-referral
          link="javascript:alert(1)"
          code="ANNA10"
          referral-timeout="soon"
          remember="3x"
          friend-gets="150%"
          you-get="0"
          currency="EURO"
          channels="email fax"
          scheme="dim"
        ></retain-referral>`,
      );
      el.requestUpdate();
      await el.updateComplete;
      const seen = kit.warnings.take();
      const about = (attr: string) => seen.filter((w) => w.includes(` ${attr}="`));
      for (const attr of ['link', 'referral-timeout', 'remember', 'friend-gets', 'you-get', 'currency', 'channels', 'scheme']) {
        expect(about(attr), attr).to.have.length(1);
      }
      expect(seen).to.have.length(8);
      expect(about('link')[0]).to.contain('is not an https: or relative URL; the code is shared without it');
      expect(about('channels')[0]).to.contain('"fax" is not one of email, whatsapp, telegram, sms');
      expect(text($(el, '[part~=link]'))).to.equal('ANNA10');
      expect(el.shadowRoot!.innerHTML).to.not.contain('javascript:');
      expect($(el, '[part~=rewards]')).to.equal(null);
      expect(channels(el)).to.deep.equal(['channel channel-email']);
    });

    it('a javascript: link alone, or nothing at all, hides it with one warning', async () => {
      const bad = await mount(html`<retain-referral link="javascript:alert(1)"></retain-referral>`);
      expect(await bad.ready).to.equal(false);
      expect(bad.hidden).to.equal(true);
      const none = await mount(html`<retain-referral></retain-referral>`);
      expect(none.hidden).to.equal(true);
      const seen = kit.warnings.take();
      expect(seen).to.have.length(2);
      expect(seen[0]).to.contain('link="javascript:alert(1)" is not an https: or relative URL; nothing is shown');
      expect(seen[1]).to.contain('link="" is missing, and there is no code or referral-src; nothing is shown');
      expect(ours()).to.deep.equal([]);
    });

    it('a link-pattern without {code}, or not https:, warns once and shares the code alone', async () => {
      const plain = await mount(html`<retain-referral code="ANNA10" link-pattern="https://store.example/discount/"></retain-referral>`);
      const unsafe = await mount(html`<retain-referral code="ANNA10" link-pattern="javascript:alert('{code}')"></retain-referral>`);
      const seen = kit.warnings.take();
      expect(seen).to.have.length(2);
      expect(seen[0]).to.contain('has no {code} in it; the code is shared without a link');
      expect(seen[1]).to.contain('is not an https: or relative URL; the code is shared without a link');
      for (const el of [plain, unsafe]) {
        expect(text($(el, '[part~=link]'))).to.equal('ANNA10');
        expect(text(copyButton(el))).to.equal('Copy code');
      }
      const badCode = await mount(html`<retain-referral code="ANNA 10" link-pattern="/d/{code}"></retain-referral>`);
      expect(badCode.hidden).to.equal(true);
      expect(kit.warnings.take()).to.satisfy((said: string[]) => said.length === 1 && said[0].includes('"ANNA 10" is not a code'));
    });

    it('moved in the page before it was seen, it is still shown and counted once it comes into view', async () => {
      // Below the fold (drawn a screen ahead, not seen), then moved, as a framework rendering the page again does.
      // An instance of its own: an earlier test's card may still be counting "seen" for the default one.
      const root = await fixture<HTMLElement>(
        html`<div style="padding-top: 130vh"><retain-referral instance="moved" link=${ANNA}></retain-referral></div>`,
      );
      const el = root.querySelector('retain-referral') as El;
      await el.ready;
      try {
        el.remove();
        root.append(el);
        await new Promise(requestAnimationFrame);
        el.scrollIntoView();
        await whenShown();
        expect(named('retain-referral-shown')[0].detail.counters).to.deep.equal({ seen: 1 });
      } finally {
        window.scrollTo(0, 0);
      }
    });

    it('fires no event when code changes its properties', async () => {
      const el = await mount(html`<retain-referral link=${ANNA}></retain-referral>`);
      await whenShown();
      el.friendGets = '20%';
      el.link = 'https://store.example/?ref=OTHER';
      await el.updateComplete;
      expect(text($(el, '[part~=friend-gets]'))).to.equal('20% off');
      expect(text($(el, '[part~=link]')), 'the new link is shown').to.equal('https://store.example/?ref=OTHER');
      expect(ours().map((r) => r.name)).to.deep.equal(['retain-referral-shown']);
    });

    it('keeps working without IndexedDB: the link, copy, the endpoint (asked per page), with one warning', async () => {
      await withoutIndexedDB(async () => {
        const el = await mount(html`<retain-referral link=${ANNA}></retain-referral>`);
        copyButton(el).click();
        await waitUntil(() => named('retain-referral-copied').length === 1, 'copied');
        expect(named('retain-referral-copied')[0].detail.counters).to.deep.equal({ copied: 1 });
        const asked = await mount(
          html`<retain-referral instance="store" referral-src="/test-api/referral?key=${kit.key}"></retain-referral>`,
        );
        expect(text($(asked, '[part~=link]'))).to.equal(`https://store.example/r/${kit.key}`);
        const seen = kit.warnings.take();
        expect(seen).to.have.length(1);
        expect(seen[0]).to.contain('IndexedDB is unavailable');
      });
    });

    it('keeps nothing personal: the remembered link is the link and code', async () => {
      await mount(html`<retain-referral referral-src="/test-api/referral?key=${kit.key}"></retain-referral>`);
      const kept = (await storage().get('state', rememberedKey('default'))) as Record<string, unknown>;
      expect(Object.keys(kept).sort()).to.deep.equal(['at', 'code', 'link']);
    });
  });

  describe('looks and languages', () => {
    it('speaks Russian, Ukrainian and Hungarian, the share message too, with prices through Intl', async () => {
      const expected = {
        en: ['Invite a friend', 'Your friend gets', 'You get', 'Copy link', 'A gift for you from a shop I like:'],
        ru: ['Пригласите друга', 'Друг получит', 'Вы получите', 'Скопировать ссылку', 'Подарок от магазина, который мне нравится:'],
        uk: ['Запросіть друга', 'Друг отримає', 'Ви отримаєте', 'Скопіювати посилання', 'Подарунок від магазину, який мені подобається:'],
        hu: ['Hívd meg egy barátodat', 'A barátod kap', 'Te kapsz', 'Link másolása', 'Ajándék neked egy boltból, ami tetszik:'],
      };
      for (const [lang, [title, friend, you, copy, message]] of Object.entries(expected)) {
        const el = await mount(
          html`<retain-referral lang=${lang} instance=${lang} link=${ANNA} friend-gets="10%" you-get="1500" currency="HUF"></retain-referral>`,
        );
        expect(text($(el, '[part~=title]')), lang).to.equal(title);
        expect(text($(el, '[part~=rewards]')), lang)
          .to.contain(friend)
          .and.to.contain(you);
        expect(text(copyButton(el)), lang).to.equal(copy);
        const forints = new Intl.NumberFormat(lang, { style: 'currency', currency: 'HUF' }).format(1500).replace(/\s+/g, ' ');
        expect(text($(el, '[part~=you-get]')), lang).to.contain(forints);
        const sent = new URL(channel(el, 'whatsapp')!.href).searchParams.get('text')!;
        expect(sent, lang).to.contain(message);
        expect(sent.replace(/\s+/g, ' '), lang).to.contain(
          new Intl.NumberFormat(lang, { style: 'percent' }).format(0.1).replace(/\s+/g, ' '),
        );
        expect($(el, 'section')!.lang).to.equal(lang);
        // Out of the way: the next one renders only once near the viewport.
        el.remove();
      }
    });

    it('is axe-clean in light and dark, and follows a pinned scheme', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: scheme });
        try {
          const el = await mount(html`<retain-referral instance=${scheme} link=${ANNA} friend-gets="10%" you-get="10%"></retain-referral>`);
          await expect(el).to.be.accessible();
          el.remove();
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      }
      const dark = await mount(html`<retain-referral scheme="dark" link=${ANNA}></retain-referral>`);
      const light = await mount(html`<retain-referral scheme="light" link=${ANNA}></retain-referral>`);
      expect(getComputedStyle(copyButton(dark)).backgroundColor).to.not.equal(getComputedStyle(copyButton(light)).backgroundColor);
    });

    it('fits a 320 px phone: nothing wider than the column', async () => {
      const root = await fixture<HTMLElement>(
        html`<div style="box-sizing: border-box; width: 320px; padding: 0 16px">
          <retain-referral
            lang="hu"
            link="https://store.example/referral/a-rather-long-link-for-a-phone/ANNA10-1234567890-ABCDEFGHIJ"
            friend-gets="10%"
            you-get="1500"
            currency="HUF"
          ></retain-referral>
        </div>`,
      );
      const el = root.querySelector<El>('retain-referral')!;
      await el.ready;
      await el.updateComplete;
      const column = root.getBoundingClientRect().right - 16;
      for (const part of el.shadowRoot!.querySelectorAll<HTMLElement>('[part]')) {
        expect(part.getBoundingClientRect().right, part.getAttribute('part')!).to.be.at.most(column + 0.5);
      }
      expect($(el, '[part~=base]')!.scrollWidth).to.be.at.most($(el, '[part~=base]')!.clientWidth + 1);
    });
  });
});
