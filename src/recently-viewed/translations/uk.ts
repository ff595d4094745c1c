/** Ukrainian texts of `<retain-recently-viewed>`, loaded only on pages in Ukrainian. */
import type { Terms } from '../../core/localize.js';
import type { RecentlyViewedTerm } from '../recently-viewed.terms.js';

export default {
  heading: 'Ви нещодавно переглядали',
  clear: 'Очистити',
  cleared: 'Нещодавно переглянуті товари видалено з цього пристрою.',
} satisfies Terms<RecentlyViewedTerm>;
