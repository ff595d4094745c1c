/**
 * `POST /demo-api/accounts`: the demo store's account creation, the endpoint `<retain-account-prompt>`
 * posts to. Takes JSON (`mode="json"`: answers 201 JSON) or a form POST (`mode="form"`: answers a small
 * HTML page, as a store's own "account created" page would).
 *
 * Accounts live in this server's memory only, until it restarts. An address already known links the
 * order to that account (200). To see the error state and its retry: an address whose local part
 * contains `fail` (e.g. `fail@example.com`) fails once with 503, then works.
 */
import type { ServerResponse } from 'node:http';
import { readBody } from './body.ts';
import type { DemoRoute } from './plugin.ts';

/** The HTML spec's valid e-mail address, as the widget checks it. */
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

interface Account {
  orders: Set<string>;
  marketing: { email: boolean; sms: boolean; textVersion: string; at: string };
}

const accounts = new Map<string, Account>();
const failedOnce = new Set<string>();

interface SignUp {
  email: string;
  orderId: string;
  password: string;
  consent: Account['marketing'];
}

/** The two shapes the widget sends: its JSON body, or the fields of its form. */
function parse(contentType: string, raw: string): SignUp | null {
  if (contentType === 'application/json') {
    const body = JSON.parse(raw) as Record<string, unknown>;
    const consent = (body.consent ?? {}) as Record<string, unknown>;
    return {
      email: String(body.email ?? ''),
      orderId: String(body.orderId ?? ''),
      password: String(body.password ?? ''),
      consent: {
        email: consent.email === true,
        sms: consent.sms === true,
        textVersion: String(consent.textVersion ?? ''),
        at: String(consent.at ?? ''),
      },
    };
  }
  if (contentType === 'application/x-www-form-urlencoded') {
    const form = new URLSearchParams(raw);
    return {
      email: form.get('email') ?? '',
      orderId: form.get('order_id') ?? '',
      password: form.get('password') ?? '',
      consent: {
        email: form.get('consent_email') === 'yes',
        sms: form.get('consent_sms') === 'yes',
        textVersion: form.get('consent_version') ?? '',
        at: form.get('consent_at') ?? '',
      },
    };
  }
  return null;
}

function answer(res: ServerResponse, status: number, body: Record<string, unknown>): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const route: DemoRoute = {
  path: '/demo-api/accounts',
  async handle(req, res, next) {
    if (req.method !== 'POST') return next();
    const contentType = (req.headers['content-type'] ?? '').split(';')[0].trim();
    let signUp: SignUp | null;
    try {
      signUp = parse(contentType, await readBody(req));
    } catch {
      signUp = null;
    }
    if (!signUp) return answer(res, 400, { message: 'Send JSON or a form.' });
    const email = signUp.email.trim().toLowerCase();
    if (!EMAIL.test(email)) return answer(res, 422, { message: 'That email address is not valid.' });
    if (!signUp.orderId) return answer(res, 422, { message: 'No order to link.' });
    if (email.split('@')[0].includes('fail') && !failedOnce.has(email)) {
      failedOnce.add(email);
      return answer(res, 503, {});
    }
    // A moment of latency, so the demo shows the "creating your account…" state.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const known = accounts.get(email);
    const account = known ?? { orders: new Set<string>(), marketing: signUp.consent };
    account.orders.add(signUp.orderId);
    // Consent as last given, with its proof (the text version and the time), as a store would keep it.
    account.marketing = signUp.consent;
    accounts.set(email, account);
    const invited = !signUp.password;
    if (contentType === 'application/json') {
      return answer(res, known ? 200 : 201, { ok: true, linked: !!known, invited });
    }
    res.statusCode = known ? 200 : 201;
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Account created</title><link rel="stylesheet" href="/demo/shop.css">
<main class="wrap narrow"><h1>${known ? 'Order linked to your account' : 'Your account is ready'}</h1>
<p>Order ${escape(signUp.orderId)} is saved to it.${invited ? ' We’ll email you a link to set your password.' : ''}</p>
<p><a class="btn btn-primary" href="/demo/">Continue shopping</a></p></main></html>`);
  },
};

export default route;
