/**
 * What `<retain-account-prompt>` does when the shopper acts: sign-up (checking the fields, the consent
 * proof, the request event, the form POST or JSON fetch, the answer), "no thanks", and the notes that
 * close the prompt. Its own chunk, loaded at the first sign of interest in the card (a pointer over it,
 * focus in it) or at the latest on submit: a shopper who ignores the prompt never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { makeDetail, type DetailFields, type RetainDetail } from '../core/events.js';
import { partTexts } from '../core/part-texts.js';
import { storage } from '../core/storage.js';
import { RetainAccountCreatedEvent, RetainAccountDismissedEvent, RetainAccountRequestEvent } from './account-prompt.action-events.js';
import type { AccountConsent } from './account-prompt.events.js';
import type { AccountPromptHost } from './account-prompt.host.js';
import { actionStyles } from './account-prompt.actions.styles.js';
import { actionTranslations } from './account-prompt.actions.translations.js';
import { warn } from '../core/config.js';

const REQUEST_TIMEOUT_MS = 20_000;

type Host = AccountPromptHost;

const detail = <D extends RetainDetail>(host: Host, fields: DetailFields<D>) => makeDetail<D>(host.widgetName, host.instanceName, fields);

/** Each prompt's texts and looks for what follows an action. */
const texts = partTexts(actionTranslations, actionStyles);

/** Prompts whose shopper signed up without a password (the store emails a link to set one). */
const invitedHosts = new WeakSet<Host>();

const input = (form: HTMLFormElement, name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

/**
 * The closing notes: the account is ready, the form was sent, or "no thanks" was heard. One line where the
 * card was (the card shrinks to it; what is above does not move), so no empty space is left in the page.
 */
export function ending(host: Host, phase: 'done' | 'sent' | 'dismissed'): TemplateResult {
  // The texts were awaited by the action that led here.
  const l = texts.of(host);
  return html`
    <p tabindex="-1" class="note">
      ${
        phase === 'done'
          ? html`<span aria-hidden="true">✓ </span><strong>${l.term('doneTitle')}.</strong> ${l.term('done', { order: host.cfg.orderId })}
              ${invitedHosts.has(host) ? host.t('link') : ''}`
          : l.term(phase)
      }
    </p>
    ${host.cfg.slideIn ? html`<button class="secondary" part="dismiss" @click=${() => host.close()}>${l.term('close')}</button>` : nothing}
  `;
}

/** Ends in a closing note; focus, which was on a control now gone, moves to what replaced it. */
function finish(host: Host, phase: 'done' | 'sent' | 'dismissed'): void {
  host.phase = phase;
  void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>('[tabindex="-1"]')?.focus());
}

/**
 * `email` as a store's backend takes it, its domain in ASCII (`anna@bücher.de` → `anna@xn--bcher-kva.de`, what
 * Chromium's email field gives; Firefox's keeps the Unicode, which `pattern` alone refused), when it then keeps
 * `pattern` (the HTML spec's valid e-mail address); else null.
 */
export function asciiEmail(email: string, pattern: RegExp): string | null {
  const at = email.lastIndexOf('@');
  let domain = email.slice(at + 1);
  // The URL parser's IDNA, for a domain of letters, digits, dots and hyphens only (no port, path or user to drop).
  if (/[\u0080-\uffff]/.test(domain) && /^[\p{L}\p{M}\p{N}.-]+$/u.test(domain)) {
    try {
      domain = new URL(`http://${domain}`).hostname;
    } catch {
      return null;
    }
  }
  const ascii = `${email.slice(0, at)}@${domain}`;
  return at > 0 && pattern.test(ascii) ? ascii : null;
}

/**
 * The shopper submitted the form: check it (the element's `EMAIL_PATTERN` is given, so that this chunk
 * imports nothing from the element's), then hand the request to the store the configured way.
 */
