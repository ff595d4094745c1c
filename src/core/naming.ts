/**
 * Standard names for forwarded events, opt-in per destination (`<retain-forward naming="…">`):
 *
 * - `ga4`: Google Analytics 4's recommended events where one fits (`view_promotion`, `sign_up`,
 *   `earn_virtual_currency`…), with their documented parameters, inside GA4's collection limits; the
 *   kit's own snake_case name otherwise.
 * - `segment`: the Segment spec's names (`Promotion Viewed`, `Coupon Applied`, `Signed Up`…), which
 *   RudderStack and PostHog also report on; a name in the spec's "Object Action" style otherwise.
 *
 * A recorded order is never named as a purchase (`purchase`, `Order Completed`) nor carries a revenue
 * field: the store's checkout reports the purchase, and a second one would double its revenue.
 *
 * `NAMING` is the kit's one list of events: it is keyed by every event the typed event classes declare on
 * `GlobalEventHandlersEventMap`, so an event without a mapping, or a mapping of no event, fails the
 * typecheck. The table of names in docs/forward.md is printed from it (`scripts/forwarding-doc.mjs`).
 */
import type { RetainDetail } from './events.js';
import type { OutboxRow } from './storage.js';

export type Naming = 'ga4' | 'segment';
export const NAMINGS: readonly Naming[] = ['ga4', 'segment'];

/** The name of every kit event, as its typed event class declares it. */
/** The kit's shopper-facing events (the owner's report, on the owner's own page, forwards nothing). */
export type KitEventName = Exclude<Extract<keyof GlobalEventHandlersEventMap, `retain-${string}`>, `retain-report-${string}`>;
/** The detail of a kit event, from its typed event class. */
export type DetailOf<K extends KitEventName> = GlobalEventHandlersEventMap[K] extends { detail: infer D } ? D : never;

/** An event in a tool's words: its name and the fields that carry the standard meaning. */
export interface Standard {
  /** The name; none for GA4: the kit's own name the GA4 way (`retain_spin_ended`). */
  name?: string;
  /** True for a name of the tool's own standard (a GA4 recommended event, a Segment spec event). */
  spec?: boolean;
  /** Standard fields, first in the payload. */
  fields?: Record<string, unknown>;
  /** GA4 ecommerce fields (promotion fields and `items`): under `ecommerce` in a dataLayer, flat for gtag. */
  ecommerce?: Record<string, unknown>;
  /** Detail fields the standard ones stand for, left out of the payload. */
  replaces?: string[];
}

interface EventNaming<D> {
  /** A GA4 recommended event, or standard fields under the kit's own name; none: the kit's name as it is. */
  ga4?(detail: D): Standard;
  /** A Segment spec event, or an "Object Action" name (alone, when nothing else changes). */
  segment: string | ((detail: D) => Standard);
}

const snake = (text: string) =>
  text
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/\W/g, '_')
    .toLowerCase();

/** The kit's own name the GA4 way: `retain-spin-ended` → `retain_spin_ended`. */
export const ga4Name = (event: string) => snake(event);

/** A spin wheel is an internal promotion: named by its instance. */
function promotion(d: RetainDetail) {
  return { promotion_id: `${d.widget}:${d.instance}`, promotion_name: d.instance, creative_name: d.widget };
}

function ga4Promotion(name: string, d: RetainDetail, slot?: string): Standard {
  const { promotion_id, promotion_name, creative_name } = promotion(d);
  return {
    name,
    spec: true,
    ecommerce: {
      promotion_id,
      promotion_name,
      creative_name,
      ...(slot && { creative_slot: slot }),
      // GA4 requires items on promotion events: the wheel itself is the one item promoted.
      items: [{ item_id: promotion_id, item_name: promotion_name }],
    },
    replaces: slot ? ['mode'] : [],
  };
}

function segmentPromotion(name: string, d: RetainDetail, position?: string): Standard {
  const { promotion_id, promotion_name, creative_name } = promotion(d);
  return {
    name,
    spec: true,
    fields: { promotion_id, creative: creative_name, name: promotion_name, ...(position && { position }) },
    replaces: position ? ['mode'] : [],
  };
}

const POINTS = 'points';
/** The recently viewed strip as a GA4 item list (`view_item_list`, `select_item`). */
const RECENTLY_VIEWED = { item_list_id: 'recently_viewed', item_list_name: 'Recently viewed' };

type Mappings = { [K in KitEventName]: EventNaming<DetailOf<K>> };

