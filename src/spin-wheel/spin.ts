/**
 * A spin of the wheel, loaded when the shopper reaches for the wheel or spins: takes the spin (`take.ts`:
 * the cooldown, the outcome and the counts in one transaction), or asks the store for the outcome
 * (`outcome.ts`), turns the wheel to it by one compositor animation (`rotation.ts`; at once under
 * reduced motion), and hands the result back. It sets nothing on the wheel: it is given what it needs,
 * tells the wheel what happened through the callbacks, and returns how the spin ended.
 */
import { clearCooldown } from '../core/cooldowns.js';
import { formatDuration, warnInvalid } from '../core/config.js';
import { makeDetail } from '../core/events.js';
import { randomFloat } from '../core/random.js';
import { sendEmail } from './email.js';
import { askStore, type Win } from './outcome.js';
import { RetainSpinEndedEvent, RetainSpinStartedEvent } from './result.events.js';
import { landingRotation, mod, type Wedge } from './rotation.js';
import type { Slice } from './slices.js';
import { MAX_DURATION } from './state.js';
import { keepWin, takeSpin, type SpinOwner } from './take.js';

/** What a spin needs to know of its wheel. */
export interface SpinInput extends SpinOwner {
  /** The wheel element: named in warnings; its `--retain-spin-wheel-duration` and `consent` slot are read. */
  host: HTMLElement;
  /** The part that turns. */
  disc: Element;
  slices: Slice[];
  layout: Wedge[];
  /** The angle the wheel rests at. */
  rotation: number;
  cooldownMs: number;
  ttlMs: number;
  durationMs: number;
  timeoutMs: number;
  /** The store's outcome endpoint, checked; null: the wheel draws. */
  src: string | null;
  personal: { email?: string; marketingConsent?: boolean };
  /** With `require-email` and `email-endpoint`: where the email goes, and what is sent with it (the kit's consent text, unless the `consent` slot has the store's). */
  email: { to: string; consentText: string; lang: string; campaign: string | null } | null;
}

/** What the wheel hears while it spins. */
export interface SpinCallbacks {
  /** The spin is taken: the started event, counted, to emit. */
  started(event: RetainSpinStartedEvent): void;
  /** What the device remembers of the wheel changed (the spin taken, its outcome stored, or given back): for its twins. */
  changed(): void;
  /** The angle the wheel comes to rest at (a landing, or where the wait for the store stopped). */
  rests(rotation: number): void;
  /** The landing animation while it runs (skip finishes it), then undefined. */
  turning(animation: Animation | undefined): void;
  warn(what: string, error: unknown): void;
}

export type SpinEnd =
  /** Not taken: another tab took it, storage failed, or (`failed`) the store gave no outcome; the shopper keeps it. */
  | { taken: false; failed: boolean }
  | { taken: true; win: Win; cooldownEnd: number | null; fade: boolean; ended: RetainSpinEndedEvent };

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
function askFor(s: SpinInput, src: string): Promise<Win> {
  const badExpiry = (value: unknown) =>
    warnInvalid(
      s.host,
      'outcome-src',
      src,
      `answered expiresAt ${JSON.stringify(value)}, which is no date`,
      `the code expires in ${formatDuration(s.ttlMs)} (code-ttl) instead`,
    );
  return askStore(src, s.instance, s.slices, s.timeoutMs, s.ttlMs, badExpiry);
}

/** Spins the wheel `s` describes (it checked that it may); tells `on` what happens, and returns how it ended. */
export async function spin(s: SpinInput, on: SpinCallbacks): Promise<SpinEnd> {
  const reduce = matchMedia('(prefers-reduced-motion: reduce)').matches;
  const { src } = s;
  const taken = await takeSpin(s, s.cooldownMs, src ? null : { slices: s.slices, ttlMs: s.ttlMs }).catch((error: unknown) => {
    on.warn('record the spin; the shopper keeps the spin', error);
    return null;
  });
  // Another tab (or an earlier visit) took the spin first, or it could not be recorded.
  if (!taken) return { taken: false, failed: false };
  const started = new RetainSpinStartedEvent(makeDetail(s.widget, s.instance, { source: src ? 'store' : 'wheel', ...s.personal }));
  started.detail.counters = { interacted: taken.counts.interacted };
  on.changed();
  on.started(started);
  if (s.email && s.personal.email) {
    const { to, consentText, ...about } = s.email;
    const slotted = s.host.querySelector(':scope > [slot=consent]')?.textContent?.replace(/\s+/g, ' ').trim();
    const { email, marketingConsent } = s.personal;
    const body = { email, marketingConsent: !!marketingConsent, consentText: slotted || consentText, ...about, instance: s.instance };
    void sendEmail(to, { ...body, spinId: started.detail.id, at: new Date().toISOString() }, on.warn);
  }
  let win = taken.win;
  let spun = taken.counts.spun;
  let from = s.rotation;
  if (src) {
    // The wheel turns while the store decides; the landing starts from wherever it has got to.
    const waiting = reduce ? undefined : turn(s.disc, from, from + 360, 900, 'linear', Infinity);
    try {
      win = await askFor(s, src);
      spun = await keepWin(s, win);
      on.changed();
    } catch (error) {
      on.warn('get the outcome; the shopper keeps the spin', error);
      if (s.cooldownMs) await clearCooldown(`${s.key}/spin`).catch(() => undefined);
      on.changed();
      return { taken: false, failed: true };
    } finally {
      on.rests((from = settle(waiting, from)));
    }
  }
  // The spin is taken and its outcome stored: from here on nothing may keep the shopper from the result.
  let fade = reduce;
  try {
    const duration = spinDuration(s);
    const to = landingRotation(from, win!.slice, s.layout, Math.max(2, Math.round(duration / 700)), randomFloat());
    on.rests(mod(to, 360));
    if (reduce || !duration) fade = true;
    else {
      const turning = turn(s.disc, from, to, duration, 'cubic-bezier(.1,.6,.2,1)', 1);
      on.turning(turning);
      await Promise.race([turning.finished.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, duration + 1000))]);
      // The wheel's own style already holds the end angle: let go of the animation (WebKit keeps it listed).
      turning.cancel();
    }
  } catch (error) {
    on.warn('turn to the result; showing it at once', error);
    fade = true;
  }
  on.turning(undefined);
  const { slice, label: prize, type, code, expiresAt } = win!;
  const ended = new RetainSpinEndedEvent(makeDetail(s.widget, s.instance, { prize, slice, type, code, expiresAt }));
  ended.detail.counters = { spun: spun! };
  return { taken: true, win: win!, cooldownEnd: taken.cooldownEnd, fade, ended };
}