export async function submit(host: Host, form: HTMLFormElement, emailPattern: RegExp): Promise<void> {
  const l = await texts.ready(host);
  if (host.phase === 'sending') return;
  const { cfg } = host;
  const emailInput = input(form, 'email')!;
  const passwordInput = input(form, 'password');
  const email = asciiEmail(emailInput.value.trim(), emailPattern);
  const password = passwordInput?.value ?? '';
  const errors = {
    email: email ? undefined : l.term('emailBad'),
    password: passwordInput && cfg.password === 'required' && !password ? l.term('pwMissing') : undefined,
  };
  host.errors = errors;
  if (!email || errors.password) {
    await host.updateComplete;
    (email ? passwordInput! : emailInput).focus();
    return;
  }
  const consent: AccountConsent = {
    email: !!input(form, 'consent_email')?.checked,
    sms: !!input(form, 'consent_sms')?.checked,
    textVersion: host.textVersion(),
    at: new Date().toISOString(),
  };
  host.phase = 'sending';
  host.failure = '';
  const { orderId, total, currency, mode } = cfg;
  const request = new RetainAccountRequestEvent(
    detail(host, { orderId, total, currency, mode, email, ...(password ? { password } : {}), consent }),
  );
  const proceed = await host.tell('interacted', request);
  const invited = !password;
  if (!proceed) {
    // The store took over: it answers through respondWith, or alone.
    if (request.response) await settle(host, request.response, consent, invited);
    else host.phase = 'invite';
  } else if (mode === 'form') {
    // The order and the consent proof join the POST as it is built (no hidden fields in the first render).
    form.addEventListener(
      'formdata',
      ({ formData }) => {
        formData.set('order_id', orderId);
        formData.set('consent_version', consent.textVersion);
        formData.set('consent_at', consent.at);
      },
      { once: true },
    );
    form.submit();
    finish(host, 'sent');
  } else if (mode === 'json') {
    const body = { orderId, total, currency, email, ...(password ? { password } : {}), consent, requestId: request.detail.id };
    await settle(host, send(cfg.action!, body), consent, invited);
  } else {
    warn('<retain-account-prompt> mode="event": no listener called respondWith() on retain-account-request.', host);
    host.phase = 'error';
  }
}

async function send(action: string, body: Record<string, unknown>): Promise<void> {
  const response = await fetch(action, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout?.(REQUEST_TIMEOUT_MS),
  });
  if (!response.ok) {
    const answer = await response.json().catch(() => null);
    throw typeof answer?.message === 'string' ? answer.message : response.status;
  }
}

/** Waits for the store's answer: success moves focus to the confirmation; failure keeps the form as typed. */
async function settle(host: Host, answer: Promise<unknown>, consent: AccountConsent, invited: boolean): Promise<void> {
  host.phase = 'sending';
  try {
    await answer;
  } catch (reason) {
    host.failure = typeof reason === 'string' ? reason.slice(0, 300) : '';
    host.phase = 'error';
    return;
  }
  if (invited) invitedHosts.add(host);
  finish(host, 'done');
  const { orderId, mode } = host.cfg;
  await host.tell('converted', new RetainAccountCreatedEvent(detail(host, { orderId, mode, consent, invited })));
}

/** "No thanks": snoozes this device (under `snoozeKey`), then closes (slide-in) or says so (inline). */
export async function dismiss(host: Host, snoozeKey: string): Promise<void> {
  await texts.ready(host);
  const snoozedUntil = Date.now() + host.cfg.snoozeMs;
  if (host.cfg.slideIn) host.close();
  else finish(host, 'dismissed');
  try {
    await storage().put('state', { until: snoozedUntil }, snoozeKey);
  } catch (error) {
    warn('<retain-account-prompt> could not remember "no thanks"', error);
  }
  await host.tell('dismissed', new RetainAccountDismissedEvent(detail(host, { orderId: host.cfg.orderId, snoozedUntil })));
}
