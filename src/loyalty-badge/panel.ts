/**
 * The badge's panel (progress to the next tier, punch card, rewards, ways to earn; the guest view) and
 * what the badge says when the figures changed since the last visit. Loaded when the shopper reaches for
 * the badge (pointer over it, focus, opening) or when there is a change to announce, so a page that
 * only shows the badge never downloads it; the badge waits for it before it shows the open panel.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { emit, makeDetail, type DetailFields, type RetainDetail } from '../core/events.js';
import { LocalizeController } from '../core/localize.js';
import { adoptPartStyles } from '../core/parts.js';
import { keepInViewport } from '../core/placement.js';
import { styleProperties } from '../core/style-properties.js';
import type { BadgeHost, Figures } from './loyalty-badge.host.js';
import { RetainPointsChangedEvent, RetainRewardUnlockedEvent, RetainTierChangedEvent, type PointsSource } from './loyalty-badge.events.js';
import { panelStyles } from './panel.styles.js';
import { panelTranslations, type PanelTerm } from './panel.translations.js';
import { changesBetween, type Seen } from './changes.js';
import { pointsFor, punchCard, spendPerPoint, tierProgress, type Reward } from './program.js';

/** One badge's panel: its texts, looks and views. */
export class LoyaltyPanel {
  readonly l: LocalizeController<PanelTerm>;

  constructor(private readonly el: BadgeHost) {
    // A controller of the badge, so that the badge waits for the panel's texts before it updates.
    this.l = new LocalizeController<PanelTerm>(el, panelTranslations);
    adoptPartStyles(el, panelStyles);
  }

  private giftLabel(): string {
    return this.el.punchReward?.trim() || this.l.term('gift');
  }

  /**
   * Announces what changed between the last visit and now: one event per change, and the text for the
   * status line; `celebrate` when the change is good news.
   */
  async announce(before: Seen, now: Seen, source: PointsSource): Promise<{ said: string; celebrate: boolean }> {
    const el = this.el;
    const changes = changesBetween(before, now, el.program);
    await this.l.ready();
    const t = (term: PanelTerm, args?: Record<string, unknown>) => this.l.term(term, args);
    const detail = <D extends RetainDetail>(fields: DetailFields<D>) => makeDetail<D>(el.widgetName, el.instanceName, fields);
    const said: string[] = [];
    if (changes.points) {
      const { from, to, delta } = changes.points;
      emit(el, new RetainPointsChangedEvent(detail({ from, to, delta, source })));
      said.push(delta > 0 ? t('gained', { n: delta, total: to }) : t('balance', { total: to }));
    }
    if (changes.tier) {
      const { from, to, up } = changes.tier;
      emit(el, new RetainTierChangedEvent(detail({ from, to, up, source })));
      if (up && to) said.push(t('tierUp', { tier: to }));
    }
    for (const r of changes.unlocked) {
      emit(el, new RetainRewardUnlockedEvent(detail({ reward: r.id, label: r.label, cost: r.cost, source })));
      // An estimate unlocks nothing yet: the store has not confirmed the balance.
      said.push(t(source === 'estimate' ? 'unlockedOnceConfirmed' : 'unlocked', { label: r.label }));
    }
    if (changes.gift) {
      const label = this.giftLabel();
      emit(el, new RetainRewardUnlockedEvent(detail({ reward: 'punch-card', label, cost: 0, source })));
      said.push(t('punchDone', { label }));
    }
    const celebrate = (changes.points?.delta ?? 0) > 0 || !!changes.tier?.up || changes.unlocked.length > 0 || changes.gift;
    return { said: said.join(' '), celebrate };
  }

  private ways(guest: boolean): TemplateResult {
    const { el, l } = this;
    const p = el.program;
    const per = p.pointsPerUnit;
    const amount = per >= 1 ? 1 : spendPerPoint(p.currency, per);
    const price = l.currency(amount, p.currency, Number.isInteger(amount) ? { minimumFractionDigits: 0 } : {});
    return html`<p class="h">${l.term('ways')}</p>
      <ul class="small">
        ${per > 0 ? html`<li>${l.term('earnSpend', { n: per >= 1 ? per : 1, amount: price })}</li>` : nothing}
        ${p.punchEvery ? html`<li>${l.term('earnPunch', { label: this.giftLabel(), every: p.punchEvery })}</li>` : nothing}
        ${guest && p.signupBonus ? html`<li>${l.term('earnSignup', { n: p.signupBonus })}</li>` : nothing}
      </ul>`;
  }

