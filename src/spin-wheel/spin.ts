/**
 * A spin of the wheel, loaded when the shopper reaches for the wheel or spins: takes the spin (`take.ts`:
 * the cooldown, the outcome and the counts in one transaction), or asks the store for the outcome
 * (`outcome.ts`), turns the wheel to it by one compositor animation (`rotation.ts`; at once under
 * reduced motion), and hands the result back. It sets nothing on the wheel: it is given what it needs,
 * tells the wheel what happened through the callbacks, and returns how the spin ended.
 */
import { clearCooldown } from '../core/cooldowns.js';
import { formatDuration, warn, warnInvalid } from '../core/config.js';
import { makeDetail } from '../core/events.js';
import { randomFloat } from '../core/random.js';
import { sendEmail } from './email.js';
import { focusNext } from './focus.js';
import { askStore, NothingLeft, type Win } from './outcome.js';
import { RetainSpinEndedEvent, RetainSpinStartedEvent } from './result.events.js';
import { landingRotation } from './landing.js';
import { mod, type Wedge } from './rotation.js';
import type { Slice } from './slices.js';
import type { RetainElement } from '../core/element.js';
import type { LocalizeController } from '../core/localize.js';
import { resultText, type ResultTexts } from './result.js';
import { MAX_DURATION, type Settings, type WheelCallbacks } from './state.js';
import { keepWin, takeSpin } from './take.js';
import type { WheelTerm } from './terms.js';

/** What a spin needs to know of its wheel: its settings, and (read only) what it shows. */
export interface SpinInput extends Settings {
  /** The wheel: named in warnings and events; its turning part, `--retain-spin-wheel-duration` and `consent` slot are read. */
  host: RetainElement & { campaign: string | null };
  /** The wheel's state key (`<key>/spin` the cooldown, `<key>/won` the win). */
  key: string;
  slices: Slice[];
  layout: Wedge[];
  /** The angle the wheel rests at. */
  rotation: number;
  personal: { email?: string; marketingConsent?: boolean };
  /** The texts of the result, in the shopper's language. */
  texts: ResultTexts;
  /** The wheel's texts: with `emailTo`, the consent text sent with the email (unless the `consent` slot has the store's) and the language. */
  l: LocalizeController<WheelTerm>;
}

/** What a spin asks of its wheel. */
export type SpinCallbacks = Pick<WheelCallbacks, 'show' | 'state' | 'tell' | 'changed' | 'rests' | 'turning' | 'reread' | 'loaded'>;

/** One compositor animation of the wheel's transform. */
function turn(disc: Element, from: number, to: number, duration: number, easing: string, iterations: number): Animation {
  return disc.animate([{ transform: `rotate(${from}deg)` }, { transform: `rotate(${to}deg)` }], { duration, easing, iterations });
}

/** Stops the turning while the store decides where it is; the angle it stopped at. */
function settle(waiting: Animation | undefined, from: number): number {
  if (!waiting) return from;
  const progress = (Number(waiting.currentTime ?? 0) % 900) / 900;
  waiting.cancel();
  return from + 360 * progress;
}

/** The spin's length: `--retain-spin-wheel-duration` if set, else `duration`; never over 5 s. */
function spinDuration(s: SpinInput): number {
  const custom = getComputedStyle(s.host).getPropertyValue('--retain-spin-wheel-duration').trim();
  const match = /^(\d*\.?\d+)(ms|s)$/.exec(custom);
  const ms = match ? Number(match[1]) * (match[2] === 's' ? 1000 : 1) : s.durationMs;
  return Math.min(ms, MAX_DURATION);
}

/** The store's outcome, warning (once) of an expiry that is no date. */
function askFor(s: SpinInput, src: string, instance: string): Promise<Win> {
  const badExpiry = (value: unknown) =>
    warnInvalid(
      s.host,
      'outcome-src',
      src,
      `answered expiresAt ${JSON.stringify(value)}, which is no date`,
      `the code expires in ${formatDuration(s.ttlMs)} (code-ttl) instead`,
    );
  return askStore(src, instance, s.slices, s.timeoutMs, s.ttlMs, badExpiry);
}

/**
 * Spins the wheel `s` describes (it checked that it may, and shows it spinning); has it show what
 * happens through `on`, up to the result, or (the spin not taken) what its device says again.
 */
