/**
 * The shopper's email, sent to the store's list (`email-endpoint`) when they spin: their explicit action,
 * with the marketing consent exactly as they left the box (unticked unless they ticked it) and the
 * consent text they saw, so that a store fills its list with HTML alone. The email is personal data: it
 * is never written to IndexedDB, never forwarded, and never sent again later: one POST, kept alive if
 * the shopper leaves the page meanwhile. Loaded with the spin (`spin.ts`).
 */
import type { RetainSpinWheel } from './spin-wheel.js';

/** What the store's endpoint receives, as JSON. */
export interface SpinEmail {
  email: string;
  /** Whether the shopper ticked the marketing-consent box: add the address to a marketing list only when true. */
  marketingConsent: boolean;
  /** The consent text the shopper saw (the `consent` slot, else the kit's own in their language). */
  consentText: string;
  lang: string;
  instance: string;
  campaign: string | null;
  /** The `id` of the `retain-spin-started` event of this spin. */
  spinId: string;
  /** When the shopper spun, ISO 8601. */
  at: string;
}

const TIMEOUT_MS = 15_000;

/** Sends the email of the spin `spinId` to `url`. Never rejects: a failure is said once, without the email. */
export async function sendEmail(
  el: RetainSpinWheel,
  url: string,
  spinId: string,
  personal: { email: string; marketingConsent: boolean },
): Promise<void> {
  const slotted = el.querySelector(':scope > [slot=consent]')?.textContent?.replace(/\s+/g, ' ').trim();
  const body: SpinEmail = {
    email: personal.email,
    marketingConsent: personal.marketingConsent,
    consentText: slotted || el.l.term('consent'),
    lang: el.l.language,
    instance: el.instanceName,
    campaign: el.campaign?.trim() || null,
    spinId,
    at: new Date().toISOString(),
  };
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify(body),
      keepalive: true,
      signal: AbortSignal.timeout?.(TIMEOUT_MS),
    });
    if (!response.ok) throw new Error(`the store answered ${response.status}`);
  } catch (error) {
    el.warn('send the email to its email-endpoint', error);
  }
}
