/**
 * One or more example details of every kit event, typed by its event class: the table of names in docs/forward.md
 * (`scripts/forwarding-doc.mjs`) prints what `naming.ts` makes of them, and the tests forward them through
 * the real clients. Not part of the kit's bundle: nothing in `src/` imports it.
 */
import type { DetailOf, KitEventName } from './naming.js';

/** A detail as a destination gets it: the kit fills in id and time; personal fields never leave the page. */
type Fields<K extends KitEventName> = Omit<DetailOf<K>, 'id' | 'timestamp' | 'widget' | 'instance' | 'email' | 'password' | 'comment'>;

export interface Sample<K extends KitEventName = KitEventName> {
  /** When this sample's mapping applies, for an event whose name depends on its detail. */
  when?: string;
  widget: string;
  instance: string;
  fields: Fields<K>;
}

type Samples = { [K in KitEventName]: Sample<K>[] };

const wheel = { widget: 'spin-wheel', instance: 'welcome' };
const badge = { widget: 'loyalty-badge', instance: 'header' };
const reviews = { widget: 'review-showcase', instance: 'default' };
const account = { widget: 'account-prompt', instance: 'default' };
const offer = { widget: 'next-order-offer', instance: 'default' };
const survey = { widget: 'survey', instance: 'default' };
const referral = { widget: 'referral', instance: 'default' };
const anna = { link: 'https://store.example/?ref=ANNA10', code: 'ANNA10' };
const recent = { widget: 'recently-viewed', instance: 'default' };
const consent = { email: true, sms: false, textVersion: 'marketing-2026-01', at: '2026-01-10T09:00:00.000Z' };

