/**
 * Consent for analytics, on the device too: `granted` (forward, and keep what the kit counts),
 * `pending` (hold events and counts in memory, store nothing not strictly necessary), `denied` (forward
 * nothing, store nothing not strictly necessary; see device-consent.ts). The first source that says
 * something decides:
 *
 * 1. `retainkit.consent(state)`, the store's JavaScript (its own banner), at any time;
 * 2. the `consent` attribute of a `<retain-forward>` (HTML only; changing it at run time works too),
 *    read from the page until the element's code has loaded, so nothing is written before it has;
 * 3. Shopify's Customer Privacy API (`window.Shopify.customerPrivacy`) when the page is a Shopify
 *    storefront: loaded through `Shopify.loadFeatures` if needed, `pending` until it has loaded and
 *    while the visitor has not decided in a region that needs consent, followed on every change;
 * 4. otherwise `granted`: the store did not ask forwarding to wait.
 */
export type ConsentState = 'granted' | 'denied' | 'pending';

interface CustomerPrivacy {
  analyticsProcessingAllowed?(): boolean;
  currentVisitorConsent?(): { analytics?: string };
}

interface ShopifyGlobal {
  customerPrivacy?: CustomerPrivacy;
  loadFeatures?(features: { name: string; version: string }[], callback: (error?: unknown) => void): void;
}

const STATES: readonly ConsentState[] = ['granted', 'denied', 'pending'];
const said: { js?: ConsentState; html?: ConsentState } = {};
const listeners = new Set<(state: ConsentState) => void>();
let last: ConsentState | undefined;
let watching = false;
let shopifyFailed = false;

function shopify(): ConsentState | undefined {
  const shop = (window as { Shopify?: ShopifyGlobal }).Shopify;
  const api = shop?.customerPrivacy;
  if (!api) return shop?.loadFeatures && !shopifyFailed ? 'pending' : undefined;
  const analytics = api.currentVisitorConsent?.().analytics;
  if (analytics === 'no') return 'denied';
  return analytics === 'yes' || api.analyticsProcessingAllowed?.() ? 'granted' : 'pending';
}

/**
 * A `<retain-forward consent>` in the page whose code has not said it yet (it loads at idle, after the
 * widgets may have counted): its value, or `pending` for a bad one, as the element will decide.
 */
function declared(): ConsentState | undefined {
  if (typeof document === 'undefined') return undefined;
  const raw = document.querySelector('retain-forward[consent]')?.getAttribute('consent')?.trim().toLowerCase();
  if (raw === undefined) return undefined;
  return STATES.find((state) => state === raw) ?? 'pending';
}

/** The consent in force now. */
export function consent(): ConsentState {
  return said.js ?? said.html ?? declared() ?? shopify() ?? 'granted';
}

function changed(): void {
  const now = consent();
  if (now === last) return;
  last = now;
  for (const listener of [...listeners]) listener(now);
}

/** Sets consent from the store's JavaScript (`js`, wins) or a `<retain-forward consent>` (`html`); undefined clears. */
export function setConsent(state: ConsentState | undefined, source: 'js' | 'html' = 'js'): void {
  said[source] = state;
  changed();
}

/** Hears every change of the consent in force; starts following Shopify's API. */
export function onConsent(listener: (state: ConsentState) => void): () => void {
  if (!watching) {
    watching = true;
    last = consent();
    for (const event of ['visitorConsentCollected', 'shopifyCustomerPrivacyApiLoaded']) document.addEventListener(event, changed);
    const shop = (window as { Shopify?: ShopifyGlobal }).Shopify;
    if (shop?.loadFeatures && !shop.customerPrivacy) {
      try {
        shop.loadFeatures([{ name: 'consent-tracking-api', version: '0.1' }], (error) => {
          shopifyFailed = !!error;
          changed();
        });
      } catch {
        shopifyFailed = true;
      }
    }
  }
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Forgets what the store said (tests). */
export function resetConsent(): void {
  said.js = said.html = undefined;
  shopifyFailed = watching = false;
  last = undefined;
}