export const NAMING: Mappings = {
  'retain-spin-shown': {
    ga4: (d) => ga4Promotion('view_promotion', d, d.mode),
    segment: (d) => segmentPromotion('Promotion Viewed', d, d.mode),
  },
  'retain-spin-started': {
    ga4: (d) => ga4Promotion('select_promotion', d),
    segment: (d) => segmentPromotion('Promotion Clicked', d),
  },
  'retain-spin-ended': {
    ga4: (d) => ({ fields: { coupon: d.code }, replaces: ['code'] }),
    segment: (d) => ({ name: 'Wheel Spun', fields: { coupon_id: d.code }, replaces: ['code'] }),
  },
  'retain-spin-code-copied': {
    ga4: (d) => ({ fields: { coupon: d.code }, replaces: ['code'] }),
    segment: (d) => ({ name: 'Coupon Copied', fields: { coupon_id: d.code }, replaces: ['code'] }),
  },
  'retain-spin-code-applied': {
    ga4: (d) => ({ fields: { coupon: d.code }, replaces: ['code'] }),
    segment: (d) => ({ name: 'Coupon Applied', spec: true, fields: { coupon_id: d.code }, replaces: ['code'] }),
  },
  'retain-spin-dismissed': { segment: 'Spin Wheel Dismissed' },
  'retain-points-changed': {
    ga4: (d) => ({
      name: d.delta > 0 ? 'earn_virtual_currency' : 'spend_virtual_currency',
      spec: true,
      fields: { virtual_currency_name: POINTS, value: Math.abs(d.delta) },
      replaces: ['delta'],
    }),
    segment: (d) => ({ name: d.delta > 0 ? 'Points Earned' : 'Points Spent', fields: { points: Math.abs(d.delta) }, replaces: ['delta'] }),
  },
  'retain-tier-changed': {
    // An achievement is reached, never lost: a tier down keeps the kit's name.
    ga4: (d) => (d.up && d.to ? { name: 'unlock_achievement', spec: true, fields: { achievement_id: d.to } } : {}),
    segment: 'Tier Changed',
  },
  'retain-reward-unlocked': { segment: 'Reward Unlocked' },
  'retain-reward-clicked': { segment: 'Reward Clicked' },
  'retain-panel-opened': { segment: 'Loyalty Panel Opened' },
  'retain-review-seen': { segment: 'Reviews Viewed' },
  'retain-review-filtered': { segment: 'Reviews Filtered' },
  'retain-review-sorted': { segment: 'Reviews Sorted' },
  'retain-review-voted': { segment: 'Review Marked Helpful' },
  'retain-review-photo-opened': { segment: 'Review Photo Opened' },
  'retain-account-shown': { segment: 'Account Prompt Viewed' },
  'retain-account-request': { segment: 'Account Requested' },
  'retain-account-created': {
    // The prompt signs the shopper up with the email of their order.
    ga4: () => ({ name: 'sign_up', spec: true, fields: { method: 'email' } }),
    segment: () => ({ name: 'Signed Up', spec: true }),
  },
  'retain-account-dismissed': { segment: 'Account Prompt Dismissed' },
  'retain-offer-shown': { segment: 'Next Order Offer Viewed' },
  'retain-offer-copied': { segment: 'Next Order Offer Copied' },
  'retain-offer-applied': { segment: 'Next Order Offer Applied' },
  'retain-offer-reminded': { segment: 'Next Order Offer Reminded' },
  'retain-offer-redeemed': { segment: 'Next Order Offer Redeemed' },
  'retain-survey-shown': { segment: 'Survey Viewed' },
  'retain-survey-answered': { segment: 'Survey Answered' },
  'retain-survey-commented': { segment: 'Survey Commented' },
  'retain-survey-dismissed': { segment: 'Survey Dismissed' },
  'retain-survey-link-followed': { segment: 'Survey Link Followed' },
  'retain-referral-shown': { segment: 'Referral Viewed' },
  'retain-referral-shared': {
    // GA4's recommended `share`: how (the channel), what (a referral) and which (its code, else its link).
    ga4: (d) => ({
      name: 'share',
      spec: true,
      fields: { method: d.channel, content_type: 'referral', item_id: d.code ?? d.link },
      replaces: ['channel'],
    }),
    segment: (d) => ({ name: 'Referral Shared', fields: { share_via: d.channel }, replaces: ['channel'] }),
  },
  'retain-referral-copied': { segment: 'Referral Copied' },
  'retain-recently-viewed-shown': {
    ga4: (d) => ({
      name: 'view_item_list',
      spec: true,
      ecommerce: { ...RECENTLY_VIEWED, items: d.productIds.map((item_id, index) => ({ item_id, index })) },
      replaces: ['productIds'],
    }),
    segment: (d) => ({
      name: 'Product List Viewed',
      spec: true,
      fields: { list_id: RECENTLY_VIEWED.item_list_id, products: d.productIds.map((product_id, i) => ({ product_id, position: i + 1 })) },
      replaces: ['productIds'],
    }),
  },
  'retain-recently-viewed-product-clicked': {
    ga4: (d) => ({
      name: 'select_item',
      spec: true,
      fields: d.currency ? { currency: d.currency } : {},
      ecommerce: { ...RECENTLY_VIEWED, items: [{ item_id: d.productId, item_name: d.name, index: d.position - 1, price: d.price }] },
      replaces: ['productId', 'name', 'position', 'price', 'currency'],
    }),
    segment: (d) => ({
      name: 'Product Clicked',
      spec: true,
      fields: { product_id: d.productId, name: d.name, position: d.position, url: d.url, price: d.price, currency: d.currency },
      replaces: ['productId', 'name', 'position', 'url', 'price', 'currency'],
    }),
  },
  'retain-recently-viewed-cleared': { segment: 'Recently Viewed Cleared' },
  'retain-order-recorded': {
    // Not `purchase` / `Order Completed`, and no `value`, `total` or `revenue`: see the file comment.
    ga4: (d) => ({ fields: orderFields(d), replaces: ['orderId', 'total', 'currency'] }),
    segment: (d) => ({ name: 'Order Recorded', fields: orderFields(d), replaces: ['orderId', 'total', 'currency'] }),
  },
};