export const SAMPLES: Samples = {
  'retain-spin-shown': [{ ...wheel, fields: { mode: 'inline', trigger: null, counters: { seen: 1 } } }],
  'retain-spin-started': [{ ...wheel, fields: { source: 'wheel', marketingConsent: false, counters: { interacted: 1 } } }],
  'retain-spin-ended': [
    {
      ...wheel,
      fields: { prize: '10% off', slice: 0, type: 'discount', code: 'TEA10-7KQ', expiresAt: 1767225600000, counters: { spun: 1 } },
    },
  ],
  'retain-spin-code-copied': [{ ...wheel, fields: { code: 'TEA10-7KQ', counters: { copied: 1 } } }],
  'retain-spin-code-applied': [{ ...wheel, fields: { code: 'TEA10-7KQ', url: '/discount/TEA10-7KQ', counters: { converted: 1 } } }],
  'retain-spin-dismissed': [{ ...wheel, fields: { spun: false, counters: { dismissed: 1 } } }],
  'retain-points-changed': [
    { when: '`delta` > 0', ...badge, fields: { from: 90, to: 540, delta: 450, source: 'store' } },
    { when: '`delta` < 0', ...badge, fields: { from: 540, to: 40, delta: -500, source: 'store' } },
  ],
  'retain-tier-changed': [
    { when: '`up`', ...badge, fields: { from: 'Bronze', to: 'Silver', up: true, source: 'store' } },
    { when: 'not `up`', ...badge, fields: { from: 'Silver', to: 'Bronze', up: false, source: 'store' } },
  ],
  'retain-reward-unlocked': [{ ...badge, fields: { reward: 'five-off', label: '€5 off', cost: 500, source: 'store' } }],
  'retain-reward-clicked': [{ ...badge, fields: { reward: 'five-off', label: '€5 off', cost: 500, source: 'store' } }],
  'retain-panel-opened': [{ ...badge, fields: {} }],
  'retain-review-seen': [{ ...reviews, fields: { productId: 'mug', reviewIds: ['r1', 'r2'], counters: { seen: 1 } } }],
  'retain-review-filtered': [
    {
      ...reviews,
      fields: { productId: 'mug', stars: [4, 5], photos: false, keyword: '', featured: false, matches: 12, counters: { interacted: 1 } },
    },
  ],
  'retain-review-sorted': [{ ...reviews, fields: { productId: 'mug', sort: 'helpful', languageFirst: 'en', counters: { interacted: 2 } } }],
  'retain-review-voted': [{ ...reviews, fields: { productId: 'mug', reviewId: 'r1', counters: { voted: 1 } } }],
  'retain-review-photo-opened': [{ ...reviews, fields: { productId: 'mug', reviewId: 'r1', index: 0, counters: { opened: 1 } } }],
  'retain-account-shown': [{ ...account, fields: { orderId: '1001', status: 'guest', variant: 'inline', counters: { seen: 1 } } }],
  'retain-account-request': [{ ...account, fields: { orderId: '1001', total: 59.9, currency: 'EUR', mode: 'json', consent } }],
  'retain-account-created': [{ ...account, fields: { orderId: '1001', mode: 'json', consent, invited: false } }],
  'retain-account-dismissed': [{ ...account, fields: { orderId: '1001', snoozedUntil: 1767225600000 } }],
  'retain-offer-shown': [
    {
      ...offer,
      fields: {
        orderId: '1001',
        code: 'NEXT-7KQ2',
        expiresAt: 1_770_000_000_000,
        source: 'pool',
        minimum: 30,
        currency: 'EUR',
        counters: { seen: 1 },
      },
    },
  ],
  'retain-offer-copied': [{ ...offer, fields: { code: 'NEXT-7KQ2', view: 'card', counters: { interacted: 1 } } }],
  'retain-offer-applied': [
    { ...offer, fields: { code: 'NEXT-7KQ2', view: 'card', url: '/discount/NEXT-7KQ2', counters: { converted: 1 } } },
  ],
  'retain-offer-reminded': [{ ...offer, fields: { code: 'NEXT-7KQ2', expiresAt: 1_770_000_000_000, counters: { opened: 1 } } }],
  'retain-offer-redeemed': [{ ...offer, fields: { orderId: '1002', code: 'NEXT-7KQ2', handedOn: '1001' } }],
  'retain-survey-shown': [{ ...survey, fields: { orderId: '1001', type: 'nps', counters: { seen: 1 } } }],
  'retain-survey-answered': [
    { ...survey, fields: { orderId: '1001', type: 'nps', score: 9, max: 10, category: 'promoter', counters: { interacted: 1 } } },
  ],
  'retain-survey-commented': [{ ...survey, fields: { orderId: '1001', answerId: 'evt-1' } }],
  'retain-survey-dismissed': [{ ...survey, fields: { orderId: '1001', snoozedUntil: 1_770_000_000_000 } }],
  'retain-survey-link-followed': [{ ...survey, fields: { orderId: '1001', link: 'review', url: '/reviews/new', category: 'promoter' } }],
  'retain-referral-shown': [{ ...referral, fields: { ...anna, source: 'link', counters: { seen: 1 } } }],
  'retain-referral-shared': [{ ...referral, fields: { ...anna, channel: 'whatsapp', counters: { shared: 1 } } }],
  'retain-referral-copied': [{ ...referral, fields: { ...anna, copied: 'link', counters: { copied: 1 } } }],
  'retain-recently-viewed-shown': [{ ...recent, fields: { productIds: ['oolong-100', 'sencha-50'], counters: { seen: 1 } } }],
  'retain-recently-viewed-product-clicked': [
    {
      ...recent,
      fields: { productId: 'oolong-100', name: 'Milk Oolong', url: '/teas/milk-oolong', position: 1, price: 18.5, currency: 'EUR' },
    },
  ],
  'retain-recently-viewed-cleared': [{ ...recent, fields: { cleared: 2, counters: { cleared: 1 } } }],
  'retain-order-recorded': [{ widget: 'order', instance: 'default', fields: { orderId: '1001', total: 59.9, currency: 'EUR' } }],
};
