import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../../src/survey/survey.js';
import type { RetainSurvey } from '../../src/survey/survey.js';
import { SNOOZE_KEY, orderKey } from '../../src/survey/answers.js';
import { readCounters } from '../../src/core/counters.js';
import { forward, outboxStats } from '../../src/core/delivery.js';
import type { KitEventRecord } from '../../src/core/events.js';
import { storage } from '../../src/core/storage.js';
import { withoutIndexedDB } from '../support/database.js';
import { shownOfPairs } from '../support/tabs.js';
import { waitUntil } from '../support/wait.js';
import { takenOut } from '../support/taken-out.js';
import { testSetup } from '../support/test-setup.js';

const DAY = 86_400_000;
type Survey = RetainSurvey;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: Element | null) => (el?.shadowRoot ?? el)!.textContent!.replace(/\s+/g, ' ').trim();
const radios = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
const radio = (el: Element, score: number) => $<HTMLInputElement>(el, `input[value="${score}"]`)!;
const labelOf = (el: Element, input: HTMLInputElement) => text($(el, `label[for="${input.id}"]`));
const submit = (el: Element) => $<HTMLButtonElement>(el, '[part~=submit]')!;
const focused = (el: Element) => el.shadowRoot!.activeElement;

async function mount(template: ReturnType<typeof html>): Promise<Survey> {
  const root = await fixture<HTMLElement>(template);
  const el = (root.localName === 'retain-survey' ? root : root.querySelector('retain-survey')) as Survey;
  await el.decision;
  await el.updateComplete;
  return el;
}

/** Picks a score and sends it, as a pointer does. */
async function answer(el: Survey, score: number): Promise<void> {
  radio(el, score).click();
  submit(el).click();
  await waitUntil(() => $(el, 'textarea'), 'the follow-up is asked');
}

async function received(key: string): Promise<{ contentType: string; body: Record<string, unknown> }[]> {
  return (await fetch(`/test-api/survey/received?key=${key}`)).json();
}

