/**
 * GA4's documented schema for an event sent through `gtag('event', name, params)` or a dataLayer push,
 * as a checker (Google's gtag.js cannot be had here). From Google's documentation:
 *
 * - Event names: letters, digits and underscores, starting with a letter, at most 40 characters; not
 *   reserved (prefixes `_`, `firebase_`, `ga_`, `google_`, `gtag.`; names such as `first_visit`,
 *   `session_start`, `user_engagement`). Parameters: at most 25 per event, names by the same rule (40
 *   characters, reserved prefixes), text values at most 100 characters.
 *   (support.google.com/analytics/answer/9267744, "Event naming rules" and "Collection limits")
 * - Recommended events and their required parameters
 *   (developers.google.com/analytics/devguides/collection/ga4/reference/events): `view_promotion`
 *   needs `items`, each with `item_id` or `item_name`, as do `view_item_list` and `select_item` (whose
 *   `item_list_id` and `item_list_name` are ecommerce fields too); `earn_virtual_currency` `virtual_currency_name`
 *   and a numeric `value`; `spend_virtual_currency` the same (and may name the `item_name`);
 *   `unlock_achievement` `achievement_id`; `sign_up` may give its `method` as text; `share` may give its
 *   `method`, `content_type` and `item_id`, each as text (all three optional).
 * - GTM's ecommerce data layer: promotion fields and `items` go under `ecommerce`, after a push of
 *   `{ ecommerce: null }` that clears the previous one
 *   (developers.google.com/analytics/devguides/collection/ga4/ecommerce?client_type=gtm).
 */
const NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const RESERVED_PREFIX = /^(_|firebase_|ga_|google_|gtag\.)/;
const RESERVED_EVENTS = new Set([
  'ad_activeview',
  'ad_click',
  'ad_exposure',
  'ad_impression',
  'ad_query',
  'ad_reward',
  'adunit_exposure',
  'app_background',
  'app_clear_data',
  'app_exception',
  'app_remove',
  'app_store_refund',
  'app_update',
  'app_upgrade',
  'dynamic_link_app_open',
  'error',
  'first_open',
  'first_visit',
  'in_app_purchase',
  'notification_dismiss',
  'notification_foreground',
  'notification_open',
  'notification_receive',
  'os_update',
  'session_start',
  'screen_view',
  'user_engagement',
]);
export const GA4_ECOMMERCE_FIELDS = [
  'promotion_id',
  'promotion_name',
  'creative_name',
  'creative_slot',
  'location_id',
  'item_list_id',
  'item_list_name',
  'items',
];

const REQUIRED: Record<string, (params: Record<string, unknown>) => string[]> = {
  view_promotion: (p) => items(p, true),
  select_promotion: (p) => items(p, false),
  view_item_list: (p) => items(p, true),
  select_item: (p) => items(p, true),
  earn_virtual_currency: (p) => currency(p),
  spend_virtual_currency: (p) => [
    ...currency(p),
    ...(p.item_name === undefined || typeof p.item_name === 'string' ? [] : ['item_name is not text']),
  ],
  unlock_achievement: (p) => (typeof p.achievement_id === 'string' && p.achievement_id ? [] : ['achievement_id is required']),
  sign_up: (p) => (p.method === undefined || typeof p.method === 'string' ? [] : ['method is not text']),
  share: (p) =>
    ['method', 'content_type', 'item_id'].flatMap((key) =>
      p[key] === undefined || typeof p[key] === 'string' ? [] : [`${key} is not text`],
    ),
};

function items(p: Record<string, unknown>, required: boolean): string[] {
  if (p.items === undefined) return required ? ['items is required'] : [];
  if (!Array.isArray(p.items) || !p.items.length) return ['items is not a list of items'];
  return p.items.flatMap((item: Record<string, unknown>, i) => [
    ...(item.item_id || item.item_name ? [] : [`items[${i}] has neither item_id nor item_name`]),
    ...Object.entries(item).flatMap(([k, v]) =>
      typeof v === 'string' && v.length > 100 ? [`items[${i}].${k} is over 100 characters`] : [],
    ),
  ]);
}

function currency(p: Record<string, unknown>): string[] {
  return [
    ...(typeof p.virtual_currency_name === 'string' && p.virtual_currency_name ? [] : ['virtual_currency_name is required']),
    ...(typeof p.value === 'number' && Number.isFinite(p.value) ? [] : ['value is required as a number']),
  ];
}

/** What is wrong with an event by GA4's schema (none: an empty list). `params` may include ecommerce fields. */
export function ga4Problems(name: string, params: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (!NAME.test(name) || name.length > 40) problems.push(`event name "${name}" breaks GA4's naming rules`);
  if (RESERVED_PREFIX.test(name) || RESERVED_EVENTS.has(name)) problems.push(`event name "${name}" is reserved`);
  const keys = Object.keys(params).filter((key) => params[key] !== undefined);
  if (keys.length > 25) problems.push(`${keys.length} parameters, over GA4's 25`);
  for (const key of keys) {
    const value = params[key];
    if (!NAME.test(key) || key.length > 40) problems.push(`parameter name "${key}" breaks GA4's naming rules`);
    if (RESERVED_PREFIX.test(key)) problems.push(`parameter name "${key}" is reserved`);
    if (typeof value === 'string' && value.length > 100) problems.push(`parameter "${key}" is over 100 characters`);
    if (key !== 'items' && value !== null && typeof value === 'object') problems.push(`parameter "${key}" is not flat`);
  }
  problems.push(...(REQUIRED[name]?.(params) ?? []));
  return problems;
}

/**
 * What is wrong with a dataLayer's pushes (entries with `event`) by GA4's schema and GTM's ecommerce
 * practice. Keys set to `undefined` (unsetting an earlier event's parameters) are not parameters.
 */
export function dataLayerProblems(pushes: Record<string, unknown>[]): string[] {
  return pushes.flatMap((entry, i) => {
    if (!('event' in entry)) return [];
    const { event, ecommerce, ...params } = entry;
    const problems: string[] = [];
    if (ecommerce !== undefined) {
      if (pushes[i - 1]?.ecommerce !== null || Object.keys(pushes[i - 1]).length !== 1)
        problems.push(`${event}: no { ecommerce: null } before it`);
      for (const key of Object.keys(ecommerce as object)) {
        if (!GA4_ECOMMERCE_FIELDS.includes(key)) problems.push(`${event}: ecommerce.${key} is not an ecommerce field`);
      }
    }
    for (const key of GA4_ECOMMERCE_FIELDS) if (params[key] !== undefined) problems.push(`${event}: ${key} outside ecommerce`);
    return [...problems, ...ga4Problems(String(event), { ...params, ...(ecommerce as object) }).map((problem) => `${event}: ${problem}`)];
  });
}