function orderFields(d: DetailOf<'retain-order-recorded'>) {
  return { order_id: d.orderId, order_total: d.total, order_currency: d.currency };
}

/** Every kit event's name. */
export const EVENT_NAMES = Object.keys(NAMING) as KitEventName[];

const isKitEvent = (name: string): name is KitEventName => Object.hasOwn(NAMING, name);

/**
 * A kit event in a tool's words (without the kit's other fields, which follow them in a payload), or
 * undefined for an event this kit does not know (a newer kit's, still in the outbox).
 */
export function standardOf(event: string, detail: Record<string, unknown>, naming: Naming): Standard | undefined {
  if (!isKitEvent(event)) return undefined;
  const mapping = NAMING[event] as EventNaming<unknown>;
  if (naming === 'ga4') return { name: ga4Name(event), ...mapping.ga4?.(detail) };
  return typeof mapping.segment === 'string' ? { name: mapping.segment } : mapping.segment(detail);
}

// ---------------------------------------------------------------------------------------------------
// GA4

/** GA4's collection limits: parameters per event, length of names and of text values. */
export const GA4_LIMITS = { params: 25, name: 40, value: 100 } as const;
/** Prefixes GA4 reserves for its own parameters. */
const GA4_RESERVED = /^(google_|ga_|firebase_)/;

export interface Ga4Event {
  name: string;
  /** Flat parameters (no objects, no arrays). */
  params: Record<string, unknown>;
  /** Promotion fields and `items` of an ecommerce event. */
  ecommerce?: Record<string, unknown>;
  /** Parameters left out to keep within GA4's limit. */
  dropped: string[];
}

/** A text cut to GA4's length, never inside a character (half an emoji would show as "�" in its reports). */
const cut = (value: unknown) =>
  typeof value === 'string' && value.length > GA4_LIMITS.value ? value.slice(0, GA4_LIMITS.value).replace(/[\uD800-\uDBFF]$/, '') : value;

/** The detail, flat: nested fields joined with `_`, arrays with commas (the default GA4 shape). */
export function flatten(detail: Record<string, unknown>, skip: readonly string[] = []): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  const walk = (value: Record<string, unknown>, prefix: string) => {
    for (const [key, v] of Object.entries(value)) {
      if (!prefix && (key === 'id' || skip.includes(key))) continue;
      const name = prefix + snake(key);
      if (v && typeof v === 'object' && !Array.isArray(v)) walk(v as Record<string, unknown>, `${name}_`);
      else params[name] = Array.isArray(v) ? v.join(',') : v;
    }
  };
  walk(detail, '');
  return params;
}

