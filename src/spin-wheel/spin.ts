/**
 * A spin of the wheel, loaded when the shopper reaches for the wheel or spins: takes the spin (the
 * cooldown, atomic across tabs), gets the outcome (`outcome.ts`), turns the wheel to it by one
 * compositor animation (`rotation.ts`; at once under reduced motion), and shows the result (`result.ts`).
 */
import { makeDetail } from '../core/events.js';
import { randomFloat } from '../core/random.js';
import { storage } from '../core/storage.js';
import { clearCooldown, startCooldown } from '../core/cooldowns.js';
import { sendEmail } from './email.js';
import { askStore, drawWin, type Win } from './outcome.js';
import { landingRotation, mod } from './rotation.js';
import { MAX_DURATION, type RetainSpinWheel } from './spin-wheel.js';
import { RetainSpinEndedEvent, RetainSpinStartedEvent } from './result.events.js';

/** One compositor animation of the wheel's transform. */
function turn(el: RetainSpinWheel, from: number, to: number, duration: number, easing: string, iterations: number): Animation {
  return el.renderRoot
    .querySelector('.wheel')!
    .animate([{ transform: `rotate(${from}deg)` }, { transform: `rotate(${to}deg)` }], { duration, easing, iterations });
}

/** Stops the waiting spin where it is, keeping that angle as the start of the landing. */
function settle(el: RetainSpinWheel, waiting: Animation | undefined): void {
  if (!waiting) return;
  const progress = (Number(waiting.currentTime ?? 0) % 900) / 900;
  waiting.cancel();
  el.rotation += 360 * progress;
}

/** The spin's length: `--retain-spin-wheel-duration` if set, else `duration`; never over 5 s. */
function spinDuration(el: RetainSpinWheel): number {
  const custom = getComputedStyle(el).getPropertyValue('--retain-spin-wheel-duration').trim();
  const match = /^(\d*\.?\d+)(ms|s)$/.exec(custom);
  const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : el.durationMs;
  return Math.min(ms, MAX_DURATION);
}

/** Spins `el`, whose phase is already `spinning` (the wheel checked that it may). */
export async function spin(el: RetainSpinWheel, personal: { email?: string; marketingConsent?: boolean }): Promise<void> {
  const view = await el.result();
  await view.l.ready();
  const key = el.key;
  const slices = el.prizes;
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  el.said = view.l.term('spinning');
  let claimed = false;
  try {
    claimed = el.cooldownMs === 0 || (await startCooldown(`${key}/spin`, el.cooldownMs));
  } catch (error) {
    el.warn('record the spin', error);
  }
  if (claimed && el.cooldownMs) {
    el.cooldownEnd = Date.now() + el.cooldownMs;
    el.announce();
  }
  if (!claimed) {
    // Another tab (or an earlier visit) took the spin first.
    el.phase = 'loading';
    return el.refresh();
  }
  const started = new RetainSpinStartedEvent(
    makeDetail(el.widgetName, el.instanceName, { source: el.src ? 'store' : 'wheel', ...personal }),
  );
  el.tell(started, 'interacted');
  if (el.emailTo && personal.email)
    void sendEmail(el, el.emailTo, started.detail.id, { email: personal.email, marketingConsent: !!personal.marketingConsent });
  let win: Win;
  let waiting: Animation | undefined;
  try {
    if (el.src) {
      // The wheel turns while the store decides; the landing starts from wherever it has got to.
      if (!reduce) waiting = turn(el, el.rotation, el.rotation + 360, 900, 'linear', Infinity);
      win = await askStore(el.src, el.instanceName, slices, el.timeoutMs, el.ttlMs);
      await storage().put('state', win, `${key}/won`);
    } else {
      win = await drawWin(`${key}/won`, slices, el.ttlMs);
    }
  } catch (error) {
    el.warn('get the outcome; the shopper keeps the spin', error);
    settle(el, waiting);
    if (el.cooldownMs) {
      await clearCooldown(`${key}/spin`).catch(() => undefined);
      el.announce();
    }
    el.phase = 'loading';
    await el.refresh();
    el.failed = true;
    el.said = el.l.term('error');
    return el.focusNext();
  }
  settle(el, waiting);
  el.spunHere = true;
  el.announce();
  const from = el.rotation;
  const duration = spinDuration(el);
  const to = landingRotation(from, win.slice, el.layout, Math.max(2, Math.round(duration / 700)), randomFloat());
  el.rotation = mod(to, 360);
  if (reduce || !duration) el.fade = true;
  else {
    const turning = (el.animation = turn(el, from, to, duration, 'cubic-bezier(.1,.6,.2,1)', 1));
    await Promise.race([turning.finished.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, duration + 1000))]);
    // The wheel's own style already holds the end angle: let go of the animation (WebKit keeps it listed).
    turning.cancel();
    el.animation = undefined;
  }
  el.win = win;
  el.phase = 'won';
  el.now = Date.now();
  el.said = view.text(win);
  el.tell(
    new RetainSpinEndedEvent(
      makeDetail(el.widgetName, el.instanceName, {
        prize: win.label,
        slice: win.slice,
        type: win.type,
        code: win.code,
        expiresAt: win.expiresAt,
      }),
    ),
    'spun',
  );
  await el.focusNext();
}