export async function spin(s: SpinInput, on: SpinCallbacks): Promise<void> {
  on.show({ phase: 'spinning' }, s.texts.term('spinning'));
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const { src, host } = s;
  const widget = host.widgetName;
  const instance = host.instanceName;
  const owner = { key: s.key, widget, instance };
  const disc = host.renderRoot.querySelector('.wheel')!;
  const warnFailed = (what: string, error: unknown) => warn(`<${host.localName}> could not ${what}`, error);
  const taken = await takeSpin(owner, s.cooldownMs, src ? null : { slices: s.slices, ttlMs: s.ttlMs }).catch((error: unknown) => {
    // Nothing left to win (the last pool code went since the wheel read its pools): no spin taken, and the
    // wheel, reading its pools again, says so (and warns the store owner once).
    if (!(error instanceof NothingLeft)) warnFailed('record the spin; the shopper keeps the spin', error);
    return null;
  });
  // Another tab (or an earlier visit) took the spin first, it could not be recorded, or there is nothing to win.
  if (!taken) {
    const state = await on.reread();
    if (state.phase !== 'exhausted') return;
    on.show(state, s.texts.term('empty'));
    return focusNext(host, on);
  }
  const started = new RetainSpinStartedEvent(makeDetail(widget, instance, { source: src ? 'store' : 'wheel', ...s.personal }));
  started.detail.counters = { interacted: taken.counts.interacted };
  on.changed();
  on.tell(started);
  const { email, marketingConsent } = s.personal;
  if (s.emailTo && email) {
    const slotted = host.querySelector(':scope > [slot=consent]')?.textContent?.replace(/\s+/g, ' ').trim();
    const body = { email, marketingConsent: !!marketingConsent, consentText: slotted || s.l.term('consent'), lang: s.l.language, instance };
    void sendEmail(
      s.emailTo,
      { ...body, campaign: host.campaign?.trim() || null, spinId: started.detail.id, at: new Date().toISOString() },
      warnFailed,
    );
  }
  let win = taken.win;
  let spun = taken.counts.spun;
  let from = s.rotation;
  if (src) {
    // The wheel turns while the store decides; the landing starts from wherever it has got to.
    const waiting = reduce ? undefined : turn(disc, from, from + 360, 900, 'linear', Infinity);
    try {
      win = await askFor(s, src, instance);
      spun = await keepWin(owner, win);
      on.changed();
    } catch (error) {
      warnFailed('get the outcome; the shopper keeps the spin', error);
      if (s.cooldownMs) await clearCooldown(`${s.key}/spin`).catch(() => undefined);
      on.changed();
      on.rests(settle(waiting, from));
      // The shopper keeps the spin, and is told so.
      const state = await on.reread();
      on.show(state.phase === 'ready' ? { phase: 'failed' } : state, s.l.term('error'));
      return focusNext(host, on);
    }
    on.rests((from = settle(waiting, from)));
  }
  // The spin is taken and its outcome stored: from here on nothing may keep the shopper from the result.
  let fade = reduce;
  try {
    const duration = spinDuration(s);
    const to = landingRotation(from, win!.slice, s.layout, Math.max(2, Math.round(duration / 700)), randomFloat());
    on.rests(mod(to, 360));
    if (reduce || !duration) fade = true;
    else {
      const turning = turn(disc, from, to, duration, 'cubic-bezier(.1,.6,.2,1)', 1);
      on.turning(turning);
      await Promise.race([turning.finished.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, duration + 1000))]);
      // The wheel's own style already holds the end angle: let go of the animation (WebKit keeps it listed).
      turning.cancel();
    }
  } catch (error) {
    warnFailed('turn to the result; showing it at once', error);
    fade = true;
  }
  on.turning(undefined);
  const { slice, label: prize, type, code, expiresAt } = win!;
  const ended = new RetainSpinEndedEvent(makeDetail(widget, instance, { prize, slice, type, code, expiresAt }));
  ended.detail.counters = { spun: spun! };
  on.show({ phase: 'won', win: win!, cooldownEnd: taken.cooldownEnd, copied: null }, resultText(win!, s.texts), fade);
  on.tell(ended);
  return focusNext(host, on, true);
}