/**
 * A row as GA4 takes it. Default naming: the kit's snake_case name with every detail field, flat.
 * `ga4`: the recommended event where one fits, its fields first, then `event_id`, the widget and
 * instance, the detail's other fields and its counters, within GA4's limits: names cut to 40 characters,
 * text values to 100, and at most 25 parameters (the ecommerce fields count), the last ones left out.
 */
export function ga4Event(row: OutboxRow, naming?: Naming): Ga4Event {
  const cancelled = row.cancelled ? { cancelled: true } : {};
  if (naming !== 'ga4') return { name: ga4Name(row.name), params: { event_id: row.id, ...flatten(row.detail), ...cancelled }, dropped: [] };
  const std = standardOf(row.name, row.detail, 'ga4') ?? {};
  // Over the limit, the counters go first, then the widget's other fields; the standard ones and the ids stay.
  const { widget, instance, ...rest } = flatten(row.detail, std.replaces);
  const counts = (key: string) => key.startsWith('counters_');
  const entries = Object.entries(rest);
  const detail = Object.fromEntries([...entries.filter(([key]) => !counts(key)), ...entries.filter(([key]) => counts(key))]);
  const all = { ...std.fields, event_id: row.id, widget, instance, ...cancelled, ...detail };
  const ecommerce = std.ecommerce && limitedEcommerce(std.ecommerce);
  let room = GA4_LIMITS.params - Object.keys(ecommerce ?? {}).length;
  const params: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    const name = key.slice(0, GA4_LIMITS.name);
    // A parameter without a value (`trigger: null`) says nothing to GA4 and costs one of its 25.
    if (value == null || GA4_RESERVED.test(name) || name in params) continue;
    if (room-- > 0) params[name] = cut(value);
    else dropped.push(name);
  }
  return { name: (std.name ?? ga4Name(row.name)).slice(0, GA4_LIMITS.name), params, ...(ecommerce && { ecommerce }), dropped };
}

function limitedEcommerce(ecommerce: Record<string, unknown>): Record<string, unknown> {
  const limited: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ecommerce)) {
    limited[key] = Array.isArray(value)
      ? value.map((item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).map(([k, v]) => [k, cut(v)])))
      : cut(value);
  }
  return limited;
}

// ---------------------------------------------------------------------------------------------------
// Segment (and RudderStack, PostHog)

const snakeKeys = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(snakeKeys)
    : value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), snakeKeys(v)]))
      : value;

/**
 * A row as Segment's `track` takes it. Default naming: the kit's name and its detail as it is.
 * `segment`: the spec's name, its fields first, then the detail's other fields in snake_case, as the
 * spec writes properties. The event id goes as `messageId` (PostHog: `uuid`), not as a property.
 */
export function segmentEvent(row: OutboxRow, naming?: Naming): { name: string; properties: Record<string, unknown> } {
  const cancelled = row.cancelled ? { cancelled: true } : {};
  if (naming !== 'segment') return { name: row.name, properties: { ...row.detail, ...cancelled } };
  const std = standardOf(row.name, row.detail, 'segment');
  const rest = Object.entries(row.detail).filter(([key]) => key !== 'id' && !std?.replaces?.includes(key));
  return {
    name: std?.name ?? row.name,
    properties: { ...std?.fields, ...(snakeKeys(Object.fromEntries(rest)) as Record<string, unknown>), ...cancelled },
  };
}

// ---------------------------------------------------------------------------------------------------
// Names in `events=`

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    row = next;
  }
  return row[b.length];
}

/**
 * The names (or `prefix-*` patterns) of a filter that match no kit event, each with the nearest real
 * event name by edit distance (for a pattern, by the distance of its prefix to the event's start).
 */
export function unknownEvents(names: readonly string[]): { name: string; nearest: KitEventName }[] {
  const unknown: { name: string; nearest: KitEventName }[] = [];
  for (const name of names) {
    const prefix = name.endsWith('*') ? name.slice(0, -1) : undefined;
    const matches = prefix === undefined ? isKitEvent(name) : EVENT_NAMES.some((event) => event.startsWith(prefix));
    if (matches) continue;
    const scores = EVENT_NAMES.map((event) =>
      prefix === undefined ? distance(name, event) : distance(prefix, event.slice(0, prefix.length)),
    );
    unknown.push({ name, nearest: EVENT_NAMES[scores.indexOf(Math.min(...scores))] });
  }
  return unknown;
}
