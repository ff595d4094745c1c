/**
 * The shopper's email, sent to the store's list (`email-endpoint`) when they spin: their explicit action,
 * with the marketing consent exactly as they left the box (unticked unless they ticked it) and the
 * consent text they saw, so that a store fills its list with HTML alone. The email is personal data: it
 * is never written to IndexedDB, never forwarded, and never sent again later: one POST, kept alive if
 * the shopper leaves the page meanwhile. Loaded with the spin (`spin.ts`).
 */

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

/** Sends `body` to `url`. Never rejects: a failure is said once through `warn`, without the email. */
export async function sendEmail(url: string, body: SpinEmail, warn: (what: string, error: unknown) => void): Promise<void> {
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
    warn('send the email to its email-endpoint', error);
  }
}