  /** The guest view: what joining earns, the way to join, ways to earn, the first rewards. */
  guest(joinPoints: number): TemplateResult {
    const { el, l } = this;
    const rewards = el.program.rewards.slice(0, 3);
    return html`<p class="h">
        ${joinPoints ? l.term(el.cart === null ? 'joinPlain' : 'joinOrder', { n: joinPoints }) : el.l.term('program')}
      </p>
      ${el.join ? html`<p><a part="join" class="cta" href=${el.join}>${l.term('cta')}</a></p>` : nothing} ${this.ways(true)}
      ${
        rewards.length
          ? html`<p class="h">${l.term('rewards')}</p>
              <ul class="small">
                ${rewards.map((r) => html`<li>${r.label} · ${el.l.term('points', { n: r.cost })}</li>`)}
              </ul>`
          : nothing
      }`;
  }

  /** A member's panel: where the figures come from, the balance, tier progress, punch card, rewards. */
  member(f: Figures): TemplateResult {
    const { el, l } = this;
    const p = el.program;
    const progress = tierProgress(f.points, p.tiers, f.tier);
    const tier = el.tierOf(f);
    const every = p.punchEvery;
    const punch = every ? el.punchOrders(f) : null;
    const card = punch ? punchCard(punch.count, every) : null;
    const label = this.giftLabel();
    const within = p.rewards.filter((r) => r.cost <= f.points).slice(-3);
    const next = p.rewards.find((r) => r.cost > f.points);
    const pick = (r: Reward) => (e: Event) => el.choose(e, r, f.source);
    // A reward is ready only on a balance the store gave or signed; on an estimate, it will be once confirmed.
    const confirmed = f.source !== 'estimate';
    const cartPoints = el.cart === null ? 0 : pointsFor(el.cart, p.currency, p.pointsPerUnit);
    const sourceText = l.term(f.source === 'store' ? 'sourceStore' : f.source === 'verified' ? 'sourceVerified' : 'sourceEstimate');
    const toNext = progress.next ? l.term('toNext', { n: progress.toNext, tier: progress.next.name }) : '';
    return html`<p part="source" class="small source">${f.source === 'verified' ? '✓ ' : ''}${sourceText}</p>
      <p>
        <span part="points" class="big">${f.source === 'estimate' ? '≈ ' : ''}${el.l.term('points', { n: f.points })}</span>
        ${f.pending ? html`<br /><span class="small">${l.term('pending', { n: f.pending })}</span>` : nothing}
      </p>
      ${cartPoints ? html`<p part="cart-points" class="small">${l.term('cartEarns', { n: cartPoints })}</p>` : nothing}
      ${
        p.tiers.length
          ? html`<p class="h">${l.term('tier')}: ${tier ?? '—'}</p>
              ${
                progress.next
                  ? html`<div
                        part="progress"
                        class="bar"
                        role="progressbar"
                        aria-labelledby="next"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=${Math.round(progress.fraction * 100)}
                      >
                        <span ${styleProperties({ 'inline-size': `${progress.fraction * 100}%` })}></span>
                      </div>
                      <p id="next" class="small">${toNext}</p>`
                  : html`<p class="small">${l.term('top')}</p>`
              }`
          : nothing
      }
      ${
        card
          ? html`<p class="h">
                ${card.done === 0 && card.gifts > 0 ? l.term('punchDone', { label }) : l.term('punch', { done: card.done, every, label })}${
                  punch!.local ? ` (${el.l.term('estimate')})` : ''
                }
              </p>
              <ol part="punch-card" class="punches" aria-hidden="true">
                ${Array.from({ length: every }, (_, i) => html`<li class=${i < card.done ? 'on' : ''}></li>`)}
              </ol>`
          : nothing
      }
      ${
        within.length || next
          ? html`<p class="h">${l.term('rewards')}</p>
              <ul class="small">
                ${within.map((r) =>
                  confirmed
                    ? html`<li>
                        ${
                          r.href
                            ? html`<a part="reward" class="reward" href=${r.href} @click=${pick(r)}>${r.label}</a>`
                            : html`<button part="reward" class="reward" type="button" @click=${pick(r)}>${r.label}</button>`
                        }
                        · ${l.term('ready')}
                      </li>`
                    : html`<li>${r.label} · ${l.term('readyOnceConfirmed')}</li>`,
                )}
                ${next ? html`<li>${next.label} · ${l.term('toGo', { n: next.cost - f.points })}</li>` : nothing}
              </ul>`
          : nothing
      }
      ${this.ways(false)}`;
  }

  /**
   * The panel hangs from the badge's end; a badge near the other edge (a phone's header) would push it
   * off screen, so shift it back in. It is as wide as the viewport allows at most (`100vw` counts a
   * scrollbar that takes room from the page): narrower where the page is narrower. Measured once per opening.
   */
  place(): void {
    keepInViewport(this.el.renderRoot.querySelector<HTMLElement>('.panel')!);
  }
}
