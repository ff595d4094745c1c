/**
 * What `<retain-survey>` does once the shopper acts: records the score (once per order), sends it, asks the
 * follow-up, sends the comment, says thank you with the score and the links the store chose; or "not now".
 * Its own chunk, loaded at the first sign of interest in the card (a pointer over it, focus in it) or at the
 * latest on "Send": a shopper who ignores the survey never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { makeDetail, type DetailFields, type RetainDetail } from '../core/events.js';
import { partTexts } from '../core/part-texts.js';
import { storage } from '../core/storage.js';
import { SNOOZE_KEY, categoryOf, orderKey, type OrderRow } from './answers.js';
import { actionStyles } from './survey.actions.styles.js';
import { actionTranslations } from './survey.actions.translations.js';
import {
  RetainSurveyAnsweredEvent,
  RetainSurveyCommentedEvent,
  RetainSurveyDismissedEvent,
  RetainSurveyLinkFollowedEvent,
} from './survey.events.js';
import type { SurveyHost } from './survey.host.js';
import { warn } from '../core/config.js';

const REQUEST_TIMEOUT_MS = 15_000;
/** A change of layout this soon after a click is the shopper's doing (browsers do not count it as a shift): 500 ms, less a margin. */
const INPUT_GRACE_MS = 400;
/** The longest comment sent: a paragraph or two, not a document. */
export const MAX_COMMENT = 2000;

type Host = SurveyHost;

const detail = <D extends RetainDetail>(host: Host, fields: DetailFields<D>) => makeDetail<D>(host.widgetName, host.instanceName, fields);

/** Each survey's texts and looks for what follows the question. */
const texts = partTexts(actionTranslations, actionStyles);

const max = (host: Host) => (host.cfg.type === 'nps' ? 10 : 5);

/** What the store's `action` receives: the answer, and then again with the comment. */
function body(host: Host, comment?: string): Record<string, unknown> {
  const { orderId, type } = host.cfg;
  return {
    answerId: host.answerId,
    orderId,
    instance: host.instanceName,
    type,
    score: host.score,
    max: max(host),
    category: host.category,
    language: texts.of(host).language,
    ...(comment ? { comment } : {}),
  };
}

async function send(action: string, payload: Record<string, unknown>): Promise<void> {
  const response = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(payload),
    credentials: 'same-origin',
    // Sent even when the shopper leaves the page right after.
    keepalive: true,
    signal: AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) throw new Error(`the store answered ${response.status}`);
}

/** Moves to `phase`; focus, which was on a control now gone, goes to what replaced it. */
function go(host: Host, phase: 'follow' | 'thanks' | 'snoozed', focus: string): void {
  host.phase = phase;
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(focus)?.focus());
}

/**
 * The shopper sent a score: recorded for the order in one transaction (so that it is answered once, whatever
 * the tabs), announced, sent to `action`, and the follow-up asked at once.
 */
export async function answer(host: Host, score: number): Promise<void> {
  await texts.ready(host);
  if (host.phase !== 'ask') return;
  const { orderId, type } = host.cfg;
  let first = true;
  try {
    first = await storage().transact(['state'], async (tx) => {
      const row = (await tx.get('state', orderKey(orderId))) as OrderRow | undefined;
      if (row?.answeredAt) return false;
      const now = Date.now();
      await tx.put('state', { shownAt: row?.shownAt ?? now, answeredAt: now } satisfies OrderRow, orderKey(orderId));
      return true;
    });
  } catch (error) {
    warn('<retain-survey> could not remember that this order was answered', error);
  }
  host.score = score;
  host.category = categoryOf(type, score);
  go(host, 'follow', 'textarea');
  if (!first) return;
  const event = new RetainSurveyAnsweredEvent(detail(host, { orderId, type, score, max: max(host), category: host.category }));
  host.answerId = event.detail.id;
  await host.tell('answered', event);
  if (host.cfg.action) {
    await send(host.cfg.action, body(host)).catch((error: unknown) => warn('<retain-survey> could not send the score to action', error));
  }
}