describe('<retain-survey>', () => {
  const kit = testSetup();
  const { named } = kit;
  /** The clock before a test moves it (the setup puts it back after each test). */
  const realNow = Date.now;

  describe('asking', () => {
    it('asks NPS as a labelled radio group of 0 to 10, the ends said in words', async () => {
      const el = await mount(html`<retain-survey order-id="1001"></retain-survey>`);
      expect(await el.decision).to.equal(true);
      const fieldset = $(el, 'fieldset')!;
      expect(text(fieldset.querySelector('legend'))).to.equal('How likely are you to recommend us to a friend or colleague?');
      expect(radios(el).map((input) => input.value)).to.deep.equal(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
      expect(new Set(radios(el).map((input) => input.name)).size, 'one group').to.equal(1);
      expect(labelOf(el, radio(el, 0))).to.equal('0, Not at all likely');
      expect(labelOf(el, radio(el, 7))).to.equal('7');
      expect(labelOf(el, radio(el, 10))).to.equal('10, Extremely likely');
      expect(
        radios(el).some((input) => input.checked),
        'nothing chosen for the shopper',
      ).to.equal(false);
      expect(named('retain-survey-shown').map((r) => r.detail)).to.deep.equal([
        { ...named('retain-survey-shown')[0].detail, orderId: '1001', type: 'nps', widget: 'survey', counters: { seen: 1 } },
      ]);
      await expect(el).to.be.accessible();
    });

    it('asks CSAT as 1 to 5, each score named', async () => {
      const el = await mount(html`<retain-survey order-id="1002" type="csat" question="How was your tea?"></retain-survey>`);
      expect(text($(el, 'legend'))).to.equal('How was your tea?');
      expect(radios(el).map((input) => labelOf(el, input))).to.deep.equal([
        '1, Very dissatisfied',
        '2, Dissatisfied',
        '3, Neutral',
        '4, Satisfied',
        '5, Very satisfied',
      ]);
      await expect(el).to.be.accessible();
    });

    it('is answered by keyboard alone: arrows choose, the follow-up is optional, the thank-you says the score back', async () => {
      const root = await fixture<HTMLElement>(
        html`<div>
          <button id="before">before</button>
          <retain-survey order-id="K-1" action="/test-api/survey?key=${kit.key}" review-url="/reviews/new"></retain-survey>
        </div>`,
      );
      const el = root.querySelector('retain-survey')!;
      await el.decision;
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el), 'into the group').to.equal(radio(el, 0));
      for (let i = 0; i < 9; i++) await sendKeys({ press: 'ArrowRight' });
      expect(radio(el, 9).checked).to.equal(true);
      expect(focused(el)).to.equal(radio(el, 9));
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(submit(el));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === $(el, 'textarea'), 'focus moves to the follow-up');
      expect(text($(el, '[part~=given]'))).to.equal('You gave us 9 out of 10.');
      expect(text($(el, 'label[for=comment]'))).to.equal('What did you like most? (optional)');
      await waitUntil(() => named('retain-survey-answered').length === 1, 'the answer is announced');
      const answered = named('retain-survey-answered')[0].detail;
      expect(answered).to.include({ orderId: 'K-1', type: 'nps', score: 9, max: 10, category: 'promoter' });
      expect(answered.counters).to.deep.equal({ answered: 1 });
      await expect(el).to.be.accessible();

      await sendKeys({ type: 'The jasmine was lovely.' });
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal(submit(el));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focused(el) === $(el, '[part~=thanks]'), 'focus moves to the thank-you');
      expect(text($(el, '[part~=thanks]'))).to.equal('Thank you for your answer! You gave us 9 out of 10.');
      expect($<HTMLAnchorElement>(el, '[part~=review-link]')!.href).to.equal(new URL('/reviews/new', location.href).href);
      expect($(el, '[part~=support-link]')).to.equal(null);
      await waitUntil(() => named('retain-survey-commented').length === 1, 'the comment is announced');
      expect(named('retain-survey-commented')[0].detail).to.include({ answerId: answered.id, orderId: 'K-1' });
      await expect(el).to.be.accessible();

      const bodies = (await received(kit.key)).map((r) => r.body);
      const answer = {
        answerId: answered.id,
        orderId: 'K-1',
        instance: 'default',
        type: 'nps',
        score: 9,
        max: 10,
        category: 'promoter',
        language: 'en',
      };
      expect(bodies).to.deep.equal([answer, { ...answer, comment: 'The jasmine was lovely.' }]);
      expect((await received(kit.key))[0].contentType).to.equal('application/json');
    });

    it('asks for a score before sending, and sends nothing', async () => {
      const el = await mount(html`<retain-survey order-id="E-1" type="csat"></retain-survey>`);
      submit(el).click();
      await waitUntil(() => text($(el, '[role=alert]')) === 'Choose a score first.');
      expect(focused(el)).to.equal(radio(el, 1));
      await expect(el).to.be.accessible();
      radio(el, 4).click();
      await el.updateComplete;
      expect(text($(el, '[role=alert]')), 'choosing clears it').to.equal('');
      expect(named('retain-survey-answered')).to.have.length(0);
    });

    it('routes a detractor to support and never hides the score; review links go to everyone when asked to', async () => {
      const el = await mount(html`<retain-survey order-id="D-1" type="csat" review-url="/review" support-url="/help"></retain-survey>`);
      await answer(el, 2);
      expect(text($(el, 'label[for=comment]'))).to.equal('What could we have done better? (optional)');
      $<HTMLButtonElement>(el, '[part~=skip]')!.click();
      await waitUntil(() => $(el, '[part~=thanks]'));
      expect(text($(el, '[part~=thanks]'))).to.contain('You gave us 2 out of 5.');
      expect(text(el)).to.contain('Our support team will gladly help.');
      expect($(el, '[part~=review-link]'), 'no review link for a detractor').to.equal(null);
      await expect(el).to.be.accessible();
      const stay = (event: Event) => event.preventDefault();
      document.addEventListener('click', stay);
      try {
        $<HTMLAnchorElement>(el, '[part~=support-link]')!.click();
      } finally {
        document.removeEventListener('click', stay);
      }
      expect(named('retain-survey-link-followed').map((r) => r.detail)).to.deep.equal([
        {
          ...named('retain-survey-link-followed')[0].detail,
          link: 'support',
          category: 'detractor',
          url: new URL('/help', location.href).href,
        },
      ]);
      expect(named('retain-survey-commented'), 'a skipped follow-up sends nothing').to.have.length(0);

      const everyone = await mount(
        html`<retain-survey order-id="D-2" review-url="/review" support-url="/help" review-for="everyone"></retain-survey>`,
      );
      await answer(everyone, 3);
      $<HTMLButtonElement>(everyone, '[part~=skip]')!.click();
      await waitUntil(() => $(everyone, '[part~=thanks]'));
      expect(text(everyone)).to.contain('You gave us 3 out of 10.');
      expect($(everyone, '[part~=review-link]')).to.not.equal(null);
      expect($(everyone, '[part~=support-link]')).to.not.equal(null);
      await waitUntil(async () => (await readCounters('survey', 'default')).followed === 1);
    });

    it('keeps the comment when the store cannot be reached, and sends it on "Try again"', async () => {
      // fail=2: the score's request and the comment's first one fail.
      const el = await mount(html`<retain-survey order-id="F-1" action="/test-api/survey?key=${kit.key}&fail=2"></retain-survey>`);
      await answer(el, 5);
      const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
      textarea.value = 'Slow delivery';
      submit(el).click();
      await waitUntil(() => text($(el, '[role=alert]')).startsWith('We couldn’t send your comment.'), 'the failure is said');
      expect(textarea.value).to.equal('Slow delivery');
      expect(text(submit(el))).to.equal('Try again');
      await expect(el).to.be.accessible();
      submit(el).click();
      await waitUntil(() => $(el, '[part~=thanks]'), 'thanks after the retry');
      expect((await received(kit.key)).map((r) => r.body.comment)).to.deep.equal(['Slow delivery']);
      // The event follows its counter's write.
      await waitUntil(() => named('retain-survey-commented').length > 0, 'the comment is announced');
      expect(named('retain-survey-commented'), 'announced once, when it went through').to.have.length(1);
      // The score went in the background: its failure may be said before or after the comment's.
      const said = kit.warnings.take();
      expect(said).to.have.length(2);
      expect(said.filter((w) => w.includes('could not send the score'))).to.have.length(1);
      expect(said.filter((w) => w.includes('could not send the comment'))).to.have.length(1);
    });
  });

  describe('never nagging', () => {
    it('asks once per order: a later page for the same order stays hidden, another order is asked', async () => {
      const first = await mount(html`<retain-survey order-id="O-1"></retain-survey>`);
      first.remove();
      const again = await mount(html`<div><retain-survey order-id="O-1"></retain-survey></div>`);
      expect(await again.decision).to.equal(false);
      expect(again.hidden).to.equal(true);
      expect(again.getBoundingClientRect().height).to.equal(0);
      const other = await mount(html`<retain-survey order-id="O-2"></retain-survey>`);
      expect(await other.decision).to.equal(true);
      await answer(other, 8);
      expect(await storage().get('state', orderKey('O-2'))).to.have.keys(['shownAt', 'answeredAt']);
    });

    it('is decided once across two tabs: of two pages for one order opened together, exactly one asks', async () => {
      const tab = await kit.openTab();
      await tab.load('/src/survey/survey.ts');
      const orders = ['T-1', 'T-2', 'T-3'].map((id) => ({ 'order-id': id }));
      expect(await shownOfPairs(tab, 'retain-survey', orders)).to.deep.equal([1, 1, 1]);
    });

    it('"Not now" keeps this device quiet for the snooze, in a fresh page too, then asks again', async () => {
      const el = await mount(html`<retain-survey order-id="N-1" snooze="7d"></retain-survey>`);
      const before = Date.now();
      $<HTMLButtonElement>(el, '[part~=dismiss]')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => named('retain-survey-dismissed').length === 1);
      expect(named('retain-survey-dismissed')[0].detail.snoozedUntil).to.be.within(before + 7 * DAY, Date.now() + 7 * DAY);
      expect(named('retain-survey-dismissed')[0].detail.counters).to.deep.equal({ dismissed: 1 });
      expect(text(el)).to.equal('OK, we won’t ask again for now.');
      expect(focused(el)).to.equal($(el, '.note'));
      await expect(el).to.be.accessible();
      expect(await storage().get('state', SNOOZE_KEY)).to.have.property('until');

      const tab = await kit.openTab();
      await tab.load('/src/survey/survey.ts');
      const there = tab.window.document.createElement('retain-survey') as Survey;
      there.setAttribute('order-id', 'N-2');
      tab.window.document.body.append(there);
      expect(await there.decision, 'another order, another tab').to.equal(false);

      Date.now = () => realNow() + 7 * DAY + 1000;
      const later = await mount(html`<retain-survey order-id="N-3"></retain-survey>`);
      expect(await later.decision, 'after the snooze').to.equal(true);
      // A snoozed order was not claimed: it may be asked about after the snooze. The dismissed one never again.
      expect(await storage().get('state', orderKey('N-2'))).to.equal(undefined);
      const dismissedAgain = await mount(html`<retain-survey order-id="N-1"></retain-survey>`);
      expect(await dismissedAgain.decision).to.equal(false);
    });
  });

  describe('privacy', () => {
    it('stores neither the score nor the comment, and forwards no comment', async () => {
      const comment = 'Call me on +36 30 123 4567, Anna';
      const handed: KitEventRecord[] = [];
      forward(
        (record) => {
          handed.push(record);
          throw new Error('offline');
        },
        { name: 'survey-privacy' },
      );
      const el = await mount(html`<retain-survey order-id="X-1"></retain-survey>`);
      let pageDetail: Record<string, unknown> | undefined;
      el.addEventListener('retain-survey-commented', (event) => (pageDetail = { ...event.detail }));
      await answer(el, 6);
      $<HTMLTextAreaElement>(el, 'textarea')!.value = comment;
      submit(el).click();
      await waitUntil(() => named('retain-survey-commented').length === 1);
      expect(pageDetail, 'the page’s own listener gets it').to.include({ comment });
      await waitUntil(async () => (await outboxStats()).queued >= 3, 'the outbox did not fill');
      expect(kit.warnings.take().every((w) => w.includes('retainkit.forward() failed: offline'))).to.equal(true);
      expect(JSON.stringify([kit.records, handed])).to.not.contain('Anna');
      const rows = [];
      for (const store of ['state', 'outbox', 'counters'] as const) rows.push(...(await storage().getAll(store)));
      const dump = JSON.stringify(rows);
      expect(dump).to.contain(orderKey('X-1').split('/').pop());
      expect(dump).to.not.contain('Anna').and.not.contain('123 4567');
      expect(await storage().get('state', orderKey('X-1'))).to.have.keys(['shownAt', 'answeredAt']);
    });
  });

  describe('robustness', () => {
    it('bad attributes warn once each and fall back safely', async () => {
      const el = await mount(
        html`<retain-survey
          order-id="B-1"
          type="stars"
          action="javascript:alert(1)"
          snooze="forever"
          review-url="ftp://example.com/review"
          support-url="javascript:help()"
          review-for="all"
        ></retain-survey>`,
      );
      el.requestUpdate();
      await el.updateComplete;
      const seen = kit.warnings.take();
      const about = (attr: string) => seen.filter((w) => w.includes(` ${attr}="`));
      for (const attr of ['type', 'action', 'snooze', 'review-url', 'support-url', 'review-for'])
        expect(about(attr), attr).to.have.length(1);
      expect(seen).to.have.length(6);
      expect(radios(el), 'NPS').to.have.length(11);
      await answer(el, 10);
      $<HTMLButtonElement>(el, '[part~=skip]')!.click();
      await waitUntil(() => $(el, '[part~=thanks]'));
      expect($(el, 'a'), 'no unsafe link').to.equal(null);
    });

    it('without an order id stays hidden, with one warning', async () => {
      const el = await mount(html`<retain-survey></retain-survey>`);
      expect(await el.decision).to.equal(false);
      expect(el.hidden).to.equal(true);
      expect(kit.warnings.take()).to.satisfy((said: string[]) => said.length === 1 && said[0].includes('order-id="" is missing'));
      expect(kit.records).to.deep.equal([]);
    });

    it('reads its order once, at its first render: a later or changed order-id gets one warning and changes nothing', async () => {
      const late = await mount(html`<retain-survey></retain-survey>`);
      late.setAttribute('order-id', 'L-1');
      await late.updateComplete;
      expect(late.hidden).to.equal(true);
      const changed = await mount(html`<retain-survey order-id="L-2"></retain-survey>`);
      changed.setAttribute('order-id', 'L-3');
      await changed.updateComplete;
      await answer(changed, 3);
      await waitUntil(() => named('retain-survey-answered').length === 1, 'the answer is announced');
      // The order it asked about is the one answered, in the event and on the device; the other is not touched.
      expect(named('retain-survey-answered')[0].detail).to.include({ orderId: 'L-2', score: 3 });
      expect(await storage().get('state', orderKey('L-2'))).to.have.keys(['shownAt', 'answeredAt']);
      expect(await storage().get('state', orderKey('L-3'))).to.equal(undefined);
      const said = kit.warnings.take();
      expect(said.filter((line) => line.includes('came after the first render'))).to.have.length(2);
      expect(said.find((line) => line.includes('"L-3"'))).to.include('order "L-2" is kept');
    });

    it('taken out of the page before it decided, it claims nothing; put back, it asks then', async () => {
      const el = document.createElement('retain-survey') as Survey;
      el.setAttribute('order-id', 'R-1');
      el.setAttribute('loading', 'eager');
      document.body.append(el);
      try {
        const putBack = await takenOut(el);
        expect(await storage().get('state', orderKey('R-1')), 'no showing claimed').to.equal(undefined);
        expect(kit.records).to.deep.equal([]);
        putBack();
        expect(await el.decision).to.equal(true);
        await waitUntil(() => named('retain-survey-shown').length === 1, 'shown once it is back');
        expect(await storage().get('state', orderKey('R-1'))).to.have.keys(['shownAt']);
      } finally {
        el.remove();
      }
    });

    it('fires no event when code changes its properties', async () => {
      const el = await mount(html`<retain-survey order-id="P-1"></retain-survey>`);
      el.question = 'How was it?';
      el.type = 'csat';
      await el.updateComplete;
      expect(text($(el, 'legend'))).to.equal('How was it?');
      expect(radios(el)).to.have.length(5);
      expect(kit.records.map((r) => r.name)).to.deep.equal(['retain-survey-shown']);
    });

    it('keeps working in memory without IndexedDB, with one warning, still once per order', async () => {
      await withoutIndexedDB(async () => {
        const el = await mount(html`<retain-survey order-id="M-1"></retain-survey>`);
        expect(await el.decision).to.equal(true);
        const again = await mount(html`<retain-survey order-id="M-1"></retain-survey>`);
        expect(await again.decision).to.equal(false);
        await answer(el, 7);
        await waitUntil(() => named('retain-survey-answered').length === 1);
        const seen = kit.warnings.take();
        expect(seen).to.have.length(1);
        expect(seen[0]).to.contain('IndexedDB is unavailable');
      });
    });

    /**
     * The survey in a column `width` px wide (a 320 px page less the store's gutters), in a wide system font
     * (where a bold "10" is widest): the scores' boxes by row, each within its cell, none past the column.
     */
    async function scoresIn(width: number): Promise<DOMRect[][]> {
      // The survey is laid out by its own width (container queries), not the screen's, in every engine (WebKit's
      // MiniBrowser cannot make its window that narrow).
      const root = await fixture<HTMLElement>(
        html`<div style="width: ${width}px; font: 16px system-ui, sans-serif"><retain-survey order-id="W-${width}" lang="hu"></retain-survey></div>`,
      );
      const el = root.querySelector('retain-survey')!;
      await el.decision;
      await el.updateComplete;
      const column = root.getBoundingClientRect().right;
      const labels = radios(el).map((input) => $(el, `label[for="${input.id}"]`)!);
      for (const label of labels) {
        expect(label.getBoundingClientRect().right, `score ${label.textContent} within the column`).to.be.at.most(column);
        expect(label.scrollWidth, `score ${label.textContent} fits its box`).to.be.at.most(label.clientWidth);
        expect(label.getBoundingClientRect().width, `score ${label.textContent} fits its cell`).to.be.at.most(
          label.parentElement!.getBoundingClientRect().width + 0.5,
        );
      }
      expect($(el, '[part~=base]')!.scrollWidth).to.be.at.most($(el, '[part~=base]')!.clientWidth + 1);
      const rows = new Map<number, DOMRect[]>();
      for (const box of labels.map((label) => label.getBoundingClientRect())) {
        const top = Math.round(box.top);
        rows.set(top, [...(rows.get(top) ?? []), box]);
      }
      // Each score at least 24 px from the next one's centre: WCAG 2.2's target size (its spacing rule).
      for (const row of rows.values()) for (let i = 1; i < row.length; i++) expect(row[i].left - row[i - 1].left).to.be.at.least(24);
      return [...rows.values()];
    }

    it('fits eleven scores in one row on a 320 px phone, 24 px apart', async () => {
      const rows = await scoresIn(320 - 2 * 16);
      expect(
        rows.map((row) => row.length),
        'one row',
      ).to.deep.equal([11]);
    });

    it('puts the scores in two rows, 0–5 and 6–10, in a store’s narrower column on a phone (256 px)', async () => {
      const rows = await scoresIn(320 - 2 * 32);
      expect(
        rows.map((row) => row.length),
        'two rows',
      ).to.deep.equal([6, 5]);
    });
  });

  describe('looks and languages', () => {
    it('speaks Russian, Ukrainian and Hungarian', async () => {
      const expected: Record<string, [string, string, string]> = {
        ru: ['Насколько вероятно, что вы порекомендуете нас другу или коллеге?', 'Ваша оценка: 9 из 10.', 'Что понравилось больше всего?'],
        uk: ['Наскільки ймовірно, що ви порекомендуєте нас другу чи колезі?', 'Ваша оцінка: 9 з 10.', 'Що сподобалося найбільше?'],
        hu: [
          'Mennyire valószínű, hogy ajánlanál minket egy barátodnak vagy ismerősödnek?',
          '10-ből 9 pontot adtál.',
          'Mi tetszett a legjobban?',
        ],
      };
      for (const [lang, [question, gave, follow]] of Object.entries(expected)) {
        const el = await mount(html`<retain-survey lang=${lang} order-id="L-${lang}"></retain-survey>`);
        expect(text($(el, 'legend'))).to.equal(question);
        expect($(el, '[part~=base]')!.lang).to.equal(lang);
        await answer(el, 9);
        expect(text($(el, '[part~=given]'))).to.equal(gave);
        expect(text($(el, 'label[for=comment]'))).to.contain(follow);
      }
    });

    it('is axe-clean in light and dark', async () => {
      for (const scheme of ['light', 'dark'] as const) {
        await emulateMedia({ colorScheme: scheme });
        try {
          const el = await mount(html`<retain-survey order-id="A-${scheme}" type="csat"></retain-survey>`);
          radio(el, 5).click();
          await expect(el).to.be.accessible();
        } finally {
          await emulateMedia({ colorScheme: 'light' });
        }
      }
    });
  });
});
