/** Russian texts of `<retain-recently-viewed>`, loaded only on pages in Russian. */
import type { Terms } from '../../core/localize.js';
import type { RecentlyViewedTerm } from '../recently-viewed.terms.js';

export default {
  heading: 'Вы недавно смотрели',
  clear: 'Очистить',
  cleared: 'Недавно просмотренные товары удалены с этого устройства.',
} satisfies Terms<RecentlyViewedTerm>;
