/**
 * The script of `spin-wheel-strict.html` (external: the page's policy refuses inline scripts). Records
 * every Content-Security-Policy violation from the start, points the kit at the test's database, then
 * loads the wheel, as a store's page would.
 */
import { useDatabase } from '../../src/core/storage.js';

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (event) =>
  violations.push(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'}: ${event.sample}`),
);
const errors: string[] = [];
addEventListener('error', (event) => errors.push(String(event.message)));
addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));

useDatabase(new URLSearchParams(location.search).get('db')!, { openTimeoutMs: 15_000 });

Object.assign(window, {
  violations,
  errors,
  strictReady: import('../../src/spin-wheel/spin-wheel.js').then(() => customElements.whenDefined('retain-spin-wheel')),
});