/** The follow-up was sent: announced and sent to `action` (kept on failure, to try again), then thanks. */
export async function comment(host: Host, form: HTMLFormElement): Promise<void> {
  await texts.ready(host);
  if (host.busy) return;
  const text = (form.elements.namedItem('comment') as HTMLTextAreaElement).value.trim().slice(0, MAX_COMMENT);
  if (!text) return thank(host, false);
  const { action, orderId } = host.cfg;
  const asked = performance.now();
  if (action) {
    host.busy = true;
    host.failed = false;
    try {
      await send(action, body(host, text));
    } catch (error) {
      warn('<retain-survey> could not send the comment to action', error);
      host.failed = true;
      return;
    } finally {
      host.busy = false;
    }
  }
  thank(host, performance.now() - asked > INPUT_GRACE_MS);
  await host.tell('commented', new RetainSurveyCommentedEvent(detail(host, { orderId, answerId: host.answerId, comment: text })));
}

/**
 * The thank-you. When it comes long after the shopper's click (`keepHeight`: the network was slow), the card keeps
 * the height it had, so that the page below does not move unasked.
 */
export function thank(host: Host, keepHeight: boolean): void {
  const base = host.renderRoot.querySelector<HTMLElement>('[part~=base]');
  if (keepHeight && base) base.style.minHeight = `${base.offsetHeight}px`;
  go(host, 'thanks', '[part~=thanks]');
}

/** "Not now": no survey on this device for the snooze; this order is not asked again either. */
export async function dismiss(host: Host): Promise<void> {
  await texts.ready(host);
  const snoozedUntil = Date.now() + host.cfg.snoozeMs;
  go(host, 'snoozed', '.note');
  try {
    await storage().put('state', { until: snoozedUntil }, SNOOZE_KEY);
  } catch (error) {
    warn('<retain-survey> could not remember "not now"', error);
  }
  await host.tell('dismissed', new RetainSurveyDismissedEvent(detail(host, { orderId: host.cfg.orderId, snoozedUntil })));
}

/** The follow-up, the thank-you or the "not now" note: what replaces the question. */
export function view(host: Host): TemplateResult {
  // The texts were awaited by the action that led here.
  const l = texts.of(host);
  const { cfg, category } = host;
  if (host.phase === 'snoozed') return html`<p class="note" tabindex="-1">${l.term('snoozed')}</p>`;
  const gave = l.term('gave', { score: host.score, max: max(host) });
  if (host.phase === 'follow') {
    const question =
      cfg.followUp ?? l.term(category === 'promoter' ? 'followPromoter' : category === 'passive' ? 'followPassive' : 'followDetractor');
    return html`<form novalidate @submit=${(event: SubmitEvent) => onComment(host, event)}>
      <p class="given" part="given">${gave}</p>
      <label for="comment" part="follow-up">${question} <span class="optional">(${l.term('optional')})</span></label>
      <textarea id="comment" name="comment" part="comment" rows="3" maxlength=${MAX_COMMENT} aria-describedby="comment-error"></textarea>
      <p class="sr" role="status">${host.busy ? l.term('sending') : ''}</p>
      <p class="error" role="alert" id="comment-error">${host.failed ? l.term('failed') : ''}</p>
      <div class="actions">
        <button class="primary" part="submit" aria-disabled=${host.busy ? 'true' : 'false'}>${host.failed ? l.term('retry') : host.t('send')}</button>
        <button type="button" class="secondary" part="skip" @click=${() => thank(host, false)}>${l.term('skip')}</button>
      </div>
    </form>`;
  }
  const review = cfg.reviewUrl && (category === 'promoter' || cfg.reviewFor === 'everyone') ? cfg.reviewUrl : null;
  const support = cfg.supportUrl && category === 'detractor' ? cfg.supportUrl : null;
  const link = (kind: 'review' | 'support', url: string) =>
    html`<a part="${kind}-link" href=${url} @click=${() => followed(host, kind, url)}>${l.term(kind)}</a>`;
  return html`<p class="note" part="thanks" tabindex="-1"><strong>${l.term('thanks')}</strong> ${gave}</p>
    ${support ? html`<p>${l.term('supportAsk')} ${link('support', support)}</p>` : nothing}
    ${review ? html`<p>${l.term('reviewAsk')} ${link('review', review)}</p>` : nothing}`;
}

function onComment(host: Host, event: SubmitEvent): void {
  event.preventDefault();
  void comment(host, event.currentTarget as HTMLFormElement);
}

/** A link of the thank-you leaves the page: the event goes first, then the count. */
function followed(host: Host, link: 'review' | 'support', url: string): void {
  void host.tell(
    'followed',
    new RetainSurveyLinkFollowedEvent(detail(host, { orderId: host.cfg.orderId, link, url, category: host.category })),
    true,
  );
}
